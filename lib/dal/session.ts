import "server-only";
import { and, eq } from "drizzle-orm";
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
import { endSession } from "./internal/sessions";

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

/** For pages: the user, or off to sign-in; a page of another role's answers not found. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.setupStep) redirect(SETUP_PATHS[user.setupStep]);
  if (!roles.includes(user.role)) notFound();
  return user;
}
