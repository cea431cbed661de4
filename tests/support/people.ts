import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema/users";
import type { Role } from "@/lib/auth/roles";
import { startSession } from "@/lib/dal/internal/sessions";
import { setSessionClaims } from "./session-stub";

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  patientId: string | null;
  sessionId: string;
}

/** Signs a seeded user in (a real session row) and makes them the caller of the DAL. */
export async function signInAs(db: Database, email: string): Promise<TestUser> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no such user: ${email}`);
  const sessionId = await startSession(u.id);
  setSessionClaims({ userId: u.id, sessionId });
  return { id: u.id, email: u.email, role: u.role, patientId: u.patientId, sessionId };
}

/** Makes a previously signed-in session the caller again (for example, an old cookie). */
export function useSession(user: Pick<TestUser, "id" | "sessionId">): void {
  setSessionClaims({ userId: user.id, sessionId: user.sessionId });
}

export function signOutOfTests(): void {
  setSessionClaims(null);
}
