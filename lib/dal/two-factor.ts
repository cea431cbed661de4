import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { twoFactorCredentials, twoFactorRecoveryCodes } from "@/db/schema/two-factor";
import { users } from "@/db/schema/users";
import { seal, unseal } from "@/lib/auth/secret-box";
import { waitMessage } from "@/lib/auth/sign-in-errors";
import { acceptedStep, groupedSecret, newTotpSecret, normalizeTotpCode, totpUri } from "@/lib/auth/totp";
import { twoFactorRequired } from "@/lib/domain/account-setup";
import { authorizeRole } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { clinicSettingsOfRequest } from "./internal/clinic-settings";
import { ValidationError } from "./errors";
import { replaceRecoveryCodes, unusedRecoveryCodes } from "./internal/two-factor-codes";
import { forgetSessionRead, type CurrentUser } from "./session";
import { reauthenticate } from "./internal/sign-in";

/**
 * Two-factor sign-in (TOTP) for one's own account. Every role may turn it on; the clinic's setting
 * obliges physicians and administrators (lib/domain/account-setup.ts). All of it is reachable
 * while the account's setup is pending, since setting it up is part of that setup. Secrets are
 * sealed at rest (lib/auth/secret-box.ts) and never written to a log or the audit trail.
 */
const EVERYONE = ["physician", "therapist", "patient", "admin"] as const satisfies CurrentUser["role"][];

function me(action: string) {
  return authorizeRole(action, [...EVERYONE], { allowAccountSetup: true });
}

export interface MyTwoFactor {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** The clinic (for this role) or an administrator's reset requires it: it cannot be turned off. */
  required: boolean;
  /** A set-up in progress: what the person scans or types into their app. Theirs alone. */
  pending: { uri: string; secret: string } | null;
}

export async function getMyTwoFactor(): Promise<MyTwoFactor> {
  const user = await me("two_factor.view");
  const database = await db();
  const [row] = await database
    .select({ enabledAt: twoFactorCredentials.enabledAt, pendingSecret: twoFactorCredentials.pendingSecret })
    .from(twoFactorCredentials)
    .where(eq(twoFactorCredentials.userId, user.id));
  const secret = row?.pendingSecret ? unseal(row.pendingSecret, user.id) : null;
  return {
    enabled: Boolean(row?.enabledAt),
    enabledAt: row?.enabledAt ?? null,
    recoveryCodesLeft: row?.enabledAt ? await unusedRecoveryCodes(database, user.id) : 0,
    required: await isRequired(user),
    pending: secret ? { uri: totpUri(secret, user.email), secret: groupedSecret(secret) } : null,
  };
}

async function isRequired(user: CurrentUser): Promise<boolean> {
  // The setup step says so while it is missing; once set up, the same rule decides whether it may go.
  if (user.setupStep === "two_factor") return true;
  const [row] = await (await db())
    .select({ enrolmentRequired: users.twoFactorEnrolmentRequired })
    .from(users)
    .where(eq(users.id, user.id));
  const settings = await clinicSettingsOfRequest();
  return twoFactorRequired({ role: user.role, twoFactorEnrolmentRequired: row?.enrolmentRequired ?? false, clinicRequiresTwoFactor: settings.twoFactorRequired });
}

/** A new secret to scan; replaces any earlier set-up that was not finished. Nothing changes at sign-in yet. */
export async function startTwoFactorSetup(): Promise<void> {
  const user = await me("two_factor.start");
  const now = new Date();
  const pendingSecret = seal(newTotpSecret(), user.id);
  await (await db()).transaction(async (tx) => {
    await tx
      .insert(twoFactorCredentials)
      .values({ userId: user.id, pendingSecret, pendingSince: now, updatedAt: now })
      .onConflictDoUpdate({ target: twoFactorCredentials.userId, set: { pendingSecret, pendingSince: now, updatedAt: now } });
    await writeAudit({ actor: user, action: "two_factor.start", outcome: "allowed" }, tx);
  });
}

export const confirmTwoFactorSchema = z.object({
  code: z.string().trim().min(1, "Enter the 6-digit code your app shows now.").max(20, "Enter the 6-digit code your app shows now."),
  password: z.string().min(1, "Enter your password.").max(1024),
});

/**
 * Confirms the set-up with the first code from the app and the password (so a session left open
 * cannot tie the account to someone else's phone). Returns the recovery codes: the only time
 * anyone sees them.
 */
export async function confirmTwoFactorSetup(input: z.input<typeof confirmTwoFactorSchema>): Promise<{ recoveryCodes: string[] }> {
  const user = await me("two_factor.enable");
  const data = confirmTwoFactorSchema.parse(input);
  const database = await db();
  const [row] = await database
    .select({ pendingSecret: twoFactorCredentials.pendingSecret })
    .from(twoFactorCredentials)
    .where(eq(twoFactorCredentials.userId, user.id));
  if (!row?.pendingSecret) throw new ValidationError("Start the set-up again: there is no code to confirm.");

  // The code first: it is cheap, and a wrong one needs no password check.
  const secret = unseal(row.pendingSecret, user.id);
  const step = normalizeTotpCode(data.code) ? acceptedStep(secret, data.code, null, new Date()) : null;
  if (step === null) {
    await writeAudit({ actor: user, action: "two_factor.enable", outcome: "failure" });
    throw new ValidationError("Check the highlighted fields.", {
      code: ["That code does not match. Enter the 6-digit code your app shows now; check that your phone's clock is set automatically."],
    });
  }
  const check = await reauthenticate(user, { password: data.password }, "reauthentication");
  if (!check.ok) {
    await writeAudit({ actor: user, action: "two_factor.enable", outcome: "failure" });
    throw new ValidationError("Check the highlighted fields.", {
      password: [check.reason === "throttled" ? waitMessage(check.retryAfterSeconds) : "Your password is not correct."],
    });
  }
  const now = new Date();
  const done = await database.transaction(async (tx) => {
    await tx
      .update(twoFactorCredentials)
      .set({ secret: row.pendingSecret, enabledAt: now, pendingSecret: null, pendingSince: null, lastUsedStep: step, updatedAt: now })
      .where(eq(twoFactorCredentials.userId, user.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await tx.update(users).set({ twoFactorEnrolmentRequired: false, updatedAt: now }).where(eq(users.id, user.id));
    await writeAudit({ actor: user, action: "two_factor.enable", outcome: "success" }, tx);
    return { recoveryCodes };
  });
  forgetSessionRead();
  return done;
}

export const twoFactorProofSchema = z.object({
  proof: z.string().min(1, "Enter a code from your app, or your password.").max(1024),
});

/** A 6-digit answer is a code from the app; anything else is the password (which has at least 12 characters). */
async function proveItIsMe(user: CurrentUser, proof: string, action: string) {
  const check = await reauthenticate(user, normalizeTotpCode(proof) ? { code: proof } : { password: proof }, "reauthentication");
  if (check.ok) return;
  await writeAudit({ actor: user, action, outcome: "failure" });
  throw new ValidationError("Check the highlighted field.", {
    proof: [check.reason === "throttled" ? waitMessage(check.retryAfterSeconds) : "That is neither a current code from your app nor your password."],
  });
}

/** New recovery codes (the old ones stop working), after a code from the app or the password. */
export async function renewRecoveryCodes(input: z.input<typeof twoFactorProofSchema>): Promise<{ recoveryCodes: string[] }> {
  const user = await me("two_factor.renew_recovery_codes");
  const { proof } = twoFactorProofSchema.parse(input);
  if (!user.twoFactorEnabled) throw new ValidationError("Two-factor sign-in is not on.");
  await proveItIsMe(user, proof, "two_factor.renew_recovery_codes");
  return (await db()).transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await writeAudit({ actor: user, action: "two_factor.renew_recovery_codes", outcome: "success" }, tx);
    return { recoveryCodes };
  });
}

/** Turns two-factor sign-in off, after a code from the app or the password; not where it is required. */
export async function turnOffTwoFactor(input: z.input<typeof twoFactorProofSchema>): Promise<void> {
  const user = await me("two_factor.disable");
  const { proof } = twoFactorProofSchema.parse(input);
  if (!user.twoFactorEnabled) throw new ValidationError("Two-factor sign-in is not on.");
  if (await isRequired(user)) {
    throw new ValidationError("Your clinic requires two-factor sign-in for your account, so it cannot be turned off. To move it to a new phone, set it up again.");
  }
  await proveItIsMe(user, proof, "two_factor.disable");
  await (await db()).transaction(async (tx) => {
    await tx.delete(twoFactorCredentials).where(eq(twoFactorCredentials.userId, user.id));
    await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, user.id));
    await writeAudit({ actor: user, action: "two_factor.disable", outcome: "success" }, tx);
  });
  forgetSessionRead();
}
