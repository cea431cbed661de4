"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/lib/ui/form";
import { startExamAction } from "./exams/actions";

/** Starts the draft from the chart itself: the form opens at once, with no page asking to start. */
export function NewExamButton({ patientId }: { patientId: string }) {
  const [state, action] = useActionState(startExamAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Opening…">New examination</SubmitButton>
    </form>
  );
}
