"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { reopenEpisodeAction } from "./actions";

/** A healed episode can be reopened with a reason; running then needs a new clearance. */
export function ReopenEpisodeForm({ patientId }: { patientId: string }) {
  const [state, action] = useActionState(reopenEpisodeAction, null);
  return (
    <details className="mt-3">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">Reopen this episode</summary>
      <form action={action} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="patientId" value={patientId} />
        <FormMessage state={state} />
        <TextAreaField name="reason" label="Why is it reopened?" hint="For example: the leg pain came back after a long run." state={state} required />
        <SubmitButton pendingText="Reopening…">Reopen episode</SubmitButton>
      </form>
    </details>
  );
}
