import type { SessionClaims } from "@/lib/auth/session";

let claims: SessionClaims | null = null;

/** Integration tests choose which signed session cookie the DAL sees. */
export function setSessionClaims(next: SessionClaims | null): void {
  claims = next;
}

export function currentSessionClaims(): SessionClaims | null {
  return claims;
}
