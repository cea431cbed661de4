import "server-only";
import { and, count, desc, eq, gt, max } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { loginAttempts } from "@/db/schema/sessions";
import { users } from "@/db/schema/users";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import {
  ACCOUNT_FREE_FAILURES,
  ADDRESS_FREE_FAILURES,
  secondsUntilAllowed,
  THROTTLE_WINDOW_MINUTES,
} from "@/lib/domain/sign-in-throttle";
import { writeAudit } from "./audit-log";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; code: "invalid" }
  | { ok: false; code: "throttled"; retryAfterSeconds: number };

interface Attempt {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

/** Failures in the window, for one account (since its last success) or one address. */
async function recentFailures(database: Database, column: "email" | "ip", value: string, since: Date) {
  const key = column === "email" ? loginAttempts.email : loginAttempts.ip;
  let from = since;
  if (column === "email") {
    const [lastSuccess] = await database
      .select({ at: loginAttempts.attemptedAt })
      .from(loginAttempts)
      .where(and(eq(key, value), eq(loginAttempts.succeeded, true), gt(loginAttempts.attemptedAt, since)))
      .orderBy(desc(loginAttempts.attemptedAt))
      .limit(1);
    if (lastSuccess) from = lastSuccess.at;
  }
  const [row] = await database
    .select({ n: count(), last: max(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(eq(key, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.attemptedAt, from)));
  return { failures: row?.n ?? 0, lastFailureAt: row?.last ?? null };
}

/**
 * Checks an email and password, with throttling that holds across app instances.
 * An unknown email, a wrong password and a deactivated account get the same answer after the
 * same work; throttling counts attempts per typed email whether or not an account has it.
 */
export async function signInWithPassword(attempt: Attempt): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase().slice(0, 320);
  const now = new Date();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000);
  const database = await db();
  const audit = { actorLabel: email, action: "sign_in", ip: attempt.ip, userAgent: attempt.userAgent } as const;

  const [byAccount, byAddress] = await Promise.all([
    recentFailures(database, "email", email, since),
    recentFailures(database, "ip", attempt.ip, since),
  ]);
  const wait = Math.max(
    secondsUntilAllowed(byAccount.failures, ACCOUNT_FREE_FAILURES, byAccount.lastFailureAt, now),
    secondsUntilAllowed(byAddress.failures, ADDRESS_FREE_FAILURES, byAddress.lastFailureAt, now),
  );
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

  await database.insert(loginAttempts).values({ email, ip: attempt.ip, succeeded, attemptedAt: now });
  if (!succeeded || !user) {
    await writeAudit({ ...audit, actor: user ?? null, outcome: "failure" });
    return { ok: false, code: "invalid" };
  }
  await writeAudit({ ...audit, actor: user, outcome: "success" });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
