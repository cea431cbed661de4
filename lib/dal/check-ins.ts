import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { checkIns } from "@/db/schema/check-ins";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { checkInOutcome, checkInSchema, reportedRedFlags, type CheckInOutcome } from "@/lib/domain/check-in";
import { type ClinicSettings } from "@/lib/domain/clinic-settings";
import { patientQuestionFor, patientRedFlagIds, redFlag, type RedFlagAnswers, type RedFlagId, type RedFlagTier } from "@/lib/domain/red-flags";
import { auditOf, authorizePatient, authorizeRole, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { readClinicSettings } from "./internal/clinic-settings";
import { reopenInTx } from "./internal/episodes";
import { fieldErrorsOf, ValidationError } from "./errors";
import { withPatientLocked } from "./internal/care-facts";
import { knownSymptomsOf } from "./internal/known-symptoms";

export type CheckInResult = CheckInOutcome;

function answersOf(redFlags: RedFlagAnswers): RedFlagId[] {
  return (Object.keys(redFlags) as RedFlagId[]).filter((id) => redFlags[id]);
}

/**
 * The signed-in patient's symptom check-in. A red flag raises an alert for the care team in the
 * same transaction, under the patient's row lock, so no clearance or healing decided at the same
 * moment can miss it; a red flag on a healed episode reopens it (DOMAIN.md §10.2). A repeated
 * idempotency key (a double tap, a retry after a lost answer) returns the first result and writes
 * nothing.
 */
export async function submitCheckIn(input: unknown): Promise<CheckInResult> {
  const user = await authorizeRole("check_in.create", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "check_in.create", { roles: ["patient"] });
  const parsed = checkInSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("Please answer every question.", fieldErrorsOf(parsed.error));
  }
  const data = parsed.data;
  const flags = reportedRedFlags(data.redFlags);
  const neuroWorse = data.neuroWorse === "yes";
  const answers = Object.fromEntries(Object.entries(data.redFlags).map(([id, a]) => [id, a === "yes"])) as RedFlagAnswers;
  return withPatientLocked(access.patientId, async (tx, facts) => {
    const inserted = await tx
      .insert(checkIns)
      .values({ patientId: access.patientId, idempotencyKey: data.idempotencyKey, painNow: data.painNow, legSymptoms: data.legSymptoms, neuroWorse, redFlagAnswers: answers, createdAt: new Date() })
      .onConflictDoNothing({ target: checkIns.idempotencyKey })
      .returning({ id: checkIns.id });
    if (!inserted.length) {
      const [earlier] = await tx
        .select({ answers: checkIns.redFlagAnswers, neuroWorse: checkIns.neuroWorse })
        .from(checkIns)
        .where(and(eq(checkIns.idempotencyKey, data.idempotencyKey), eq(checkIns.patientId, access.patientId)));
      if (!earlier) throw new ValidationError("Reload the page and try again.");
      return checkInOutcome(answersOf(earlier.answers), earlier.neuroWorse);
    }
    if (flags.length) {
      await tx.insert(redFlagAlerts).values({ patientId: access.patientId, source: "check_in", checkInId: inserted[0]!.id, flags, raisedById: user.id, raisedAt: new Date() });
      if (facts.episode?.status === "healed") {
        await reopenInTx(tx, access.patientId, facts.episode.id, "Reopened by a red flag the patient reported at a check-in.", null);
      }
    }
    await writeAudit(auditOf(access, "check_in.create", `check_in:${inserted[0]!.id}`), tx);
    return checkInOutcome(flags, neuroWorse);
  });
}

export interface CheckInQuestion {
  id: RedFlagId;
  tier: RedFlagTier;
  question: string;
  /** The physician recorded the symptom as long-standing: the question asks only whether it worsened. */
  known: boolean;
}

export interface MyCheckInForm {
  questions: CheckInQuestion[];
  settings: ClinicSettings;
}

/** The warning-sign questions for the signed-in patient, worded for what their physician has recorded. */
export async function getMyCheckInForm(): Promise<MyCheckInForm> {
  const user = await authorizeRole("check_in.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "check_in.view", { roles: ["patient"] });
  const [known, settings] = await Promise.all([knownSymptomsOf(access.patientId), readClinicSettings(await db())]);
  const knownIds = new Set(known.map((k) => k.flag));
  return {
    settings,
    questions: patientRedFlagIds.map((id) => ({ id, tier: redFlag(id).tier, question: patientQuestionFor(id, knownIds.has(id)), known: knownIds.has(id) })),
  };
}
