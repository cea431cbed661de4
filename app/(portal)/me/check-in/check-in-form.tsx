"use client";

import { useActionState, useState } from "react";
import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import { LEG_SYMPTOMS, legSymptomLabels } from "@/lib/domain/check-in";
import { patientRedFlagIds, redFlags } from "@/lib/domain/red-flags";
import { EmergencyAdvice } from "@/lib/ui/emergency-advice";
import { FieldError, FormMessage, SubmitButton } from "@/lib/ui/form";
import { RadioGroup } from "@/lib/ui/radio-group";
import { submitCheckInAction } from "./actions";

const PAIN_OPTIONS = Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));
const YES_NO = [
  { value: "no", label: "No" },
  { value: "yes", label: "Yes" },
];

export function CheckInForm({ settings }: { settings: ClinicSettings }) {
  const [state, action] = useActionState(submitCheckInAction, null);
  // One key per check-in: a double tap or a retry of the same answers is saved once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const typed = state && !state.ok ? state.values : undefined;

  if (state?.ok && state.data?.emergency) {
    return (
      <div role="alertdialog" aria-modal="true" aria-labelledby="emergency-now" className="fixed inset-0 z-50 overflow-y-auto bg-red-800 p-6 text-white">
        <div className="mx-auto max-w-xl space-y-4">
          <h1 id="emergency-now" className="text-3xl font-bold">Get emergency care now</h1>
          <p className="text-lg">You reported a sign that needs a doctor today. Your care team has been alerted, but do not wait for them.</p>
          <div className="rounded-lg bg-white p-4 text-red-950">
            <EmergencyAdvice settings={settings} />
          </div>
        </div>
      </div>
    );
  }
  if (state?.ok) {
    return (
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-emerald-950">
        {state.message}
      </p>
    );
  }

  const questions = redFlags.filter((f) => patientRedFlagIds.includes(f.id));
  return (
    <form action={action} key={JSON.stringify(typed ?? {})} className="space-y-6" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage state={state} />
      <RadioGroup name="painNow" legend="Your leg and back pain right now, from 0 (none) to 10 (worst imaginable)" options={PAIN_OPTIONS} state={state} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Do you have any of these in your leg today?</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {LEG_SYMPTOMS.map((s) => (
            <label key={s} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-2">
              <input type="checkbox" name={`leg.${s}`} defaultChecked={typed?.[`leg.${s}`] === "on"} className="h-5 w-5" />
              {legSymptomLabels[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3 rounded-lg border-2 border-red-700 p-4">
        <legend className="px-1 font-semibold text-red-800">Warning signs: please answer each one</legend>
        {questions.map((q) => (
          <RadioGroup key={q.id} name={`redFlags.${q.id}`} legend={q.patientQuestion ?? q.clinicianLabel} options={YES_NO} state={state} />
        ))}
        <FieldError id="red-flags-error" errors={state && !state.ok ? state.fieldErrors?.redFlags : undefined} />
      </fieldset>
      <SubmitButton pendingText="Saving…">Send my check-in</SubmitButton>
    </form>
  );
}
