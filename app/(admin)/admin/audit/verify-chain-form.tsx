"use client";

import { useActionState } from "react";
import { describeChainProblem } from "@/lib/ui/audit-chain-wording";
import { FormMessage, SubmitButton } from "@/lib/ui/form";
import { verifyAuditChainAction } from "./actions";

export function VerifyChainForm() {
  const [state, verify] = useActionState(verifyAuditChainAction, null);
  const chain = state?.ok ? state.data : undefined;
  return (
    <form action={verify} className="flex flex-wrap items-center gap-3">
      {chain === undefined ? (
        <p className="text-sm text-slate-700">Each entry carries its own hash and signed checkpoints seal them in order, so a changed, removed or re-hashed entry shows.</p>
      ) : chain.intact ? (
        <p role="status" className="font-medium text-emerald-800">Chain intact: all {chain.rows} entries verified, {chain.sealedRows} under a signed checkpoint.</p>
      ) : (
        <p role="alert" className="font-medium text-red-800">
          Chain broken at entry #{chain.brokenAtSeq}:{" "}
          {describeChainProblem(chain.problem)}.{" "}
          {chain.problem === "row_changed" || chain.problem === "link_broken"
            ? `The ${chain.rows} entries before it are intact.`
            : `${chain.rows} entries were read up to that checkpoint.`}
        </p>
      )}
      <FormMessage state={state?.ok ? null : state} />
      <SubmitButton pendingText="Verifying…">{chain === undefined ? "Verify the chain" : "Verify again"}</SubmitButton>
    </form>
  );
}
