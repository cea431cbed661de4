import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/db/client";
import { careTeamMembers } from "@/db/schema/care-team";
import { emergencyAccessAttempts, emergencyAccessGrants } from "@/db/schema/emergency-access";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { EMERGENCY_NOTICE_DAYS, EMERGENCY_REQUESTS_PER_HOUR, nextEmergencyRequestAt } from "@/lib/domain/emergency-access";
import { authorizeRole } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { NotFoundError, ValidationError } from "./errors";
import { preparedRead } from "./internal/prepared-read";

export const EMERGENCY_ACCESS_MINUTES = Number(process.env.RUNCLEAR_EMERGENCY_ACCESS_MINUTES ?? 60) || 60;

export const emergencyAccessSchema = z.object({
  mrn: z.string().trim().toUpperCase().min(1, "Enter the patient's MRN.").max(40, "That is not an MRN."),
  dateOfBirth: z.iso.date("Enter the patient's date of birth."),
  reason: z
    .string()
    .trim()
    .min(15, "Say why you need this chart now (at least 15 characters); the care team will read it.")
    .max(500, "Keep the reason under 500 characters."),
});

const NO_MATCH = "No patient matches this MRN and date of birth. Check both against the patient's details.";

/**
 * Break-glass (DOMAIN.md §8): a physician outside the care team opens a chart after giving the
 * patient's MRN and date of birth and a reason. The grant expires, every use of it is flagged in
 * the audit trail, the care team is told on their patient list and the chart, an administrator
 * reviews it, and the patient sees it. A physician may ask EMERGENCY_REQUESTS_PER_HOUR times an
 * hour, matched or not, and a failed match never says which of the two was wrong.
 */
export async function requestEmergencyAccess(input: z.input<typeof emergencyAccessSchema>): Promise<{ patientId: string; expiresAt: Date | null }> {
  const user = await authorizeRole("emergency_access.grant", ["physician"]);
  const data = emergencyAccessSchema.parse(input);
  const database = await db();
  const refused = (resource: "rate_limited" | "no_match", error: ValidationError) => ({ refused: resource, error }) as const;

  const outcome = await database.transaction(async (tx) => {
    // One physician's requests one at a time, so parallel ones cannot slip past the limit.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    const now = new Date();
    const earlier = await tx
      .select({ at: emergencyAccessAttempts.attemptedAt })
      .from(emergencyAccessAttempts)
      .where(and(eq(emergencyAccessAttempts.userId, user.id), gt(emergencyAccessAttempts.attemptedAt, new Date(now.getTime() - 3_600_000))));
    const nextAt = nextEmergencyRequestAt(earlier.map((e) => e.at), now);
    if (nextAt) {
      const minutes = Math.max(1, Math.ceil((nextAt.getTime() - now.getTime()) / 60_000));
      return refused(
        "rate_limited",
        new ValidationError(
          `You have asked for emergency access ${EMERGENCY_REQUESTS_PER_HOUR} times in the last hour, the most RunClear allows. ` +
            `You can ask again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}; until then, ask a physician on the patient's care team.`,
        ),
      );
    }
    const [patient] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.mrn, data.mrn), eq(patients.dateOfBirth, data.dateOfBirth)));
    const [member] = patient
      ? await tx
          .select({ role: careTeamMembers.role })
          .from(careTeamMembers)
          .where(and(eq(careTeamMembers.patientId, patient.id), eq(careTeamMembers.userId, user.id)))
      : [];
    // One's own patient needs no grant and uses up nothing; the request is still recorded.
    if (patient && member) {
      await writeAudit({ actor: user, action: "emergency_access.grant", patientId: patient.id, resource: "own care team: no grant needed", outcome: "allowed" }, tx);
      return { patientId: patient.id, expiresAt: null };
    }
    await tx.insert(emergencyAccessAttempts).values({ userId: user.id, granted: Boolean(patient), attemptedAt: now });
    if (!patient) {
      return refused("no_match", new ValidationError(NO_MATCH, { mrn: ["Check the MRN."], dateOfBirth: ["Check the date of birth."] }));
    }
    const expiresAt = new Date(now.getTime() + EMERGENCY_ACCESS_MINUTES * 60_000);
    const [grant] = await tx
      .insert(emergencyAccessGrants)
      .values({ patientId: patient.id, userId: user.id, reason: data.reason, grantedAt: now, expiresAt })
      .returning({ id: emergencyAccessGrants.id });
    await writeAudit(
      { actor: user, action: "emergency_access.grant", patientId: patient.id, resource: `grant:${grant!.id}`, outcome: "allowed", emergency: true },
      tx,
    );
    return { patientId: patient.id, expiresAt };
  });
  if ("refused" in outcome) {
    // The counted attempt is committed with the transaction; the refusal is audited after it.
    await writeAudit({ actor: user, action: "emergency_access.grant", resource: outcome.refused, outcome: "denied", emergency: true });
    throw outcome.error;
  }
  return outcome;
}

const physician = alias(users, "physician");
const reviewer = alias(users, "reviewer");

export interface EmergencyAccessGrantRow {
  id: string;
  physician: { name: string; email: string };
  patient: { mrn: string; name: string };
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
  review: { at: Date; by: string; note: string } | null;
}

export const grantReviewFilterSchema = z.object({ status: z.enum(["unreviewed", "all"]).catch("unreviewed") });

/**
 * Every emergency access, newest first, for an administrator's review: who, which patient
 * (identity only), the reason given, when and until when, and the review if done.
 */
export async function listEmergencyAccessGrants(filter: { status?: string } = {}): Promise<EmergencyAccessGrantRow[]> {
  const admin = await authorizeRole("emergency_access.review_list", ["admin"]);
  const { status } = grantReviewFilterSchema.parse(filter);
  const rows = await (await db())
    .select({
      id: emergencyAccessGrants.id,
      physicianName: physician.name,
      physicianEmail: physician.email,
      mrn: patients.mrn,
      givenName: patients.givenName,
      familyName: patients.familyName,
      reason: emergencyAccessGrants.reason,
      grantedAt: emergencyAccessGrants.grantedAt,
      expiresAt: emergencyAccessGrants.expiresAt,
      reviewedAt: emergencyAccessGrants.reviewedAt,
      reviewerName: reviewer.name,
      reviewNote: emergencyAccessGrants.reviewNote,
    })
    .from(emergencyAccessGrants)
    .innerJoin(physician, eq(physician.id, emergencyAccessGrants.userId))
    .innerJoin(patients, eq(patients.id, emergencyAccessGrants.patientId))
    .leftJoin(reviewer, eq(reviewer.id, emergencyAccessGrants.reviewedById))
    .where(status === "unreviewed" ? isNull(emergencyAccessGrants.reviewedAt) : undefined)
    .orderBy(status === "unreviewed" ? asc(emergencyAccessGrants.grantedAt) : desc(emergencyAccessGrants.grantedAt))
    .limit(200);
  await writeAudit({ actor: admin, action: "emergency_access.review_list", resource: `status:${status}`, outcome: "allowed" });
  return rows.map((r) => ({
    id: r.id,
    physician: { name: r.physicianName, email: r.physicianEmail },
    patient: { mrn: r.mrn, name: `${r.givenName} ${r.familyName}` },
    reason: r.reason,
    grantedAt: r.grantedAt,
    expiresAt: r.expiresAt,
    review: r.reviewedAt ? { at: r.reviewedAt, by: r.reviewerName ?? "", note: r.reviewNote ?? "" } : null,
  }));
}

/** How many emergency accesses wait for review (for the administrator's home page). */
export async function countUnreviewedEmergencyAccess(): Promise<number> {
  await authorizeRole("emergency_access.review_list", ["admin"]);
  const [row] = await (await db()).select({ n: count() }).from(emergencyAccessGrants).where(isNull(emergencyAccessGrants.reviewedAt));
  return row?.n ?? 0;
}

export const reviewGrantSchema = z.object({
  grantId: z.uuid("Unknown emergency access."),
  note: z
    .string()
    .trim()
    .min(5, "Write what you checked, for example that the physician was on call (at least 5 characters).")
    .max(500, "Keep the note under 500 characters."),
});

/** An administrator marks a grant reviewed, with a note; once. */
export async function reviewEmergencyAccess(input: z.input<typeof reviewGrantSchema>): Promise<void> {
  const admin = await authorizeRole("emergency_access.review", ["admin"]);
  const data = reviewGrantSchema.parse(input);
  const now = new Date();
  await (await db()).transaction(async (tx) => {
    const [grant] = await tx
      .update(emergencyAccessGrants)
      .set({ reviewedAt: now, reviewedById: admin.id, reviewNote: data.note })
      .where(and(eq(emergencyAccessGrants.id, data.grantId), isNull(emergencyAccessGrants.reviewedAt)))
      .returning({ id: emergencyAccessGrants.id, patientId: emergencyAccessGrants.patientId });
    if (!grant) {
      const [exists] = await tx.select({ id: emergencyAccessGrants.id }).from(emergencyAccessGrants).where(eq(emergencyAccessGrants.id, data.grantId));
      if (!exists) throw new NotFoundError();
      throw new ValidationError("Another administrator has already reviewed this emergency access.");
    }
    await writeAudit({ actor: admin, action: "emergency_access.review", patientId: grant.patientId, resource: `grant:${grant.id}`, outcome: "allowed" }, tx);
  });
}

export interface EmergencyAccessNotice {
  grantId: string;
  patientId: string;
  patientName: string;
  mrn: string;
  physicianName: string;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
}

const noticesFor = preparedRead(["userId", "since"], (database, at) =>
  database
    .select({
      grantId: emergencyAccessGrants.id,
      patientId: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      mrn: patients.mrn,
      physicianName: physician.name,
      reason: emergencyAccessGrants.reason,
      grantedAt: emergencyAccessGrants.grantedAt,
      expiresAt: emergencyAccessGrants.expiresAt,
    })
    .from(emergencyAccessGrants)
    .innerJoin(patients, eq(patients.id, emergencyAccessGrants.patientId))
    .innerJoin(physician, eq(physician.id, emergencyAccessGrants.userId))
    .where(
      and(
        inArray(emergencyAccessGrants.patientId, database.select({ id: careTeamMembers.patientId }).from(careTeamMembers).where(eq(careTeamMembers.userId, at.userId))),
        gt(emergencyAccessGrants.grantedAt, at.since),
        ne(emergencyAccessGrants.userId, at.userId),
      ),
    )
    .orderBy(desc(emergencyAccessGrants.grantedAt))
    .limit(20),
);

/**
 * The care team is told (DOMAIN.md §8): emergency accesses to the caller's own patients in the
 * last EMERGENCY_NOTICE_DAYS days, by someone else, for the top of their patient list.
 */
export async function listEmergencyAccessNotices(): Promise<EmergencyAccessNotice[]> {
  const user = await authorizeRole("emergency_access.notices", ["physician", "therapist"]);
  const rows = await noticesFor({ userId: user.id, since: new Date(Date.now() - EMERGENCY_NOTICE_DAYS * 86_400_000).toISOString() });
  if (rows.length) {
    await writeAudit({ actor: user, action: "emergency_access.notices", resource: rows.map((r) => `grant:${r.grantId}`).join(","), outcome: "allowed" });
  }
  return rows.map(({ givenName, familyName, ...r }) => ({ ...r, patientName: `${givenName} ${familyName}` }));
}

export interface MyEmergencyAccess {
  physicianName: string;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
}

/** For the patient's "Who opened my record": each emergency opening with the reason the physician gave. */
export async function listMyEmergencyAccesses(): Promise<MyEmergencyAccess[]> {
  const user = await authorizeRole("access_log.emergency", ["patient"]);
  if (!user.patientId) return [];
  const rows = await (await db())
    .select({
      physicianName: physician.name,
      reason: emergencyAccessGrants.reason,
      grantedAt: emergencyAccessGrants.grantedAt,
      expiresAt: emergencyAccessGrants.expiresAt,
    })
    .from(emergencyAccessGrants)
    .innerJoin(physician, eq(physician.id, emergencyAccessGrants.userId))
    .where(eq(emergencyAccessGrants.patientId, user.patientId))
    .orderBy(desc(emergencyAccessGrants.grantedAt))
    .limit(100);
  await writeAudit({ actor: user, action: "access_log.emergency", patientId: user.patientId, outcome: "allowed" });
  return rows;
}
