import "server-only";
import { cookies } from "next/headers";
import { getToken } from "next-auth/jwt";
import { authSecret } from "./secret";

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/**
 * What the signed session cookie claims, read from the encrypted HttpOnly cookie itself: the
 * session id is never part of the session object next-auth hands to the browser
 * (`/api/auth/session`). Only a claim: lib/dal/session.ts checks it against the database
 * (account active, session not signed out, idle and absolute limits).
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  // Cookies only: no `Authorization: Bearer` fallback for a page request.
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as never, secret: authSecret() });
  return token?.uid && token.sid ? { userId: token.uid, sessionId: token.sid } : null;
}
