"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/lib/ui/form";
import { acknowledgeRedFlagAction } from "./actions";

export function AcknowledgeRedFlagForm({ patientId, alertId }: { patientId: string; alertId: string }) {
  const [state, action] = useActionState(acknowledgeRedFlagAction, null);
  return (
    <form action={action} className="mt-2 space-y-2">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="alertId" value={alertId} />
      <FormMessage state={state} />
      <SubmitButton tone="danger" pendingText="Saving…">Acknowledge: I have seen this</SubmitButton>
    </form>
  );
}
