/**
 * The caller's address for the audit trail and sign-in throttling. The production server
 * (lib/server/start.mjs) replaces X-Forwarded-For with the one address it established from the
 * socket and RUNCLEAR_TRUSTED_PROXIES before Next.js sees the request, so here it is one value.
 */
export function clientAddress(headers: Headers): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - 1]?.slice(0, 64) ?? "unknown";
}
