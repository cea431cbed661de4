"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form";
import { confirmTwoFactorSetupAction, renewRecoveryCodesAction, startTwoFactorSetupAction, turnOffTwoFactorAction } from "./actions";

export function StartSetupForm({ label }: { label: string }) {
  const [state, action] = useActionState(startTwoFactorSetupAction, null);
  return (
    <form action={action} className="mt-3 space-y-2">
      {state && !state.ok && <FormMessage state={state} />}
      <SubmitButton pendingText="Preparing…">{label}</SubmitButton>
    </form>
  );
}

/** Shown once, right after they were made; only their hashes are kept. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div role="status" className="rounded-md border border-emerald-400 bg-emerald-50 p-4 text-emerald-950">
      <p className="font-medium">Your recovery codes</p>
      <p className="mt-1 text-sm">
        Save them somewhere safe now, away from your phone (print them, or keep them in a password manager). Each signs you in
        once if you lose your phone. They are shown only this once.
      </p>
      <ul aria-label="Recovery codes" className="mt-2 grid grid-cols-2 gap-1 font-mono text-base sm:grid-cols-5" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

/** The QR code and key (children) until the first code confirms them; then the recovery codes, once. */
export function ConfirmSetupForm({ children }: { children: React.ReactNode }) {
  const [state, action] = useActionState(confirmTwoFactorSetupAction, null);
  if (state?.ok && state.data) {
    return (
      <div className="mt-4 space-y-3">
        <FormMessage state={state} />
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <Link href="/" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
          I have saved my recovery codes
        </Link>
      </div>
    );
  }
  return (
    <>
      {children}
      <form action={action} className="mt-4 max-w-md space-y-4" noValidate>
        <FormMessage state={state} />
        <Field name="code" label="Code from your app" inputMode="numeric" autoComplete="one-time-code" state={state} required />
        <Field name="password" label="Your password" type="password" autoComplete="current-password" state={state} required />
        <SubmitButton pendingText="Checking…">Turn on two-factor sign-in</SubmitButton>
      </form>
    </>
  );
}

function ProofField({ state }: { state: Parameters<typeof FormMessage>[0]["state"] }) {
  return <Field name="proof" label="A code from your app, or your password" type="password" autoComplete="off" state={state} required />;
}

export function RenewCodesForm() {
  const [state, action] = useActionState(renewRecoveryCodesAction, null);
  if (state?.ok && state.data) return <div className="mt-3"><RecoveryCodes codes={state.data.recoveryCodes} /></div>;
  return (
    <form action={action} className="mt-3 max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <ProofField state={state} />
      <SubmitButton pendingText="Checking…">Make new recovery codes</SubmitButton>
    </form>
  );
}

export function TurnOffForm() {
  const [state, action] = useActionState(turnOffTwoFactorAction, null);
  return (
    <form action={action} className="mt-3 max-w-md space-y-4" noValidate>
      <FormMessage state={state} />
      <ProofField state={state} />
      <SubmitButton tone="danger" pendingText="Checking…">Turn off two-factor sign-in</SubmitButton>
    </form>
  );
}
