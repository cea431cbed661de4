import { AsyncLocalStorage } from "node:async_hooks";
import type { SessionClaims } from "@/lib/auth/session";

let claims: SessionClaims | null = null;
const scoped = new AsyncLocalStorage<SessionClaims | null>();

/** Integration tests choose which signed session cookie the DAL sees. */
export function setSessionClaims(next: SessionClaims | null): void {
  claims = next;
}

/** Runs `work` as if its own request carried `next`: concurrent calls each keep their caller. */
export function withSessionClaims<T>(next: SessionClaims | null, work: () => Promise<T>): Promise<T> {
  return scoped.run(next, work);
}

export function currentSessionClaims(): SessionClaims | null {
  const inScope = scoped.getStore();
  return inScope === undefined ? claims : inScope;
}
