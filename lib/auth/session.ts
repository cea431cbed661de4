import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { authSecret } from "./secret";

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

/** next-auth's cookie name: the __Secure- one when NEXTAUTH_URL is https. */
export function sessionCookieName(): string {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * What the signed session cookie claims, decoded here on the server: the session id never goes
 * through next-auth's session callback, so it never reaches page JavaScript. Only a claim:
 * lib/dal/session.ts checks it against the database (account active, session not signed out,
 * idle and absolute limits).
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const name = sessionCookieName();
  // next-auth splits a cookie over 4 KB into name.0, name.1, …
  const token =
    jar.get(name)?.value ??
    jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((c) => c.value)
      .join("");
  if (!token) return null;
  const claims = await decode({ token, secret: authSecret() }).catch(() => null);
  return typeof claims?.uid === "string" && typeof claims.sid === "string" ? { userId: claims.uid, sessionId: claims.sid } : null;
}
