"use client";

import { useActionState, useRef } from "react";
import { EMERGENCY_PRESETS, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form";
import { updateClinicSettingsAction } from "./actions";

const buttonClass = "min-h-11 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium hover:bg-slate-50";

export function ClinicSettingsForm({ settings }: { settings: ClinicSettings }) {
  const [state, action] = useActionState(updateClinicSettingsAction, null);
  const form = useRef<HTMLFormElement>(null);
  // A preset only fills the fields; nothing changes until the form is saved.
  function applyPreset(id: string) {
    const preset = EMERGENCY_PRESETS.find((p) => p.id === id);
    const fields = form.current?.elements;
    if (!preset || !fields) return;
    (fields.namedItem("emergencyNumber") as HTMLInputElement).value = preset.emergencyNumber;
    if (preset.urgentLine) {
      (fields.namedItem("urgentLineName") as HTMLInputElement).value = preset.urgentLine.name;
      (fields.namedItem("urgentLineNumber") as HTMLInputElement).value = preset.urgentLine.number;
    }
  }
  return (
    <form ref={form} action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Fill in for a country</legend>
        <div className="flex flex-wrap gap-2">
          {EMERGENCY_PRESETS.map((p) => (
            <button key={p.id} type="button" className={buttonClass} onClick={() => applyPreset(p.id)}>
              {p.label}
            </button>
          ))}
        </div>
      </fieldset>
      <Field
        name="emergencyNumber"
        label="Emergency number"
        hint="Patients with an emergency red flag are told to call it at once."
        inputMode="numeric"
        defaultValue={settings.emergencyNumber}
        state={state}
        required
      />
      <Field
        name="urgentLineName"
        label="Line for same-day medical advice"
        hint="For urgent red flags: for example NHS 111, or the clinic's nurse line."
        defaultValue={settings.urgentLineName}
        state={state}
        required
      />
      <Field
        name="urgentLineNumber"
        label="Its phone number (optional)"
        type="tel"
        defaultValue={settings.urgentLineNumber}
        state={state}
      />
      <Field
        name="reviewGraceDays"
        label="Days a clearance stays in force after its review date"
        hint="Past this, the patient is told not to run until a physician reviews them."
        inputMode="numeric"
        defaultValue={String(settings.reviewGraceDays)}
        state={state}
        required
      />
      <SubmitButton pendingText="Saving…">Save clinic settings</SubmitButton>
    </form>
  );
}
