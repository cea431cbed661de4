"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { requestEmergencyAccessAction } from "./actions";

export function EmergencyAccessForm() {
  const [state, action] = useActionState(requestEmergencyAccessAction, null);
  return (
    <form action={action} className="mt-4 max-w-xl space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="mrn" label="Patient's MRN" autoComplete="off" state={state} required />
      <Field name="dateOfBirth" label="Patient's date of birth" type="date" autoComplete="off" state={state} required />
      <TextAreaField
        name="reason"
        label="Reason for emergency access"
        hint="The patient's care team and the audit trail will show this reason with your name."
        state={state}
        required
      />
      <SubmitButton tone="danger" pendingText="Opening…">
        Open chart with emergency access
      </SubmitButton>
    </form>
  );
}
