"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/lib/ui/form";
import { startExamAction } from "../actions";

export function StartExamForm({ patientId }: { patientId: string }) {
  const [state, action] = useActionState(startExamAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Starting…">Start examination</SubmitButton>
    </form>
  );
}
