import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { clearances } from "@/db/schema/clearance";
import { exams } from "@/db/schema/exams";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { users } from "@/db/schema/users";
import {
  clearanceDecisionSchema,
  evaluateClearance,
  isReviewDue,
  type ClearanceLevel,
  type ClearanceProblem,
  type Restrictions,
  type SignedExamSummary,
} from "@/lib/domain/clearance";
import { isRedFlagId, type RedFlagId } from "@/lib/domain/red-flags";
import { auditOf, authorizeClinicalWrite, readPatient, type PatientAccess } from "./access";
import { writeAudit } from "./audit-log";
import { isUniqueViolation } from "./db-errors";
import { latestEpisode } from "./episodes";
import { ConflictError, ValidationError } from "./errors";
import { patientToday } from "./today";

export interface ClearanceVersion {
  version: number;
  level: ClearanceLevel;
  restrictions: Restrictions | null;
  reviewDate: string | null;
  overrideReason: string;
  note: string;
  signedByName: string;
  signedAt: Date;
}

export interface ClearanceState {
  current: ClearanceVersion | null;
  history: ClearanceVersion[];
  reviewDue: boolean;
  activeRedFlags: RedFlagId[];
  lastSignedExam: SignedExamSummary | null;
  today: string;
}

/** What the clearance rules need to know about a patient right now. Callers authorize first. */
async function clinicalFacts(patientId: string) {
  const database = await db();
  const [alerts, [exam]] = await Promise.all([
    database.select({ flags: redFlagAlerts.flags }).from(redFlagAlerts).where(and(eq(redFlagAlerts.patientId, patientId), isNull(redFlagAlerts.resolvedAt))),
    database
      .select({ signedAt: exams.signedAt, painNow: exams.painNow, hasMotorDeficit: exams.hasMotorDeficit })
      .from(exams)
      .where(and(eq(exams.patientId, patientId), eq(exams.status, "signed")))
      .orderBy(desc(exams.signedAt))
      .limit(1),
  ]);
  const activeRedFlags = [...new Set(alerts.flatMap((a) => a.flags).filter(isRedFlagId))];
  const lastSignedExam: SignedExamSummary | null =
    exam?.signedAt && exam.painNow !== null ? { signedAt: exam.signedAt, painNow: exam.painNow, hasMotorDeficit: exam.hasMotorDeficit ?? false } : null;
  return { activeRedFlags, lastSignedExam };
}

async function versionsOf(patientId: string): Promise<ClearanceVersion[]> {
  const rows = await (await db())
    .select({ c: clearances, signedByName: users.name })
    .from(clearances)
    .innerJoin(users, eq(users.id, clearances.signedById))
    .where(eq(clearances.patientId, patientId))
    .orderBy(desc(clearances.version));
  return rows.map(({ c, signedByName }) => ({
    version: c.version,
    level: c.level,
    restrictions: c.restrictions,
    reviewDate: c.reviewDate,
    overrideReason: c.overrideReason,
    note: c.note,
    signedByName,
    signedAt: c.signedAt,
  }));
}

/** The current clearance, its history, and the facts the rules weigh. */
export async function getClearance(patientId: string): Promise<ClearanceState> {
  await readPatient(patientId, "clearance.view", { roles: ["physician", "therapist"] });
  const [history, facts, today] = await Promise.all([versionsOf(patientId), clinicalFacts(patientId), patientToday(patientId)]);
  const current = history[0] ?? null;
  return {
    current,
    history,
    reviewDue: Boolean(current && current.level !== "not_cleared" && current.reviewDate && isReviewDue(current.reviewDate, today)),
    ...facts,
    today,
  };
}

export class ClearanceRefused extends ValidationError {
  constructor(readonly problems: ClearanceProblem[], needsOverride: boolean) {
    super(
      needsOverride
        ? "This clearance goes against the rules below. Record your reason to go ahead."
        : "The patient cannot be cleared to run yet.",
      {
        form: problems.map((p) => p.message),
        ...(needsOverride ? { overrideReason: ["Record why you are clearing the patient despite this."] } : {}),
      },
    );
    this.name = "ClearanceRefused";
  }
}

async function insertVersion(
  access: PatientAccess,
  basedOnVersion: number,
  values: Omit<typeof clearances.$inferInsert, "patientId" | "version" | "signedById">,
  action: string,
) {
  const { patientId } = access;
  const current = (await versionsOf(patientId))[0]?.version ?? 0;
  if (current !== basedOnVersion) throw new ConflictError("Another physician changed this clearance while you were deciding. Review their decision, then decide again.");
  try {
    await (await db()).transaction(async (tx) => {
      await tx.insert(clearances).values({ ...values, patientId, version: basedOnVersion + 1, signedById: access.user.id });
      await writeAudit(auditOf(access, action, `clearance:v${basedOnVersion + 1}`), tx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("Another physician changed this clearance while you were deciding. Review their decision, then decide again.");
    throw error;
  }
}

/**
 * Records a signed clearance decision as the next version. The rules (lib/domain/clearance.ts)
 * are checked here, against the record as it is now, whatever the form showed.
 */
export async function decideClearance(patientId: string, basedOnVersion: number, input: unknown): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "clearance.decide");
  const decision = clearanceDecisionSchema(await patientToday(patientId)).parse(input);
  const verdict = evaluateClearance({ level: decision.level, ...(await clinicalFacts(patientId)), now: new Date(), overrideReason: decision.overrideReason });
  if (!verdict.allowed) throw new ClearanceRefused(verdict.problems, verdict.needsOverride);
  const episode = await latestEpisode(patientId);
  await insertVersion(
    access,
    basedOnVersion,
    {
      episodeId: episode?.id ?? null,
      level: decision.level,
      restrictions: decision.restrictions,
      reviewDate: decision.reviewDate,
      overrideReason: verdict.needsOverride ? decision.overrideReason : "",
    },
    "clearance.decide",
  );
}

export const withdrawClearanceSchema = z.object({
  reason: z.string().trim().min(5, "Say why the clearance is withdrawn.").max(1000, "Keep the reason under 1,000 characters."),
});

/** Withdraws the clearance: a new version at not cleared, with the reason. */
export async function withdrawClearance(patientId: string, basedOnVersion: number, input: z.input<typeof withdrawClearanceSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "clearance.withdraw");
  const { reason } = withdrawClearanceSchema.parse(input);
  const episode = await latestEpisode(patientId);
  await insertVersion(access, basedOnVersion, { episodeId: episode?.id ?? null, level: "not_cleared", restrictions: null, reviewDate: null, note: `Withdrawn: ${reason}` }, "clearance.withdraw");
}
