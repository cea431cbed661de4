"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { reviewEmergencyAccessAction } from "./actions";

export function ReviewForm({ grantId }: { grantId: string }) {
  const [state, action] = useActionState(reviewEmergencyAccessAction, null);
  if (state?.ok) return <div className="mt-3"><FormMessage state={state} /></div>;
  return (
    <form action={action} className="mt-3 max-w-xl space-y-3" noValidate>
      <input type="hidden" name="grantId" value={grantId} />
      <FormMessage state={state} />
      <TextAreaField name="note" label="Review note" hint="What you checked, for example the on-call rota." state={state} required />
      <SubmitButton pendingText="Saving…">Mark reviewed</SubmitButton>
    </form>
  );
}
