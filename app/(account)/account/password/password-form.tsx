"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="mt-4 max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" state={state} required />
      <Field
        name="newPassword"
        label="New password"
        hint="At least 12 characters. A few unrelated words make a strong password that is easy to remember."
        type="password"
        autoComplete="new-password"
        state={state}
        required
      />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" state={state} required />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
