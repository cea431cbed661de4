"use client";

import { useActionState } from "react";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form";
import { createStaffAccountAction } from "../../actions";
import { OneTimePassword } from "../../one-time-password";

export function StaffAccountForm() {
  const [state, action] = useActionState(createStaffAccountAction, null);
  if (state?.ok && state.data) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <OneTimePassword email={state.data.email} password={state.data.oneTimePassword} />
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Full name" autoComplete="off" state={state} required />
      <Field name="email" label="Email" type="email" autoComplete="off" state={state} required />
      <SelectField
        name="role"
        label="Role"
        state={state}
        required
        options={[
          // No default: the administrator chooses, so nobody becomes a physician by oversight.
          { value: "", label: "Choose…" },
          { value: "physician", label: "Physician" },
          { value: "therapist", label: "Physical therapist" },
          { value: "admin", label: "Administrator" },
        ]}
      />
      <SubmitButton pendingText="Creating…">Create staff account</SubmitButton>
    </form>
  );
}
