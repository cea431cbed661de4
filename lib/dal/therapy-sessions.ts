import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { therapySessions, type TherapyAttendance } from "@/db/schema/therapy-sessions";
import { users } from "@/db/schema/users";
import { describeChanges } from "@/lib/domain/plan";
import { adjustDose, doseAdjustmentSchema, therapySessionSchema } from "@/lib/domain/therapy-session";
import { auditOf, authorizePatient, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { fieldErrorsOf, NotFoundError, ValidationError } from "./errors";
import { saveNextPlanVersion } from "./internal/plan-versions";
import { patientToday } from "./internal/today";

export interface TherapySessionView {
  id: string;
  sessionDate: string;
  attendance: TherapyAttendance;
  exercisesInClinic: string;
  notes: string;
  therapistName: string;
  createdAt: Date;
}

/** DOMAIN.md §8: only a therapist assigned to the patient records sessions and doses exercises. */
function authorizeTherapistWrite(patientId: string, action: string) {
  return authorizePatient(patientId, action, { roles: ["therapist"], careTeamOnly: true });
}

/** The patient's therapy sessions, newest first, for the physicians and therapists on the care team. */
export async function listTherapySessions(patientId: string): Promise<TherapySessionView[]> {
  await readPatient(patientId, "therapy.session.list", { roles: ["physician", "therapist"] });
  const rows = await (await db())
    .select({ s: therapySessions, therapistName: users.name })
    .from(therapySessions)
    .innerJoin(users, eq(users.id, therapySessions.therapistId))
    .where(eq(therapySessions.patientId, patientId))
    .orderBy(desc(therapySessions.sessionDate), desc(therapySessions.createdAt));
  return rows.map(({ s, therapistName }) => ({
    id: s.id,
    sessionDate: s.sessionDate,
    attendance: s.attendance,
    exercisesInClinic: s.exercisesInClinic,
    notes: s.notes,
    therapistName,
    createdAt: s.createdAt,
  }));
}

/**
 * Records a session on the patient's local date. A repeated idempotency key (a double submit, a
 * retry after a lost answer) returns the first session and writes nothing.
 */
export async function recordTherapySession(patientId: string, input: unknown): Promise<{ id: string }> {
  const access = await authorizeTherapistWrite(patientId, "therapy.session.record");
  const parsed = therapySessionSchema(await patientToday(patientId)).safeParse(input);
  if (!parsed.success) throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const session = parsed.data;
  return (await db()).transaction(async (tx) => {
    const [inserted] = await tx
      .insert(therapySessions)
      .values({ patientId, therapistId: access.user.id, ...session })
      .onConflictDoNothing({ target: therapySessions.idempotencyKey })
      .returning({ id: therapySessions.id });
    if (!inserted) {
      const [earlier] = await tx
        .select({ id: therapySessions.id })
        .from(therapySessions)
        .where(and(eq(therapySessions.idempotencyKey, session.idempotencyKey), eq(therapySessions.patientId, patientId)));
      if (!earlier) throw new ValidationError("Reload the page and try again.");
      return earlier;
    }
    await writeAudit(auditOf(access, "therapy.session.record", `therapy_session:${inserted.id}`), tx);
    return inserted;
  });
}

/**
 * Changes the dose of one home exercise in the current plan and saves the plan as the next
 * version, by the therapist, with what changed and why. Nothing else in the plan can change
 * (lib/domain/therapy-session.ts). The version is carried from the form, as for the physician's
 * saves. The plan's other rules (running inside the clearance, medicine justifications) are not
 * re-judged: the therapist cannot touch those items, so a dose change must not wait on them.
 */
export async function adjustExerciseDose(patientId: string, basedOnVersion: number, input: unknown): Promise<{ version: number; changes: string[] }> {
  const access = await authorizeTherapistWrite(patientId, "plan.dose_adjust");
  const parsed = doseAdjustmentSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const adjustment = parsed.data;
  return saveNextPlanVersion(access, "plan.dose_adjust", basedOnVersion, (current) => {
    const result = current ? adjustDose(current, adjustment) : ({ ok: false, notFound: true } as const);
    if (!result.ok && result.notFound) throw new NotFoundError();
    if (!result.ok) throw new ValidationError("The dose was not changed: see the highlighted fields.", result.fieldErrors);
    return { plan: result.plan, changes: [...describeChanges(current, result.plan), `Reason: ${adjustment.reason}`], templateId: null };
  });
}
