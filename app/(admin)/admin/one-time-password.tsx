/** Shown once, right after it was made; it is never stored in readable form. */
export function OneTimePassword({ email, password }: { email?: string; password: string }) {
  return (
    <div role="status" className="rounded-md border border-emerald-400 bg-emerald-50 p-4 text-emerald-950">
      <p className="font-medium">One-time password{email ? ` for ${email}` : ""}:</p>
      <p className="mt-1 font-mono text-lg tracking-wider" data-testid="one-time-password">
        {password}
      </p>
      <p className="mt-2 text-sm">
        Give it to the person in a secure way. It is shown only now; they must choose their own password when they first sign in.
      </p>
    </div>
  );
}
