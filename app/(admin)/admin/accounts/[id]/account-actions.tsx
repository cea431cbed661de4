"use client";

import { useActionState } from "react";
import type { Role } from "@/lib/auth/roles";
import { FormMessage, SelectField, SubmitButton } from "@/lib/ui/form";
import { changeAccountRoleAction, confirmStaffAccessAction, resetPasswordAction, resetTwoFactorAction, setAccountActiveAction, setClinicalLeadAction } from "../../actions";
import { OneTimePassword } from "../../one-time-password";

const STAFF_ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "physician", label: "Physician" },
  { value: "therapist", label: "Physical therapist" },
  { value: "admin", label: "Administrator" },
];

interface Props {
  userId: string;
  role: Role;
  active: boolean;
  isSelf: boolean;
  twoFactorEnabled: boolean;
}

export function AccountActions({ userId, role, active, isSelf, twoFactorEnabled }: Props) {
  const [activeState, toggle] = useActionState(setAccountActiveAction, null);
  const [resetState, reset] = useActionState(resetPasswordAction, null);
  const [twoFactorState, resetTwoFactor] = useActionState(resetTwoFactorAction, null);
  const [roleState, changeRole] = useActionState(changeAccountRoleAction, null);
  if (isSelf) return <p className="text-sm text-slate-700">This is your own account: use “Account” in the header to change your password or two-factor sign-in.</p>;
  const staff = role !== "patient";
  return (
    <div className="space-y-6">
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
        {staff && <p className="text-sm text-slate-600">Another administrator must then confirm the account again.</p>}
      </form>
      {twoFactorEnabled && (
        <form action={resetTwoFactor} className="space-y-2">
          <input type="hidden" name="userId" value={userId} />
          <FormMessage state={twoFactorState} />
          <SubmitButton tone="danger" pendingText="Resetting…">Reset two-factor sign-in</SubmitButton>
          <p className="text-sm text-slate-600">
            For a lost phone: their authenticator and recovery codes stop working and they must set it up again
            {staff ? "; another administrator must then confirm the account again" : ""}.
          </p>
        </form>
      )}
      {staff && (
        <form action={changeRole} className="max-w-sm space-y-2" noValidate>
          <input type="hidden" name="userId" value={userId} />
          <FormMessage state={roleState} />
          <SelectField name="role" label="Role" options={STAFF_ROLE_OPTIONS} defaultValue={role} state={roleState} />
          <SubmitButton pendingText="Saving…">Change role</SubmitButton>
          <p className="text-sm text-slate-600">An account has one role: an administrator is never also a clinician.</p>
        </form>
      )}
    </div>
  );
}

/** A second administrator confirms a new or changed staff account. */
export function ConfirmAccess({ userId }: { userId: string }) {
  const [state, confirm] = useActionState(confirmStaffAccessAction, null);
  return (
    <form action={confirm} className="mt-3 space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} />
      {!state?.ok && <SubmitButton pendingText="Confirming…">Confirm this account</SubmitButton>}
    </form>
  );
}

/** An administrator grants or revokes clinical lead for a physician (the clinic's outcomes dashboard). */
export function ClinicalLead({ userId, clinicalLead, active }: { userId: string; clinicalLead: boolean; active: boolean }) {
  const [state, toggle] = useActionState(setClinicalLeadAction, null);
  return (
    <form action={toggle} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="clinicalLead" value={clinicalLead ? "false" : "true"} />
      <FormMessage state={state} />
      {(clinicalLead || active) && (
        <SubmitButton tone={clinicalLead ? "danger" : "primary"} pendingText="Saving…">
          {clinicalLead ? "Revoke clinical lead" : "Make clinical lead"}
        </SubmitButton>
      )}
      <p className="text-sm text-slate-600">
        A clinical lead sees the outcomes dashboard for the whole clinic (patients outside their care teams appear there without a name) and may export every patient&apos;s record as FHIR files.
        The change is written to the audit trail.
      </p>
    </form>
  );
}
