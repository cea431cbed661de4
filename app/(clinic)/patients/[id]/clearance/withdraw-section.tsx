"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { withdrawClearanceAction } from "./actions";
import { useSubmissionKey } from "@/lib/ui/use-submission-key";

interface WithdrawSectionProps {
  patientId: string;
  currentVersion: number;
  /** Only a clearance (restricted or full) can be withdrawn. */
  cleared: boolean;
}

/**
 * Withdrawing records a new "not cleared" version with the reason; the old one stays in history.
 * The section stays mounted after a withdrawal so its confirmation can be read, until a newer
 * version replaces the one it confirms.
 */
export function WithdrawSection({ patientId, currentVersion, cleared }: WithdrawSectionProps) {
  const [state, action] = useActionState(withdrawClearanceAction, null);
  const key = useSubmissionKey(state);
  const justWithdrawn = state?.ok === true && state.data?.version === currentVersion;
  if (!cleared && !justWithdrawn) return null;
  return (
    <section aria-labelledby="withdraw-heading" className="rounded-lg border border-red-300 bg-white p-4">
      <h2 id="withdraw-heading" className="text-lg font-semibold">Withdraw clearance</h2>
      {justWithdrawn ? (
        <div className="mt-2">
          <FormMessage state={state} />
        </div>
      ) : (
        <form key={key} action={action} noValidate className="mt-2 space-y-3">
          <input type="hidden" name="patientId" value={patientId} />
          <input type="hidden" name="basedOnVersion" value={currentVersion} />
          {state?.ok === false && <FormMessage state={state} />}
          <TextAreaField name="reason" label="Reason for withdrawing" hint="What changed, for example: new weakness at review." state={state} required />
          <SubmitButton tone="danger" pendingText="Withdrawing…">
            Withdraw clearance
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
