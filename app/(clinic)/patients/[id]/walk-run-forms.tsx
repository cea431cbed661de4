"use client";

import { useActionState } from "react";
import { returnToRunChecklist } from "@/lib/domain/clearance";
import { walkRunStages } from "@/lib/domain/progression";
import { FieldError, FormMessage, SelectField, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { setWalkRunStageAction, signOffReturnToRunAction } from "./actions";

/** The physician ticks the return-to-run entry criteria (DOMAIN.md §6) and starts the programme. */
export function SignOffForm({ patientId }: { patientId: string }) {
  const [state, action] = useActionState(signOffReturnToRunAction, null);
  const errors = state && !state.ok ? state.fieldErrors?.criteria : undefined;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <fieldset aria-describedby={errors ? "criteria-error" : undefined}>
        <legend className="text-sm font-medium">Entry criteria checked (all needed)</legend>
        {returnToRunChecklist.map((c) => (
          <label key={c.id} className="mt-1 flex min-h-11 items-center gap-3">
            <input type="checkbox" name={`criteria.${c.id}`} className="h-5 w-5" />
            {c.clinicianLabel}
          </label>
        ))}
        <FieldError id="criteria-error" errors={errors} />
      </fieldset>
      <TextAreaField name="note" label="Note (optional)" state={state} />
      <SubmitButton pendingText="Signing off…">Sign off and start at stage 1</SubmitButton>
    </form>
  );
}

/** A physician or the assigned therapist sets the stage, with the reason; never above the clearance. */
export function SetStageForm({ patientId, stage, cap }: { patientId: string; stage: number; cap: number }) {
  const [state, action] = useActionState(setWalkRunStageAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <SelectField
        name="stage"
        label="Stage"
        defaultValue={String(stage)}
        options={walkRunStages.map((s) => ({ value: String(s.stage), label: `${s.stage}: ${s.patientLabel}${s.stage > cap ? " (above the clearance)" : ""}` }))}
        state={state}
        required
      />
      <TextAreaField name="reason" label="Why the stage changes" hint="For example: tolerated stage 3 well at the session." state={state} required />
      <SubmitButton pendingText="Saving…">Set the stage</SubmitButton>
    </form>
  );
}
