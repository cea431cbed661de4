"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { resolveRedFlagAction } from "./actions";

export function ResolveRedFlagForm({ patientId, alertId }: { patientId: string; alertId: string }) {
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
      <SubmitButton tone="danger" pendingText="Recording…">Record resolution</SubmitButton>
    </form>
  );
}
