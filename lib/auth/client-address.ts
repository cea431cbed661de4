/**
 * The caller's address for the audit trail and sign-in throttling. `next start` appends the
 * socket address to X-Forwarded-For, so the last entry is the one a client cannot forge;
 * behind N trusted proxies set RUNCLEAR_TRUSTED_PROXIES=N to step back past them.
 */
export function clientAddress(headers: Headers): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const trusted = Number(process.env.RUNCLEAR_TRUSTED_PROXIES ?? 0) || 0;
  return chain[chain.length - 1 - trusted] ?? chain[0] ?? headers.get("x-real-ip") ?? "unknown";
}
