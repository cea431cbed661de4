import type { SessionUser } from "@/lib/auth/session";

let current: SessionUser | null = null;

/** Integration tests choose who is calling the data access layer. */
export function actAs(user: SessionUser | null): void {
  current = user;
}

export function currentTestUser(): SessionUser | null {
  return current;
}
