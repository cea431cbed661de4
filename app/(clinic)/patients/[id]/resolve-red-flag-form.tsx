"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { resolveRedFlagAction } from "./actions";

/**
 * Records how a red flag was resolved. A flag found to be long-standing and assessed (bilateral
 * symptoms of known stenosis, for example) can be marked so: check-ins then ask only whether it
 * has got worse (DOMAIN.md §2).
 */
export function ResolveRedFlagForm({ patientId, alertId, flags }: { patientId: string; alertId: string; flags: { id: string; label: string }[] }) {
  const [state, action] = useActionState(resolveRedFlagAction, null);
  return (
    <form action={action} className="mt-3 space-y-2" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="alertId" value={alertId} />
      <FormMessage state={state} />
      <TextAreaField
        name="resolution"
        label="How was it resolved?"
        hint="What was found and what was done, for example: seen in the emergency department, MRI showed no cauda equina compression."
        state={state}
        required
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Long-standing and assessed (optional)</legend>
        <p className="text-sm text-slate-700">Tick a sign you have assessed as long-standing: check-ins will then ask only whether it has got worse.</p>
        {flags.map((f) => (
          <label key={f.id} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name={`longStanding.${f.id}`} className="h-5 w-5" />
            {f.label}
          </label>
        ))}
      </fieldset>
      <SubmitButton tone="danger" pendingText="Recording…">Record resolution</SubmitButton>
    </form>
  );
}
