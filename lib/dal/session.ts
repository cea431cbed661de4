import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
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
import { preparedRead } from "./internal/prepared-read";

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

/** The session and its account, with what the account's set-up step depends on. */
const sessionRow = preparedRead(["sessionId", "userId"], (database, at) =>
  database
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
    .where(and(eq(authSessions.id, at.sessionId), eq(authSessions.userId, at.userId))),
);

/**
 * The signed-in user, checked against the database: the account is active, the session was not
 * signed out or revoked, and neither the idle nor the absolute limit passed.
 */
async function readCurrentUser(): Promise<CurrentUser | null> {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const [row] = await sessionRow({ sessionId: claims.sessionId, userId: claims.userId });
  if (!row) return null;
  const now = new Date();
  const verdict = judgeSession(row.session, row.user, sessionPolicy(), now);
  if (verdict !== "valid") {
    if (!row.session.revokedAt) await endSession(claims.sessionId);
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await (await db()).update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, claims.sessionId));
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
}

const readOncePerRender = cache(readCurrentUser);

/**
 * React's `cache` keeps answers only while a page renders. A server action or a route handler runs
 * outside that render, so their wrappers (validatedAction, validatedCall, fhirAnswer,
 * jsonOrNotFound) open this scope: the check at the door and the DAL's own checks then share one
 * read of the session instead of one each.
 */
const callScope = new AsyncLocalStorage<{ caller: Promise<CurrentUser | null> | null }>();

export function withOneSessionRead<T>(work: () => Promise<T>): Promise<T> {
  return callScope.run({ caller: null }, work);
}

/**
 * After a write that changes what the caller's own check answers (their password, their two-factor
 * sign-in, the clinic's two-factor rule): the next check in this call reads afresh.
 */
export function forgetSessionRead(): void {
  const call = callScope.getStore();
  if (call) call.caller = null;
}

/** The signed-in user for this request, looked up once per request (a page's render or one call). */
export function getCurrentUser(): Promise<CurrentUser | null> {
  const call = callScope.getStore();
  if (!call) return readOncePerRender();
  if (!call.caller) {
    const read = readCurrentUser();
    call.caller = read;
    // A failed read is not kept: the next check tries again.
    read.catch(() => {
      if (call.caller === read) call.caller = null;
    });
  }
  return call.caller;
}

/** For pages: the user, or off to sign-in; a page of another role's answers not found. */
export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.setupStep) redirect(SETUP_PATHS[user.setupStep]);
  if (!roles.includes(user.role)) notFound();
  return user;
}
