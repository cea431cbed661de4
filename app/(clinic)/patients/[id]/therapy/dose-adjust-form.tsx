"use client";

import { useActionState, useId } from "react";
import { FieldError, Field, FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { useSubmissionKey } from "@/lib/ui/use-submission-key";
import { adjustExerciseDoseAction } from "./actions";
import { doseFieldLabels } from "./dose-labels";

export interface AdjustableItem {
  key: string;
  name: string;
  /** The current dose in words (describeDose). */
  doseText: string;
  /** The numbers the therapist may change, with their current values. */
  fields: { field: string; value: number }[];
}

/** Refusals about the dose as a whole, or the item, rather than one of its numbers. */
const UNPLACED = ["dose", "itemKey", "form"];

export function DoseAdjustForm({ patientId, basedOnVersion, item }: { patientId: string; basedOnVersion: number; item: AdjustableItem }) {
  const [state, action] = useActionState(adjustExerciseDoseAction, null);
  const id = useId();
  const unplaced = state && !state.ok ? UNPLACED.flatMap((path) => state.fieldErrors?.[path] ?? []) : [];
  return (
    // Folded, so a plan with many exercises is a short list until one is opened; it stays open
    // while its form is in use, also after a refusal.
    <details className="py-1">
      <summary className="min-h-11 cursor-pointer py-2">
        <span id={`${id}-name`} className="font-semibold">
          {item.name}
        </span>
        <span className="block pl-4 text-sm text-slate-700">Now: {item.doseText}</span>
      </summary>
      <form key={useSubmissionKey(state)} action={action} aria-labelledby={`${id}-name`} className="space-y-3 pt-2 pb-4" noValidate>
        <input type="hidden" name="patientId" value={patientId} />
        <input type="hidden" name="basedOnVersion" value={basedOnVersion} />
        <input type="hidden" name="itemKey" value={item.key} />
        <FormMessage state={state} />
        <FieldError id={`${id}-dose-error`} errors={unplaced.length ? unplaced : undefined} />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {item.fields.map(({ field, value }) => (
            <Field key={field} name={`dose.${field}`} label={doseFieldLabels[field] ?? field} type="number" inputMode="numeric" min={1} defaultValue={String(value)} state={state} />
          ))}
        </div>
        <TextAreaField name="reason" label="Reason for the change" hint="The physician reads it in the plan history." state={state} />
        <SubmitButton pendingText="Saving…">Change the dose</SubmitButton>
      </form>
    </details>
  );
}
