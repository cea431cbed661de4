"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/lib/ui/form";
import { resetPasswordAction, setAccountActiveAction } from "../../actions";
import { OneTimePassword } from "../../one-time-password";

export function AccountActions({ userId, active, isSelf }: { userId: string; active: boolean; isSelf: boolean }) {
  const [activeState, toggle] = useActionState(setAccountActiveAction, null);
  const [resetState, reset] = useActionState(resetPasswordAction, null);
  if (isSelf) return <p className="text-sm text-slate-700">This is your own account: use “Password” in the header to change your password.</p>;
  return (
    <div className="space-y-4">
      <form action={toggle} className="space-y-2">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <FormMessage state={activeState} />
        <SubmitButton tone={active ? "danger" : "primary"} pendingText="Saving…">
          {active ? "Deactivate account" : "Reactivate account"}
        </SubmitButton>
        {active && <p className="text-sm text-slate-600">The person is signed out everywhere at their next click.</p>}
      </form>
      <form action={reset} className="space-y-2">
        <input type="hidden" name="userId" value={userId} />
        {resetState?.ok && resetState.data ? <OneTimePassword password={resetState.data.oneTimePassword} /> : <FormMessage state={resetState} />}
        <SubmitButton pendingText="Resetting…">Reset password</SubmitButton>
      </form>
    </div>
  );
}
