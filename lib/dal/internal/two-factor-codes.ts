import "server-only";
import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { twoFactorCredentials, twoFactorRecoveryCodes } from "@/db/schema/two-factor";
import { newRecoveryCodes, normalizeRecoveryCode } from "@/lib/auth/recovery-codes";
import { keyedHash, unseal } from "@/lib/auth/secret-box";
import { acceptedStep, normalizeTotpCode } from "@/lib/auth/totp";

/**
 * Checks on a user's second factor, for functions that have already established who the user is
 * (the sign-in's first step, a re-authentication). They check no session themselves.
 */
type Executor = Pick<Database, "select" | "update" | "insert" | "delete">;

const RECOVERY_PURPOSE = "recovery code";

export function recoveryCodeHash(code: string): string {
  return keyedHash(code, RECOVERY_PURPOSE);
}

/** Whether the user has a confirmed authenticator. */
export async function hasTwoFactor(database: Executor, userId: string): Promise<boolean> {
  const [row] = await database
    .select({ enabledAt: twoFactorCredentials.enabledAt })
    .from(twoFactorCredentials)
    .where(eq(twoFactorCredentials.userId, userId));
  return Boolean(row?.enabledAt);
}

/**
 * A code from the authenticator: right for now or an adjacent 30-second step, and for a later
 * step than the last one accepted. Accepting records the step in the same statement that checks
 * it, so two requests racing with one code cannot both pass.
 */
export async function acceptTotpCode(database: Executor, userId: string, input: string, now = new Date()): Promise<boolean> {
  if (!normalizeTotpCode(input)) return false;
  const [row] = await database
    .select({ secret: twoFactorCredentials.secret, lastUsedStep: twoFactorCredentials.lastUsedStep })
    .from(twoFactorCredentials)
    .where(eq(twoFactorCredentials.userId, userId));
  if (!row?.secret) return false;
  const step = acceptedStep(unseal(row.secret, userId), input, row.lastUsedStep, now);
  if (step === null) return false;
  const claimed = await database
    .update(twoFactorCredentials)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(twoFactorCredentials.userId, userId),
        or(isNull(twoFactorCredentials.lastUsedStep), lt(twoFactorCredentials.lastUsedStep, step)),
      ),
    )
    .returning({ userId: twoFactorCredentials.userId });
  return claimed.length === 1;
}

/** A recovery code, used up by this call if it is one of the user's unused codes. */
export async function spendRecoveryCode(database: Executor, userId: string, input: string, now = new Date()): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  const used = await database
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(twoFactorRecoveryCodes.userId, userId),
        eq(twoFactorRecoveryCodes.codeHash, recoveryCodeHash(code)),
        isNull(twoFactorRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: twoFactorRecoveryCodes.id });
  return used.length === 1;
}

export async function unusedRecoveryCodes(database: Executor, userId: string): Promise<number> {
  const [row] = await database
    .select({ n: count() })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Replaces the user's recovery codes with new ones and returns them (the only time they are seen). */
export async function replaceRecoveryCodes(database: Executor, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await database.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await database
    .insert(twoFactorRecoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: recoveryCodeHash(normalizeRecoveryCode(c)!) })));
  return codes;
}
