import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/db/client";
import { careTeamMembers } from "@/db/schema/care-team";
import { escalationKind, escalationReferrals, referralStatus, therapyReferrals } from "@/db/schema/plans";
import { users } from "@/db/schema/users";
import { auditOf, authorizeClinicalWrite, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { NotFoundError, ValidationError } from "./errors";
import { patientToday } from "./internal/today";
import { preparedRead } from "./internal/prepared-read";

export type ReferralStatus = (typeof referralStatus.enumValues)[number];
export type EscalationKind = (typeof escalationKind.enumValues)[number];

export const therapyReferralSchema = z.object({
  therapistId: z.uuid("Choose a physical therapist."),
  sessionsPerWeek: z.coerce.number("Enter sessions per week.").int("Whole sessions only.").min(1, "At least 1 a week.").max(7, "At most 7 a week."),
  weeks: z.coerce.number("Enter the number of weeks.").int("Whole weeks only.").min(1, "At least 1 week.").max(52, "At most 52 weeks."),
  goals: z.string().trim().min(5, "Write what therapy should achieve.").max(1000, "Keep goals under 1,000 characters."),
  notes: z.string().trim().max(2000, "Keep notes under 2,000 characters.").default(""),
});

export const escalationSchema = z.object({
  kind: z.enum(escalationKind.enumValues, "Choose imaging, epidural steroid injection or surgical opinion."),
  reason: z.string().trim().min(10, "Give the clinical reason (at least 10 characters).").max(2000, "Keep the reason under 2,000 characters."),
});

export const escalationStatusSchema = z.object({
  referralId: z.uuid("Unknown referral."),
  status: z.enum(referralStatus.enumValues, "Choose a status."),
  statusNote: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
});

export interface TherapyReferralView {
  id: string;
  therapistName: string;
  sessionsPerWeek: number;
  weeks: number;
  goals: string;
  notes: string;
  status: ReferralStatus;
  startDate: string;
  createdByName: string;
  createdAt: Date;
}

export interface EscalationView {
  id: string;
  kind: EscalationKind;
  reason: string;
  status: ReferralStatus;
  statusNote: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
}

const therapist = alias(users, "therapist");
const author = alias(users, "author");
const therapyReferralRows = preparedRead(["patientId"], (database, at) =>
  database
    .select({ r: therapyReferrals, therapistName: therapist.name, createdByName: author.name })
    .from(therapyReferrals)
    .innerJoin(therapist, eq(therapist.id, therapyReferrals.therapistId))
    .innerJoin(author, eq(author.id, therapyReferrals.createdById))
    .where(eq(therapyReferrals.patientId, at.patientId))
    .orderBy(desc(therapyReferrals.createdAt)),
);
const escalationRows = preparedRead(["patientId"], (database, at) =>
  database
    .select({ r: escalationReferrals, createdByName: author.name })
    .from(escalationReferrals)
    .innerJoin(author, eq(author.id, escalationReferrals.createdById))
    .where(eq(escalationReferrals.patientId, at.patientId))
    .orderBy(desc(escalationReferrals.createdAt)),
);

/** A patient's physical therapy and escalation referrals, newest first. */
export async function listReferrals(patientId: string): Promise<{ therapy: TherapyReferralView[]; escalations: EscalationView[] }> {
  await readPatient(patientId, "referral.list", { roles: ["physician", "therapist"] });
  const [therapy, escalations] = await Promise.all([therapyReferralRows({ patientId }), escalationRows({ patientId })]);
  return {
    therapy: therapy.map(({ r, therapistName, createdByName }) => ({
      id: r.id,
      therapistName,
      sessionsPerWeek: r.sessionsPerWeek,
      weeks: r.weeks,
      goals: r.goals,
      notes: r.notes,
      status: r.status,
      startDate: r.startDate,
      createdByName,
      createdAt: r.createdAt,
    })),
    escalations: escalations.map(({ r, createdByName }) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      status: r.status,
      statusNote: r.statusNote,
      createdByName,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
  };
}

/** Refers the patient to a physical therapist, who joins the care team (and so their caseload). */
export async function referToTherapy(patientId: string, input: z.input<typeof therapyReferralSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "referral.therapy");
  const data = therapyReferralSchema.parse(input);
  const database = await db();
  const [therapist] = await database.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, data.therapistId));
  if (therapist?.role !== "therapist" || !therapist.active) throw new ValidationError("Check the highlighted field.", { therapistId: ["Choose a physical therapist from the list."] });
  const startDate = await patientToday(patientId);
  await database.transaction(async (tx) => {
    const [referral] = await tx
      .insert(therapyReferrals)
      .values({ patientId, ...data, startDate, createdById: access.user.id })
      .returning({ id: therapyReferrals.id });
    await tx.insert(careTeamMembers).values({ patientId, userId: data.therapistId, role: "therapist" }).onConflictDoNothing();
    await writeAudit(auditOf(access, "referral.therapy", `therapy_referral:${referral!.id}`), tx);
  });
}

/** Records an escalation referral with its reason. */
export async function requestEscalation(patientId: string, input: z.input<typeof escalationSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "referral.escalation");
  const data = escalationSchema.parse(input);
  await (await db()).transaction(async (tx) => {
    const [referral] = await tx.insert(escalationReferrals).values({ patientId, ...data, createdById: access.user.id }).returning({ id: escalationReferrals.id });
    await writeAudit(auditOf(access, "referral.escalation", `escalation:${referral!.id}`), tx);
  });
}

/** Moves an escalation referral along: scheduled, completed, declined or cancelled. */
export async function updateEscalationStatus(patientId: string, input: z.input<typeof escalationStatusSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "referral.escalation_status");
  const data = escalationStatusSchema.parse(input);
  await (await db()).transaction(async (tx) => {
    const updated = await tx
      .update(escalationReferrals)
      .set({ status: data.status, statusNote: data.statusNote, updatedAt: new Date() })
      .where(and(eq(escalationReferrals.id, data.referralId), eq(escalationReferrals.patientId, patientId)))
      .returning({ id: escalationReferrals.id });
    if (!updated.length) throw new NotFoundError();
    await writeAudit(auditOf(access, "referral.escalation_status", `escalation:${data.referralId}`), tx);
  });
}
