import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, gt, isNull, lt, max, sql, type SQL } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { loginAttempts, type LoginAttemptKind } from "@/db/schema/sessions";
import { twoFactorChallenges } from "@/db/schema/two-factor";
import { users } from "@/db/schema/users";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { SignInFailure } from "@/lib/auth/sign-in-errors";
import { normalizeTotpCode } from "@/lib/auth/totp";
import { secondsBeforeAttempt, THROTTLE_WINDOW_MINUTES, type AttemptHistory, type FailureCount } from "@/lib/domain/sign-in-throttle";
import { writeAudit } from "./audit-log";
import { acceptTotpCode, hasTwoFactor, unusedRecoveryCodes, spendRecoveryCode } from "./two-factor-codes";
import { requestContext } from "./request-context";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export type SignInResult = { ok: true; user: SignedInUser } | SignInFailure;

interface Attempt {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

interface SecondStep {
  challenge: string;
  code: string;
  ip: string;
  userAgent: string | null;
}

// The second step must follow the first within minutes, and gets a few codes at most.
const CHALLENGE_MINUTES = 5;
const CHALLENGE_MAX_FAILURES = 5;

/** Failed attempts matching `where` since the later of `since` and the last success matching it. */
async function failuresSinceSuccess(database: Database, where: SQL, since: Date, resetOnSuccess: boolean): Promise<FailureCount> {
  let from = since;
  if (resetOnSuccess) {
    const [lastSuccess] = await database
      .select({ at: loginAttempts.attemptedAt })
      .from(loginAttempts)
      .where(and(where, eq(loginAttempts.succeeded, true), gt(loginAttempts.attemptedAt, since)))
      .orderBy(desc(loginAttempts.attemptedAt))
      .limit(1);
    if (lastSuccess) from = lastSuccess.at;
  }
  const [row] = await database
    .select({ n: count(), last: max(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, from)));
  return { failures: row?.n ?? 0, lastFailureAt: row?.last ?? null };
}

/**
 * The failures that decide whether this account may be tried from this address now. A success
 * (a complete sign-in or re-authentication, never a password awaiting its code) clears the
 * account's counters; an address's failures stand for the whole window.
 */
async function attemptHistory(database: Database, email: string, ip: string, now: Date): Promise<AttemptHistory> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const pair = await failuresSinceSuccess(database, and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip))!, since, true);
  const account = await failuresSinceSuccess(database, eq(loginAttempts.email, email), since, true);
  const address = await failuresSinceSuccess(database, eq(loginAttempts.ip, ip), since, false);
  return { pair, account, address };
}

async function recordAttempt(database: Database, attempt: { email: string; ip: string; succeeded: boolean; kind: LoginAttemptKind }, now: Date) {
  await database.insert(loginAttempts).values({ ...attempt, attemptedAt: now });
}

function challengeHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * Step one: an email and password, with throttling that holds across app instances. An unknown
 * email, a wrong password and a deactivated account get the same answer after the same work;
 * throttling counts attempts per typed email whether or not an account has it. An account with
 * two-factor sign-in gets a short-lived challenge for step two instead of a session.
 */
export async function signInWithPassword(attempt: Attempt): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase().slice(0, 320);
  const now = new Date();
  const database = await db();
  const audit = { actorLabel: email, action: "sign_in", ip: attempt.ip, userAgent: attempt.userAgent } as const;

  const wait = secondsBeforeAttempt(await attemptHistory(database, email, attempt.ip, now), now);
  if (wait > 0) {
    await writeAudit({ ...audit, actor: null, resource: "throttled", outcome: "failure" });
    return { ok: false, code: "throttled", retryAfterSeconds: wait };
  }

  const [user] = email
    ? await database
        .select({ id: users.id, name: users.name, email: users.email, role: users.role, passwordHash: users.passwordHash, active: users.active })
        .from(users)
        .where(eq(users.email, email))
        .limit(1)
    : [];
  const passwordOk =
    attempt.password.length > 0 &&
    attempt.password.length <= 1024 &&
    (await verifyPassword(attempt.password, user?.passwordHash ?? (await decoyHash())));
  const succeeded = Boolean(user && user.active && passwordOk);

  if (!succeeded || !user) {
    await recordAttempt(database, { email, ip: attempt.ip, succeeded: false, kind: "sign_in" }, now);
    await writeAudit({ ...audit, actor: user ?? null, outcome: "failure" });
    return { ok: false, code: "invalid" };
  }
  if (await hasTwoFactor(database, user.id)) {
    // Not yet a success: the throttle's counters stand until the code is right too.
    const token = randomBytes(32).toString("base64url");
    await database.delete(twoFactorChallenges).where(and(eq(twoFactorChallenges.userId, user.id), lt(twoFactorChallenges.expiresAt, now)));
    await database.insert(twoFactorChallenges).values({
      tokenHash: challengeHash(token),
      userId: user.id,
      ip: attempt.ip,
      expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
    });
    await writeAudit({ ...audit, actor: user, resource: "password_ok_code_needed", outcome: "success" });
    return { ok: false, code: "second_factor", challenge: token };
  }
  await recordAttempt(database, { email, ip: attempt.ip, succeeded: true, kind: "sign_in" }, now);
  await writeAudit({ ...audit, actor: user, outcome: "success" });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}

/**
 * Step two: the challenge from step one and a code from the authenticator (the current or an
 * adjacent 30-second step, never one already used) or an unused recovery code. Throttled like the
 * password: the failures count for this account and address.
 */
export async function signInWithSecondFactor(attempt: SecondStep): Promise<SignInResult> {
  const now = new Date();
  const database = await db();
  const [found] = await database
    .select({
      tokenHash: twoFactorChallenges.tokenHash,
      ip: twoFactorChallenges.ip,
      user: { id: users.id, name: users.name, email: users.email, role: users.role, active: users.active },
    })
    .from(twoFactorChallenges)
    .innerJoin(users, eq(users.id, twoFactorChallenges.userId))
    .where(
      and(
        eq(twoFactorChallenges.tokenHash, challengeHash(attempt.challenge.slice(0, 200))),
        isNull(twoFactorChallenges.usedAt),
        gt(twoFactorChallenges.expiresAt, now),
        lt(twoFactorChallenges.failures, CHALLENGE_MAX_FAILURES),
      ),
    );
  const audit = { action: "sign_in", ip: attempt.ip, userAgent: attempt.userAgent } as const;
  if (!found || found.ip !== attempt.ip || !found.user.active) {
    await writeAudit({ ...audit, actor: found?.user ?? null, resource: "second_factor_expired", outcome: "failure" });
    return { ok: false, code: "challenge_expired" };
  }
  const { user } = found;
  const wait = secondsBeforeAttempt(await attemptHistory(database, user.email, attempt.ip, now), now);
  if (wait > 0) {
    await writeAudit({ ...audit, actor: user, resource: "throttled", outcome: "failure" });
    return { ok: false, code: "throttled", retryAfterSeconds: wait };
  }

  const input = attempt.code.slice(0, 64);
  const method = normalizeTotpCode(input)
    ? (await acceptTotpCode(database, user.id, input, now)) && "authenticator"
    : (await spendRecoveryCode(database, user.id, input, now)) && "recovery_code";
  if (!method) {
    await database
      .update(twoFactorChallenges)
      .set({ failures: sql`${twoFactorChallenges.failures} + 1` })
      .where(eq(twoFactorChallenges.tokenHash, found.tokenHash));
    await recordAttempt(database, { email: user.email, ip: attempt.ip, succeeded: false, kind: "second_factor" }, now);
    await writeAudit({ ...audit, actor: user, resource: "second_factor", outcome: "failure" });
    return { ok: false, code: "code_invalid" };
  }
  const claimed = await database
    .update(twoFactorChallenges)
    .set({ usedAt: now })
    .where(and(eq(twoFactorChallenges.tokenHash, found.tokenHash), isNull(twoFactorChallenges.usedAt)))
    .returning({ tokenHash: twoFactorChallenges.tokenHash });
  if (!claimed.length) return { ok: false, code: "challenge_expired" };
  await recordAttempt(database, { email: user.email, ip: attempt.ip, succeeded: true, kind: "second_factor" }, now);
  await writeAudit({ ...audit, actor: user, resource: method, outcome: "success" });
  if (method === "recovery_code") {
    const left = await unusedRecoveryCodes(database, user.id);
    await writeAudit({ ...audit, actor: user, action: "two_factor.recovery_code_used", resource: `recovery_codes_left:${left}`, outcome: "success" });
  }
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}

export type ReauthenticationResult = { ok: true } | { ok: false; reason: "wrong" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * A signed-in user proves again that they are who the session says, with their password or a
 * code from their authenticator (for a password change, setting up or turning off two-factor
 * sign-in). It counts as a sign-in attempt for their account and address and is throttled like
 * one, so a stolen session cannot try passwords without limit. For DAL functions that have
 * already authorized the caller.
 */
export async function reauthenticate(
  user: { id: string; email: string },
  proof: { password?: string; code?: string },
  kind: Extract<LoginAttemptKind, "password_change" | "reauthentication">,
): Promise<ReauthenticationResult> {
  const now = new Date();
  const database = await db();
  const { ip } = await requestContext();
  const address = ip ?? "unknown";
  const wait = secondsBeforeAttempt(await attemptHistory(database, user.email, address, now), now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  let ok = false;
  if (proof.code !== undefined) {
    ok = await acceptTotpCode(database, user.id, proof.code, now);
  } else if (proof.password !== undefined && proof.password.length <= 1024) {
    const [row] = await database.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    ok = Boolean(row) && proof.password.length > 0 && (await verifyPassword(proof.password, row!.passwordHash));
  }
  await recordAttempt(database, { email: user.email, ip: address, succeeded: ok, kind }, now);
  return ok ? { ok: true } : { ok: false, reason: "wrong" };
}
