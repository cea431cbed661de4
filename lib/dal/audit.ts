import "server-only";
import { and, desc, eq, gte, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/db/client";
import { sealAuditTrail, verifyAuditChain, type ChainReport } from "@/db/audit-chain";
import { auditEvents, type AuditOutcome } from "@/db/schema/audit";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import type { Role } from "@/lib/auth/roles";
import { authorizeRole } from "./internal/access";
import { writeAudit } from "./internal/audit-log";

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  userId: z.uuid().optional().catch(undefined),
  patientId: z.uuid().optional().catch(undefined),
  action: z.string().trim().max(80).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditRow {
  seq: number;
  occurredAt: Date;
  actorName: string | null;
  actorLabel: string | null;
  actorRole: string | null;
  action: string;
  patient: { id: string; name: string; mrn: string } | null;
  resource: string | null;
  outcome: AuditOutcome;
  emergency: boolean;
  ip: string | null;
  userAgent: string | null;
}

const actor = alias(users, "actor");

/** The audit trail, newest first, filtered by user, patient, action and dates (UTC days). */
export async function listAuditEvents(filter: AuditFilter = {}): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const admin = await authorizeRole("audit.list", ["admin"]);
  const f = auditFilterSchema.parse(filter);
  const conditions: SQL[] = [];
  if (f.userId) conditions.push(eq(auditEvents.actorUserId, f.userId));
  if (f.patientId) conditions.push(eq(auditEvents.patientId, f.patientId));
  if (f.action) conditions.push(eq(auditEvents.action, f.action));
  if (f.from) conditions.push(gte(auditEvents.occurredAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conditions.push(lt(auditEvents.occurredAt, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)));
  const page = f.page ?? 1;
  const rows = await (await db())
    .select({
      seq: auditEvents.seq,
      occurredAt: auditEvents.occurredAt,
      actorName: actor.name,
      actorLabel: auditEvents.actorLabel,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      patientId: auditEvents.patientId,
      patientGiven: patients.givenName,
      patientFamily: patients.familyName,
      patientMrn: patients.mrn,
      resource: auditEvents.resource,
      outcome: auditEvents.outcome,
      emergency: auditEvents.emergency,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    .leftJoin(patients, eq(patients.id, auditEvents.patientId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  await writeAudit({ actor: admin, action: "audit.list", outcome: "allowed" });
  return {
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    rows: rows.slice(0, AUDIT_PAGE_SIZE).map(({ patientId, patientGiven, patientFamily, patientMrn, ...r }) => ({
      ...r,
      patient: patientId && patientMrn ? { id: patientId, name: `${patientGiven} ${patientFamily}`, mrn: patientMrn } : null,
    })),
  };
}

/** The distinct actions in the trail, for the filter's choices. */
export async function listAuditActions(): Promise<string[]> {
  await authorizeRole("audit.list", ["admin"]);
  const rows = await (await db()).selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  return rows.map((r) => r.action);
}

/**
 * Checks the trail against its signed checkpoints and reports the first problem; a trail that
 * checks out is sealed up to now, so the next check has a fresh checkpoint to compare against.
 */
export async function checkAuditChain(): Promise<ChainReport> {
  const admin = await authorizeRole("audit.verify", ["admin"]);
  const database = await db();
  let report = await verifyAuditChain(database);
  if (report.intact && (await sealAuditTrail(database))) report = await verifyAuditChain(database);
  await writeAudit({ actor: admin, action: "audit.verify", outcome: report.intact ? "success" : "failure" });
  return report;
}

export interface RecordAccess {
  occurredAt: Date;
  who: string;
  role: Role | null;
  what: string;
  emergency: boolean;
}

const ACCESS_DESCRIPTIONS: Record<string, string> = {
  "chart.view": "Opened your chart",
  "exam.list": "Looked at your examinations",
  "exam.view": "Opened one of your examinations",
  "plan.view": "Looked at your plan",
  "clearance.view": "Looked at your clearance to run",
  "activity.view": "Looked at your logged activity",
  "adherence.view": "Looked at how you are keeping to your plan",
  "therapy.session.list": "Looked at your therapy sessions",
  "referral.list": "Looked at your referrals",
  "diagnosis.view": "Looked at your diagnosis",
  "emergency_access.grant": "Opened your chart in an emergency",
  "account.create": "Created your sign-in account",
  "fhir.everything": "Read your record through the FHIR interface",
  "fhir.read": "Read part of your record through the FHIR interface",
  "fhir.patient_copy": "You downloaded your record",
  "fhir.bulk_export": "Included your record in an export of the clinic's records (FHIR)",
};

function describeAccess(action: string): string {
  return ACCESS_DESCRIPTIONS[action] ?? action.replace(/[._]/g, " ");
}

/**
 * Who opened the signed-in patient's record, newest first: everyone but the patient, and the
 * patient's own downloads of their whole record (a copy that left the clinic is worth seeing).
 */
export async function listMyRecordAccesses(): Promise<RecordAccess[]> {
  const user = await authorizeRole("access_log.view", ["patient"]);
  if (!user.patientId) return [];
  const rows = await (await db())
    .select({
      occurredAt: auditEvents.occurredAt,
      name: actor.name,
      role: actor.role,
      action: auditEvents.action,
      emergency: auditEvents.emergency,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.patientId, user.patientId),
        eq(auditEvents.outcome, "allowed"),
        or(ne(sql`coalesce(${auditEvents.actorUserId}::text, '')`, user.id), eq(auditEvents.action, "fhir.patient_copy")),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(200);
  await writeAudit({ actor: user, action: "access_log.view", patientId: user.patientId, outcome: "allowed" });
  return rows.map((r) => ({ occurredAt: r.occurredAt, who: r.name ?? "RunClear", role: r.role, what: describeAccess(r.action), emergency: r.emergency }));
}
