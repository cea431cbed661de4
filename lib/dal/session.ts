import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { clinicSettings } from "@/db/schema/clinic-settings";
import { authSessions } from "@/db/schema/sessions";
import { twoFactorCredentials } from "@/db/schema/two-factor";
import { users } from "@/db/schema/users";
import { readSessionClaims } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { accountSetupStep, SETUP_PATHS, type AccountSetupStep } from "@/lib/domain/account-setup";
import { judgeSession, sessionPolicy } from "@/lib/domain/session-policy";
import { homeFor } from "@/lib/auth/roles";
import { NotFoundError } from "./errors";
import { requestContext } from "./request-context";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** The patient record a patient account belongs to; null for staff. */
  patientId: string | null;
  sessionId: string;
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  /** What the account must do (or wait for) before it reaches anything but its account pages. */
  setupStep: AccountSetupStep | null;
}

// Writing last-seen on every request would make every read a write; a minute is precise enough
// for a 30-minute idle timeout.
const LAST_SEEN_GRANULARITY_MS = 60_000;

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

/**
 * The signed-in user for this request, checked against the database: the account is active,
 * the session was not signed out or revoked, and neither the idle nor the absolute limit passed.
 * Looked up once per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const database = await db();
  const [row] = await database
    .select({
      session: { createdAt: authSessions.createdAt, lastSeenAt: authSessions.lastSeenAt, revokedAt: authSessions.revokedAt },
      user: {
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        patientId: users.patientId,
        active: users.active,
        sessionsValidAfter: users.sessionsValidAfter,
        mustChangePassword: users.mustChangePassword,
        accessConfirmedAt: users.accessConfirmedAt,
        twoFactorEnrolmentRequired: users.twoFactorEnrolmentRequired,
      },
      twoFactorEnabledAt: twoFactorCredentials.enabledAt,
      clinicRequiresTwoFactor: clinicSettings.twoFactorRequired,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .leftJoin(twoFactorCredentials, eq(twoFactorCredentials.userId, users.id))
    .leftJoin(clinicSettings, eq(clinicSettings.id, 1))
    .where(and(eq(authSessions.id, claims.sessionId), eq(authSessions.userId, claims.userId)));
  if (!row) return null;
  const now = new Date();
  const verdict = judgeSession(row.session, row.user, sessionPolicy(), now);
  if (verdict !== "valid") {
    if (!row.session.revokedAt) await endSession(claims.sessionId);
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await database.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, claims.sessionId));
  }
  const { active: _active, sessionsValidAfter: _validAfter, accessConfirmedAt, twoFactorEnrolmentRequired, ...user } = row.user;
  const twoFactorEnabled = row.twoFactorEnabledAt !== null;
  const setupStep = accountSetupStep({
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    twoFactorEnabled,
    twoFactorEnrolmentRequired,
    clinicRequiresTwoFactor: row.clinicRequiresTwoFactor ?? false,
    accessConfirmed: accessConfirmedAt !== null,
  });
  return { ...user, sessionId: claims.sessionId, twoFactorEnabled, setupStep };
});

/** Where a signed-in user lands: the pending setup step, or their role's home. */
export function landingPath(user: Pick<CurrentUser, "role" | "setupStep">): string {
  return user.setupStep ? SETUP_PATHS[user.setupStep] : homeFor(user.role);
}

/**
 * For DAL functions: the caller, or not found. Until its setup is done (a one-time password
 * changed, two-factor sign-in set up where required, a second administrator's confirmation) the
 * account reaches nothing but its own account pages.
 */
export async function requireUser(options: { roles?: Role[]; allowAccountSetup?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new NotFoundError();
  if (user.setupStep && !options.allowAccountSetup) throw new NotFoundError();
  if (options.roles && !options.roles.includes(user.role)) throw new NotFoundError();
  return user;
}

/** For pages: the user, or off to sign-in; a page of another role's answers not found. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.setupStep) redirect(SETUP_PATHS[user.setupStep]);
  if (!roles.includes(user.role)) notFound();
  return user;
}
