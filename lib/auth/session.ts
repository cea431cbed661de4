import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/**
 * What the signed session cookie claims. Only a claim: lib/dal/session.ts checks it against
 * the database (account active, session not signed out, idle and absolute limits).
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  return user?.id && user.sid ? { userId: user.id, sessionId: user.sid } : null;
}
