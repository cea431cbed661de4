import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { authSessions } from "@/db/schema/sessions";
import type { CurrentUser } from "../session";
import { requestContext } from "./request-context";

/** Records a new signed-in session and returns its id for the cookie. */
export async function startSession(userId: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const { ip, userAgent } = await requestContext();
  const now = new Date();
  await (await db()).insert(authSessions).values({ id, userId, ip, userAgent, createdAt: now, lastSeenAt: now });
  return id;
}

/** Sign-out: the cookie that names this session stops working even if someone kept a copy. */
export async function endSession(sessionId: string): Promise<void> {
  await (await db())
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Ends every other session of the current user (after a password change). */
export async function endOtherSessions(user: CurrentUser): Promise<void> {
  await (await db())
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.userId, user.id), ne(authSessions.id, user.sessionId), isNull(authSessions.revokedAt)));
}
