"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { readSignInError } from "@/lib/auth/sign-in-errors";

const inputClass = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 py-2 text-base";
const buttonClass = "min-h-11 w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";

type Step = { kind: "password" } | { kind: "code"; challenge: string; recovery: boolean };

/**
 * Sign-in in one or two steps: email and password, then, for an account with two-factor sign-in,
 * a code from the authenticator (or a recovery code). The password is not kept for the second
 * step: the server hands out a short-lived challenge instead. The words never tell whether an
 * email is known.
 */
export function LoginForm() {
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(credentials: Record<string, string>) {
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (result?.ok && !result.error) {
        // A full page load, so the new session cookie reaches the server before the first render.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/");
        return;
      }
      const next = readSignInError(result?.error);
      if (next.step === "code") {
        setStep({ kind: "code", challenge: next.challenge, recovery: false });
      } else {
        if (next.backToPassword) setStep({ kind: "password" });
        setError(next.message);
      }
    } catch {
      setError("RunClear could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  function onPassword(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void submit({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  }

  function onCode(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.kind !== "code") return;
    const form = new FormData(event.currentTarget);
    void submit({ challenge: step.challenge, code: String(form.get("code") ?? "") });
  }

  const alert = error && (
    <p id="sign-in-error" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {error}
    </p>
  );

  if (step.kind === "code") {
    const label = step.recovery ? "Recovery code" : "Code from your authenticator app";
    return (
      <form onSubmit={onCode} className="mt-4 space-y-4" noValidate>
        <p className="text-sm text-slate-700">
          {step.recovery
            ? "Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once."
            : "Your password was right. Open your authenticator app and enter the 6-digit code it shows for RunClear."}
        </p>
        <div>
          <label htmlFor="code" className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          <input
            key={step.recovery ? "recovery" : "totp"}
            id="code"
            name="code"
            type="text"
            inputMode={step.recovery ? "text" : "numeric"}
            autoComplete="one-time-code"
            autoFocus
            required
            aria-describedby={error ? "sign-in-error" : undefined}
            className={inputClass}
          />
        </div>
        {alert}
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Checking…" : "Verify and sign in"}
        </button>
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          <button
            type="button"
            className="min-h-11 text-brand-700 underline"
            onClick={() => {
              setError(null);
              setStep({ ...step, recovery: !step.recovery });
            }}
          >
            {step.recovery ? "Use a code from the app instead" : "Use a recovery code instead"}
          </button>
          <button
            type="button"
            className="min-h-11 text-brand-700 underline"
            onClick={() => {
              setError(null);
              setStep({ kind: "password" });
            }}
          >
            Start again
          </button>
        </div>
      </form>
    );
  }

  return (
    <form onSubmit={onPassword} className="mt-4 space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={error ? "sign-in-error" : undefined}
          className={inputClass}
        />
      </div>
      {alert}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
