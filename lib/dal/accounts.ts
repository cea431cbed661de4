import "server-only";
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { patients } from "@/db/schema/patients";
import { authSessions } from "@/db/schema/sessions";
import { users } from "@/db/schema/users";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { oneTimePassword } from "@/lib/domain/one-time-password";
import { newPasswordSchema } from "@/lib/domain/password-policy";
import { authorizeRole } from "./access";
import { writeAudit } from "./audit-log";
import { NotFoundError, ValidationError } from "./errors";
import { endOtherSessions, requireUser } from "./session";

export interface AccountListItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
}

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

/** Every account, optionally filtered; for administrators. Holds no clinical content. */
export async function listAccounts(filter: { query?: string; role?: Role } = {}): Promise<AccountListItem[]> {
  const admin = await authorizeRole("account.list", ["admin"]);
  const conditions: SQL[] = [];
  if (filter.query) {
    const like = `%${filter.query.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  const rows = await (await db())
    .select(accountColumns)
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.role), asc(users.name));
  await writeAudit({ actor: admin, action: "account.list", outcome: "allowed" });
  return rows;
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
        .leftJoin(patients, eq(patients.id, users.patientId))
        .where(eq(users.id, userId))
    : [];
  if (!row) throw new NotFoundError();
  await writeAudit({ actor: admin, action: "account.view", resource: `user:${userId}`, outcome: "allowed" });
  const { mrn, givenName, familyName, ...account } = row;
  return { ...account, patient: mrn ? { mrn, name: `${givenName} ${familyName}` } : null };
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
      .values({ ...data, passwordHash, mustChangePassword: true })
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

async function changeAccount(action: string, userId: string, change: (now: Date) => Partial<typeof users.$inferInsert>) {
  const admin = await authorizeRole(action, ["admin"]);
  if (!z.uuid().safeParse(userId).success) throw new NotFoundError();
  if (userId === admin.id) throw new ValidationError("You cannot do this to your own account.");
  const now = new Date();
  await (await db()).transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ ...change(now), updatedAt: now })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated.length) throw new NotFoundError();
    await tx.update(authSessions).set({ revokedAt: now }).where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
    await writeAudit({ actor: admin, action, resource: `user:${userId}`, outcome: "allowed" }, tx);
  });
}

/** Deactivation also ends every live session of the account at its next request. */
export async function deactivateAccount(userId: string): Promise<void> {
  await changeAccount("account.deactivate", userId, (now) => ({ active: false, sessionsValidAfter: now }));
}

export async function reactivateAccount(userId: string): Promise<void> {
  await changeAccount("account.reactivate", userId, (now) => ({ active: true, sessionsValidAfter: now }));
}

/** A new one-time password; the old one and every session stop working. */
export async function resetPassword(userId: string): Promise<{ oneTimePassword: string }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await changeAccount("account.reset_password", userId, (now) => ({ passwordHash, mustChangePassword: true, sessionsValidAfter: now }));
  return { oneTimePassword: password };
}

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: z.string(),
  confirmPassword: z.string(),
});

/** The signed-in user changes their own password (required after a one-time password). */
export async function changeOwnPassword(input: z.input<typeof changePasswordSchema>): Promise<void> {
  const user = await requireUser({ allowPasswordChange: true }).catch(async (error: unknown) => {
    await writeAudit({ actor: null, action: "account.change_password", outcome: "denied" });
    throw error;
  });
  const data = changePasswordSchema.parse(input);
  const fieldErrors: Record<string, string[]> = {};
  const policy = newPasswordSchema(user.email).safeParse(data.newPassword);
  if (!policy.success) fieldErrors.newPassword = policy.error.issues.map((i) => i.message);
  if (data.newPassword !== data.confirmPassword) fieldErrors.confirmPassword = ["The two new passwords do not match."];
  if (data.newPassword === data.currentPassword) fieldErrors.newPassword = ["Choose a password different from the current one."];
  const database = await db();
  const [row] = await database.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(data.currentPassword, row.passwordHash))) {
    fieldErrors.currentPassword = ["Your current password is not correct."];
  }
  if (Object.keys(fieldErrors).length) {
    await writeAudit({ actor: user, action: "account.change_password", outcome: "failure" });
    throw new ValidationError("Check the highlighted fields.", fieldErrors);
  }
  const passwordHash = await hashPassword(data.newPassword);
  await database.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await writeAudit({ actor: user, action: "account.change_password", outcome: "success" }, tx);
  });
  await endOtherSessions(user);
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
