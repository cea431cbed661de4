"use client";

import { useActionState, useState } from "react";
import type { CheckInQuestion } from "@/lib/dal/check-ins";
import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import { LEG_SYMPTOMS, legSymptomLabels, NEURO_QUESTION } from "@/lib/domain/check-in";
import { EmergencyAdvice } from "@/lib/ui/emergency-advice";
import { FieldError, FormMessage, SubmitButton } from "@/lib/ui/form";
import { RadioGroup } from "@/lib/ui/radio-group";
import { submitCheckInAction } from "./actions";

const PAIN_OPTIONS = Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));
const YES_NO = [
  { value: "no", label: "No" },
  { value: "yes", label: "Yes" },
];

/** What to do at once after a check-in that reported a red flag: the tier decides (DOMAIN.md §2). */
function AfterRedFlag({ tier, settings }: { tier: "emergency" | "urgent"; settings: ClinicSettings }) {
  const emergency = tier === "emergency";
  return (
    <div
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="red-flag-now"
      className={`fixed inset-0 z-50 overflow-y-auto p-6 ${emergency ? "bg-red-800 text-white" : "bg-amber-50 text-amber-950"}`}
    >
      <div className="mx-auto max-w-xl space-y-4">
        <h1 id="red-flag-now" className="text-3xl font-bold">
          {emergency ? "Get emergency care now" : "Get a medical review today"}
        </h1>
        <p className="text-lg">
          {emergency
            ? "You reported a sign that needs emergency care today. Your care team has been alerted, but do not wait for them. Do not run."
            : "You reported a sign that a doctor needs to check today. Your care team has been alerted. Do not run until a doctor has seen you."}
        </p>
        <div className={`rounded-lg bg-white p-4 ${emergency ? "text-red-950" : "text-amber-950 ring-2 ring-amber-700"}`}>
          <EmergencyAdvice settings={settings} only={tier} />
        </div>
      </div>
    </div>
  );
}

export function CheckInForm({ questions, settings }: { questions: CheckInQuestion[]; settings: ClinicSettings }) {
  const [state, action] = useActionState(submitCheckInAction, null);
  // One key per check-in: a double tap or a retry of the same answers is saved once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const typed = state && !state.ok ? state.values : undefined;

  if (state?.ok && state.data?.tier) return <AfterRedFlag tier={state.data.tier} settings={settings} />;
  if (state?.ok) {
    return (
      <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-emerald-950">
        <p>{state.message}</p>
        {state.data?.careTeamAlerted && <p className="font-medium">You said numbness or weakness is new or worse: your care team has been told and will be in touch.</p>}
      </div>
    );
  }

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
      <RadioGroup name="neuroWorse" legend={NEURO_QUESTION} options={YES_NO} state={state} />
      <fieldset className="space-y-3 rounded-lg border-2 border-red-700 p-4">
        <legend className="px-1 font-semibold text-red-800">Warning signs: please answer each one</legend>
        <p className="text-sm text-slate-800">These ask about the last 2 weeks: what is new, or getting worse.</p>
        {questions.map((q) => (
          <RadioGroup key={q.id} name={`redFlags.${q.id}`} legend={q.question} options={YES_NO} state={state} />
        ))}
        <FieldError id="red-flags-error" errors={state && !state.ok ? state.fieldErrors?.redFlags : undefined} />
      </fieldset>
      <SubmitButton pendingText="Saving…">Send my check-in</SubmitButton>
    </form>
  );
}
