"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { addExamAddendumAction } from "../actions";

export function AddendumForm({ patientId, examId }: { patientId: string; examId: string }) {
  const [state, action] = useActionState(addExamAddendumAction, null);
  const previous = state && !state.ok ? state.values : undefined;
  // Re-mounted after a refusal so the text comes back from what was sent; cleared after success.
  return (
    <form action={action} key={JSON.stringify(previous ?? {})} className="mt-4 space-y-3" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="examId" value={examId} />
      <FormMessage state={state} />
      <TextAreaField
        name="text"
        label="Addendum"
        hint="Signed with your name and the time. The exam itself stays as it was signed."
        state={state}
        maxLength={4000}
        required
      />
      <SubmitButton pendingText="Signing…">Add signed addendum</SubmitButton>
    </form>
  );
}
