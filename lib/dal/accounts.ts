import "server-only";
import { and, asc, count, eq, ilike, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Database } from "@/db/client";
import { careTeamMembers } from "@/db/schema/care-team";
import { patients } from "@/db/schema/patients";
import { authSessions } from "@/db/schema/sessions";
import { twoFactorCredentials, twoFactorRecoveryCodes } from "@/db/schema/two-factor";
import { users, type StaffAccessChange } from "@/db/schema/users";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { waitMessage } from "@/lib/auth/sign-in-errors";
import { CONFIRMED_ROLES } from "@/lib/domain/account-setup";
import { oneTimePassword } from "@/lib/domain/one-time-password";
import { newPasswordSchema } from "@/lib/domain/password-policy";
import { authorizeRole } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { NotFoundError, ValidationError } from "./errors";
import { requireUser } from "./internal/access";
import { endOtherSessions } from "./internal/sessions";
import { reauthenticate } from "./internal/sign-in";
import { forgetSessionRead } from "./session";

/**
 * A staff account waiting for a second administrator (separation of duties): what was done to
 * it, by whom and when. Until then it reaches no patient record and no admin function.
 */
export interface PendingConfirmation {
  change: StaffAccessChange;
  changedById: string | null;
  changedByName: string | null;
  changedAt: Date | null;
}

export interface AccountListItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  /** A physician an administrator made clinical lead: sees the whole clinic's outcomes dashboard. */
  clinicalLead: boolean;
  /** Null when nothing waits for confirmation (and always for patients). */
  pendingConfirmation: PendingConfirmation | null;
  createdAt: Date;
}

const changedBy = alias(users, "changed_by");

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  clinicalLead: users.clinicalLead,
  accessConfirmedAt: users.accessConfirmedAt,
  accessChange: users.accessChange,
  accessChangedById: users.accessChangedById,
  accessChangedAt: users.accessChangedAt,
  changedByName: changedBy.name,
  twoFactorEnabledAt: twoFactorCredentials.enabledAt,
};

interface AccountRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  clinicalLead: boolean;
  accessConfirmedAt: Date | null;
  accessChange: StaffAccessChange | null;
  accessChangedById: string | null;
  accessChangedAt: Date | null;
  changedByName: string | null;
  twoFactorEnabledAt: Date | null;
}

function accountQuery(database: Database) {
  return database
    .select(accountColumns)
    .from(users)
    .leftJoin(changedBy, eq(changedBy.id, users.accessChangedById))
    .leftJoin(twoFactorCredentials, eq(twoFactorCredentials.userId, users.id));
}

function toListItem(row: AccountRow): AccountListItem {
  const { accessConfirmedAt, accessChange, accessChangedById, accessChangedAt, changedByName, twoFactorEnabledAt, ...account } = row;
  const waiting = CONFIRMED_ROLES.includes(account.role) && !accessConfirmedAt;
  return {
    ...account,
    twoFactorEnabled: Boolean(twoFactorEnabledAt),
    pendingConfirmation: waiting
      ? { change: accessChange ?? "created", changedById: accessChangedById, changedByName, changedAt: accessChangedAt }
      : null,
  };
}

/** Every account, optionally filtered; for administrators. Holds no clinical content. */
export async function listAccounts(filter: { query?: string; role?: Role } = {}): Promise<AccountListItem[]> {
  const admin = await authorizeRole("account.list", ["admin"]);
  const conditions: SQL[] = [];
  if (filter.query) {
    const like = `%${filter.query.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  const rows = await accountQuery(await db())
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.role), asc(users.name));
  await writeAudit({ actor: admin, action: "account.list", outcome: "allowed" });
  return rows.map(toListItem);
}

/** Staff accounts waiting for a second administrator's confirmation, oldest change first. */
export async function listAccountsAwaitingConfirmation(): Promise<AccountListItem[]> {
  const admin = await authorizeRole("account.list_unconfirmed", ["admin"]);
  const rows = await accountQuery(await db())
    .where(and(isNull(users.accessConfirmedAt), ne(users.role, "patient"), eq(users.active, true)))
    .orderBy(asc(users.accessChangedAt));
  await writeAudit({ actor: admin, action: "account.list_unconfirmed", outcome: "allowed" });
  return rows.map(toListItem);
}

export interface AccountDetail extends AccountListItem {
  patient: { mrn: string; name: string } | null;
}

export async function getAccount(userId: string): Promise<AccountDetail> {
  const admin = await authorizeRole("account.view", ["admin"]);
  const [row] = z.uuid().safeParse(userId).success
    ? await (await db())
        .select({ ...accountColumns, mrn: patients.mrn, givenName: patients.givenName, familyName: patients.familyName })
        .from(users)
        .leftJoin(changedBy, eq(changedBy.id, users.accessChangedById))
        .leftJoin(twoFactorCredentials, eq(twoFactorCredentials.userId, users.id))
        .leftJoin(patients, eq(patients.id, users.patientId))
        .where(eq(users.id, userId))
    : [];
  if (!row) throw new NotFoundError();
  await writeAudit({ actor: admin, action: "account.view", resource: `user:${userId}`, outcome: "allowed" });
  const { mrn, givenName, familyName, ...account } = row;
  return { ...toListItem(account), patient: mrn ? { mrn, name: `${givenName} ${familyName}` } : null };
}

/** Patient records that have no sign-in account yet: identity only, for linking. */
export async function listPatientsWithoutAccount(): Promise<{ id: string; mrn: string; name: string; dateOfBirth: string }[]> {
  const admin = await authorizeRole("account.patient_candidates", ["admin"]);
  const rows = await (await db())
    .select({ id: patients.id, mrn: patients.mrn, givenName: patients.givenName, familyName: patients.familyName, dateOfBirth: patients.dateOfBirth })
    .from(patients)
    .leftJoin(users, eq(users.patientId, patients.id))
    .where(isNull(users.id))
    .orderBy(asc(patients.familyName), asc(patients.givenName));
  await writeAudit({ actor: admin, action: "account.patient_candidates", outcome: "allowed" });
  return rows.map((r) => ({ id: r.id, mrn: r.mrn, name: `${r.givenName} ${r.familyName}`, dateOfBirth: r.dateOfBirth }));
}

export const staffAccountSchema = z.object({
  name: z.string().trim().min(2, "Enter the person's full name.").max(120, "Use at most 120 characters."),
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(320),
  role: z.enum(["physician", "therapist", "admin"], "Choose a role."),
});

export const patientAccountSchema = z.object({
  patientId: z.uuid("Choose the patient's record."),
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(320),
});

export interface CreatedAccount {
  userId: string;
  email: string;
  /** Shown once to the administrator; the person must change it at first sign-in. */
  oneTimePassword: string;
}

async function emailTaken(email: string): Promise<boolean> {
  const [row] = await (await db()).select({ id: users.id }).from(users).where(eq(users.email, email));
  return Boolean(row);
}

const EMAIL_TAKEN = { email: ["An account with this email already exists."] };

export async function createStaffAccount(input: z.input<typeof staffAccountSchema>): Promise<CreatedAccount> {
  const admin = await authorizeRole("account.create", ["admin"]);
  const data = staffAccountSchema.parse(input);
  if (await emailTaken(data.email)) throw new ValidationError("Check the highlighted field.", EMAIL_TAKEN);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const database = await db();
  const userId = await database.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      // Waits for a second administrator before it reaches anything (separation of duties).
      .values({ ...data, passwordHash, mustChangePassword: true, ...needsConfirmation("created", admin.id, new Date()) })
      .returning({ id: users.id });
    await writeAudit({ actor: admin, action: "account.create", resource: `user:${created!.id}`, outcome: "allowed" }, tx);
    return created!.id;
  });
  return { userId, email: data.email, oneTimePassword: password };
}

/** A patient's sign-in account, linked to their record, with a one-time password. */
export async function createPatientAccount(input: z.input<typeof patientAccountSchema>): Promise<CreatedAccount> {
  const admin = await authorizeRole("account.create", ["admin"]);
  const data = patientAccountSchema.parse(input);
  const database = await db();
  const [patient] = await database
    .select({ id: patients.id, givenName: patients.givenName, familyName: patients.familyName, accountId: users.id })
    .from(patients)
    .leftJoin(users, eq(users.patientId, patients.id))
    .where(eq(patients.id, data.patientId));
  if (!patient) throw new NotFoundError();
  if (patient.accountId) throw new ValidationError("Check the highlighted field.", { patientId: ["This patient already has an account."] });
  if (await emailTaken(data.email)) throw new ValidationError("Check the highlighted field.", EMAIL_TAKEN);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const userId = await database.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: data.email,
        name: `${patient.givenName} ${patient.familyName}`,
        role: "patient",
        patientId: patient.id,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await writeAudit(
      { actor: admin, action: "account.create", patientId: patient.id, resource: `user:${created!.id}`, outcome: "allowed" },
      tx,
    );
    return created!.id;
  });
  return { userId, email: data.email, oneTimePassword: password };
}

/** The columns that make a staff account wait for a second administrator. */
function needsConfirmation(change: StaffAccessChange, adminId: string, now: Date) {
  return { accessConfirmedAt: null, accessConfirmedById: null, accessChange: change, accessChangedById: adminId, accessChangedAt: now };
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

interface AccountChange {
  /** Columns to set, given the account's current role. */
  set: (now: Date, target: { role: Role }, adminId: string) => Partial<typeof users.$inferInsert>;
  /** More writes in the same transaction. */
  alsoIn?: (tx: Tx, target: { role: Role }) => Promise<void>;
  /** Refuse the change for this account (a ValidationError), after it is found. */
  check?: (tx: Tx, target: { role: Role }) => Promise<void>;
}

/** An administrator changes someone else's account; their sessions end at their next request. */
async function changeAccount(action: string, userId: string, change: AccountChange) {
  const admin = await authorizeRole(action, ["admin"]);
  if (!z.uuid().safeParse(userId).success) throw new NotFoundError();
  if (userId === admin.id) throw new ValidationError("You cannot do this to your own account.");
  const now = new Date();
  await (await db()).transaction(async (tx) => {
    const [target] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).for("update");
    if (!target) throw new NotFoundError();
    await change.check?.(tx, target);
    await tx
      .update(users)
      .set({ ...change.set(now, target, admin.id), updatedAt: now })
      .where(eq(users.id, userId));
    await change.alsoIn?.(tx, target);
    await tx.update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
    await writeAudit({ actor: admin, action, resource: `user:${userId}`, outcome: "allowed" }, tx);
  });
}

const isStaff = (role: Role) => CONFIRMED_ROLES.includes(role);

/** Deactivation also ends every live session of the account at its next request. */
export async function deactivateAccount(userId: string): Promise<void> {
  await changeAccount("account.deactivate", userId, { set: (now) => ({ active: false, sessionsValidAfter: now }) });
}

export async function reactivateAccount(userId: string): Promise<void> {
  await changeAccount("account.reactivate", userId, { set: (now) => ({ active: true, sessionsValidAfter: now }) });
}

/**
 * A new one-time password; the old one and every session stop working. The administrator now
 * knows a password of the account, so a staff account waits for a second administrator again.
 */
export async function resetPassword(userId: string): Promise<{ oneTimePassword: string }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await changeAccount("account.reset_password", userId, {
    set: (now, target, adminId) => ({
      passwordHash,
      mustChangePassword: true,
      sessionsValidAfter: now,
      ...(isStaff(target.role) ? needsConfirmation("password_reset", adminId, now) : {}),
    }),
  });
  return { oneTimePassword: password };
}

/**
 * Removes the account's authenticator and recovery codes (a lost phone): the person signs in with
 * their password and must set two-factor sign-in up again before anything else. A staff account
 * waits for a second administrator again.
 */
export async function resetTwoFactor(userId: string): Promise<void> {
  await changeAccount("account.reset_two_factor", userId, {
    set: (now, target, adminId) => ({
      twoFactorEnrolmentRequired: true,
      sessionsValidAfter: now,
      ...(isStaff(target.role) ? needsConfirmation("two_factor_reset", adminId, now) : {}),
    }),
    alsoIn: async (tx) => {
      await tx.delete(twoFactorCredentials).where(eq(twoFactorCredentials.userId, userId));
      await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
    },
  });
}

export const STAFF_ROLES = ["physician", "therapist", "admin"] as const satisfies Role[];
export const changeRoleSchema = z.object({ role: z.enum(STAFF_ROLES, "Choose a role.") });

/**
 * A staff account's new role. An account holds one role, so an administrator is never also a
 * clinician. The change waits for a second administrator, and is refused while the account is on
 * a care team (its place there was given for the old role).
 */
export async function changeAccountRole(userId: string, input: z.input<typeof changeRoleSchema>): Promise<void> {
  const { role } = changeRoleSchema.parse(input);
  await changeAccount("account.change_role", userId, {
    check: async (tx, target) => {
      if (!isStaff(target.role)) throw new ValidationError("Check the highlighted field.", { role: ["A patient's account cannot take a staff role."] });
      if (target.role === role) throw new ValidationError("Check the highlighted field.", { role: ["The account already has this role."] });
      const [teams] = await tx.select({ n: count() }).from(careTeamMembers).where(eq(careTeamMembers.userId, userId));
      if ((teams?.n ?? 0) > 0) {
        throw new ValidationError("Check the highlighted field.", {
          role: [`This account is on ${teams!.n} ${teams!.n === 1 ? "patient's" : "patients'"} care team. Create a new account for the new role instead.`],
        });
      }
    },
    set: (now, _target, adminId) => ({ role, sessionsValidAfter: now, ...needsConfirmation("role_changed", adminId, now) }),
  });
}

export const clinicalLeadSchema = z.object({ clinicalLead: z.enum(["true", "false"], "Choose whether the physician is clinical lead.") });

/**
 * Grants or revokes clinical lead (the whole clinic's outcomes dashboard) for an active physician.
 * Audited, but without the second administrator's confirmation that role changes need: it opens
 * no patient's record (clinic-wide rows outside the lead's care teams carry no name), and waiting
 * for a confirmation would lock the physician out of their own patients meanwhile.
 */
export async function setClinicalLead(userId: string, input: z.input<typeof clinicalLeadSchema>): Promise<void> {
  const action = "account.set_clinical_lead";
  const admin = await authorizeRole(action, ["admin"]);
  const clinicalLead = clinicalLeadSchema.parse(input).clinicalLead === "true";
  if (!z.uuid().safeParse(userId).success) throw new NotFoundError();
  await (await db()).transaction(async (tx) => {
    const [target] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).for("update");
    if (!target) throw new NotFoundError();
    if (target.role !== "physician") throw new ValidationError("Only a physician can be clinical lead.");
    if (clinicalLead && !target.active) throw new ValidationError("Reactivate the account before making it clinical lead.");
    await tx.update(users).set({ clinicalLead, updatedAt: new Date() }).where(eq(users.id, userId));
    await writeAudit({ actor: admin, action, resource: `user:${userId}:${clinicalLead ? "granted" : "revoked"}`, outcome: "allowed" }, tx);
  });
}

/**
 * A second administrator confirms a new or changed staff account: never the administrator who
 * made the change, and never one's own account (the database refuses both as well).
 */
export async function confirmStaffAccess(userId: string): Promise<void> {
  const admin = await authorizeRole("account.confirm_access", ["admin"]);
  if (!z.uuid().safeParse(userId).success) throw new NotFoundError();
  const now = new Date();
  const refusal = await (await db()).transaction(async (tx) => {
    const [target] = await tx
      .select({ role: users.role, accessConfirmedAt: users.accessConfirmedAt, accessChangedById: users.accessChangedById })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!target) throw new NotFoundError();
    if (userId === admin.id) return "You cannot confirm your own account.";
    if (!isStaff(target.role) || target.accessConfirmedAt) return "This account is not waiting for confirmation.";
    if (target.accessChangedById === admin.id) return "You made this change, so another administrator must confirm it.";
    await tx.update(users).set({ accessConfirmedAt: now, accessConfirmedById: admin.id, updatedAt: now }).where(eq(users.id, userId));
    await writeAudit({ actor: admin, action: "account.confirm_access", resource: `user:${userId}`, outcome: "allowed" }, tx);
    return null;
  });
  if (refusal) {
    await writeAudit({ actor: admin, action: "account.confirm_access", resource: `user:${userId}`, outcome: "denied" });
    throw new ValidationError(refusal);
  }
}

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: z.string(),
  confirmPassword: z.string(),
});

/**
 * The signed-in user changes their own password (required after a one-time password). Checking
 * the current password is a sign-in attempt, throttled like one.
 */
export async function changeOwnPassword(input: z.input<typeof changePasswordSchema>): Promise<void> {
  const user = await requireUser({ allowAccountSetup: true }).catch(async (error: unknown) => {
    await writeAudit({ actor: null, action: "account.change_password", outcome: "denied" });
    throw error;
  });
  const data = changePasswordSchema.parse(input);
  const fieldErrors: Record<string, string[]> = {};
  const policy = newPasswordSchema(user.email).safeParse(data.newPassword);
  if (!policy.success) fieldErrors.newPassword = policy.error.issues.map((i) => i.message);
  if (data.newPassword !== data.confirmPassword) fieldErrors.confirmPassword = ["The two new passwords do not match."];
  if (data.newPassword === data.currentPassword) fieldErrors.newPassword = ["Choose a password different from the current one."];
  const check = await reauthenticate(user, { password: data.currentPassword }, "password_change");
  if (!check.ok) {
    fieldErrors.currentPassword = [check.reason === "throttled" ? waitMessage(check.retryAfterSeconds) : "Your current password is not correct."];
  }
  if (Object.keys(fieldErrors).length) {
    await writeAudit({ actor: user, action: "account.change_password", outcome: "failure" });
    throw new ValidationError("Check the highlighted fields.", fieldErrors);
  }
  const passwordHash = await hashPassword(data.newPassword);
  await (await db()).transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await writeAudit({ actor: user, action: "account.change_password", outcome: "success" }, tx);
  });
  forgetSessionRead();
  await endOtherSessions(user);
}

/**
 * The signed-in user's sign-in before this one: when and from where, so someone who did not
 * sign in then can tell. Null on a first sign-in.
 */
export async function getMyPreviousSignIn(): Promise<{ at: Date; ip: string | null } | null> {
  const user = await requireUser({ allowAccountSetup: true });
  const [row] = await (await db())
    .select({ at: authSessions.createdAt, ip: authSessions.ip })
    .from(authSessions)
    .where(and(eq(authSessions.userId, user.id), ne(authSessions.id, user.sessionId)))
    .orderBy(sql`${authSessions.createdAt} desc`)
    .limit(1);
  return row ?? null;
}

/** Every patient's identity (no clinical content), for filtering the audit trail. */
export async function listPatientIdentities(): Promise<{ id: string; mrn: string; name: string }[]> {
  const admin = await authorizeRole("account.patient_identities", ["admin"]);
  const rows = await (await db())
    .select({ id: patients.id, mrn: patients.mrn, givenName: patients.givenName, familyName: patients.familyName })
    .from(patients)
    .orderBy(asc(patients.familyName), asc(patients.givenName));
  await writeAudit({ actor: admin, action: "account.patient_identities", outcome: "allowed" });
  return rows.map((r) => ({ id: r.id, mrn: r.mrn, name: `${r.givenName} ${r.familyName}` }));
}
