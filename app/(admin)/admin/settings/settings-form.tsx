"use client";

import { useActionState, useRef } from "react";
import { CLINIC_LOCALES, EMERGENCY_PRESETS, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { formatDateTime } from "@/lib/ui/format";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form";
import { updateClinicSettingsAction } from "./actions";

/** The same instant in each locale, so the administrator sees what each choice looks like. */
const SAMPLE_INSTANT = new Date("2026-12-02T15:05:00Z");
const sample = (locale: string, timeZone: string) => formatDateTime(SAMPLE_INSTANT, { locale, timeZone });

const buttonClass = "min-h-11 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium hover:bg-slate-50";

export function ClinicSettingsForm({ settings, timeZones }: { settings: ClinicSettings; timeZones: readonly string[] }) {
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
      <Field
        name="clinicName"
        label="Clinic name"
        hint="Printed at the head of every plan, exam note and letter."
        defaultValue={settings.clinicName}
        state={state}
        required
      />
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
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Dates and times</legend>
        <p className="text-sm text-slate-600">Clinicians and administrators read every time in the clinic&apos;s zone; each patient reads theirs in their own.</p>
        <SelectField
          name="timeZone"
          label="Clinic time zone"
          defaultValue={settings.timeZone}
          options={timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
          state={state}
          required
        />
        <SelectField
          name="locale"
          label="How dates and times are written"
          defaultValue={settings.locale}
          options={CLINIC_LOCALES.map((l) => ({ value: l.id, label: `${l.label}: ${sample(l.id, settings.timeZone)}` }))}
          state={state}
          required
        />
      </fieldset>
      <fieldset className="space-y-1 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Sign-in</legend>
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            name="twoFactorRequired"
            defaultChecked={state && !state.ok ? state.values?.twoFactorRequired === "on" : settings.twoFactorRequired}
            aria-describedby="two-factor-required-hint"
            className="mt-1 h-5 w-5 shrink-0"
          />
          <span className="font-medium">Require two-factor sign-in for physicians and administrators</span>
        </label>
        <p id="two-factor-required-hint" className="text-sm text-slate-600">
          Anyone in those roles without it is sent to set it up at their next click, before anything else, you included.
        </p>
      </fieldset>
      <SubmitButton pendingText="Saving…">Save clinic settings</SubmitButton>
    </form>
  );
}
