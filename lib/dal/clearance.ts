import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { clearances } from "@/db/schema/clearance";
import { users } from "@/db/schema/users";
import type { CareState } from "@/lib/domain/care-state";
import {
  clearanceDecisionSchema,
  evaluateClearance,
  type ClearanceLevel,
  type ClearanceProblem,
  type Restrictions,
  type SignedExamSummary,
} from "@/lib/domain/clearance";
import type { RedFlagId } from "@/lib/domain/red-flags";
import { auditOf, authorizeClinicalWrite, readPatient, type PatientAccess } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { isUniqueViolation } from "./internal/db-errors";
import { ConflictError, fieldErrorsOf, ValidationError } from "./errors";
import { withPatientLocked, type LoadedCareFacts, type Tx } from "./internal/care-facts";
import { careOf } from "./internal/care-state-cache";
import { reopenInTx } from "./internal/episodes";
import { lastSignedExam, lastSignedExamOfRequest } from "./internal/last-exam";
import { preparedRead } from "./internal/prepared-read";

export interface ClearanceVersion {
  version: number;
  level: ClearanceLevel;
  restrictions: Restrictions | null;
  reviewDate: string | null;
  overrideReason: string;
  note: string;
  withdrawn: boolean;
  signedByName: string;
  signedAt: Date;
}

export interface ClearanceState {
  /** The newest decision on record, whether or not it is in force. */
  current: ClearanceVersion | null;
  history: ClearanceVersion[];
  /** The state in force (lib/domain/care-state.ts): what the patient is told, and why. */
  care: CareState;
  activeRedFlags: RedFlagId[];
  lastSignedExam: SignedExamSummary | null;
  today: string;
}

const clearanceRows = preparedRead(["patientId"], (database, at) =>
  database
    .select({ c: clearances, signedByName: users.name })
    .from(clearances)
    .innerJoin(users, eq(users.id, clearances.signedById))
    .where(eq(clearances.patientId, at.patientId))
    .orderBy(desc(clearances.version)),
);

async function versionsOf(patientId: string): Promise<ClearanceVersion[]> {
  const rows = await clearanceRows({ patientId });
  return rows.map(({ c, signedByName }) => ({
    version: c.version,
    level: c.level,
    restrictions: c.restrictions,
    reviewDate: c.reviewDate,
    overrideReason: c.overrideReason,
    note: c.note,
    withdrawn: c.withdrawn,
    signedByName,
    signedAt: c.signedAt,
  }));
}

/** The decisions on record, the state in force, and the facts the rules weigh. */
export async function getClearance(patientId: string): Promise<ClearanceState> {
  await readPatient(patientId, "clearance.view", { roles: ["physician", "therapist"] });
  const [history, { state }, exam] = await Promise.all([versionsOf(patientId), careOf(patientId), lastSignedExamOfRequest(patientId)]);
  return {
    current: history[0] ?? null,
    history,
    care: state,
    activeRedFlags: [...new Set(state.openRedFlags.flatMap((f) => f.flags))],
    lastSignedExam: exam && { signedAt: exam.signedAt, painNow: exam.painNow, hasMotorDeficit: exam.hasMotorDeficit, hasBilateralSigns: exam.hasBilateralSigns },
    today: state.today,
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

const CONFLICT = "Another physician changed this clearance while you were deciding. Review their decision, then decide again.";

/** Inside the patient's lock: the version after `basedOnVersion`, with its audit entry. */
async function insertVersion(
  tx: Tx,
  access: PatientAccess,
  facts: LoadedCareFacts,
  basedOnVersion: number,
  values: Omit<typeof clearances.$inferInsert, "patientId" | "version" | "signedById" | "episodeId">,
  action: string,
) {
  if ((facts.clearance?.version ?? 0) !== basedOnVersion) throw new ConflictError(CONFLICT);
  await tx.insert(clearances).values({
    ...values,
    patientId: access.patientId,
    episodeId: facts.episode?.id ?? null,
    version: basedOnVersion + 1,
    signedById: access.user.id,
    signedAt: new Date(),
  });
  await writeAudit(auditOf(access, action, `clearance:v${basedOnVersion + 1}`), tx);
}

async function lockedWrite(patientId: string, work: (tx: Tx, facts: LoadedCareFacts) => Promise<void>) {
  try {
    await withPatientLocked(patientId, work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(CONFLICT);
    throw error;
  }
}

/**
 * Records a signed clearance decision as the next version. The rules (lib/domain/clearance.ts)
 * are checked inside the transaction, under the patient's row lock, against the record as it is
 * then: a red flag raised a moment before is seen, whatever the form showed.
 */
export async function decideClearance(patientId: string, basedOnVersion: number, input: unknown): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "clearance.decide");
  await lockedWrite(patientId, async (tx, facts) => {
    const parsed = clearanceDecisionSchema(facts.today).safeParse(input);
    if (!parsed.success) throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
    const decision = parsed.data;
    if (facts.episode?.status === "healed") {
      throw new ValidationError("This episode is healed and the runner is back to training. Reopen the episode first if running needs a new decision.");
    }
    const verdict = evaluateClearance({
      level: decision.level,
      activeRedFlags: [...new Set(facts.redFlags.flatMap((f) => f.flags))],
      lastSignedExam: await lastSignedExam(tx, patientId),
      now: new Date(),
      overrideReason: decision.overrideReason,
    });
    if (!verdict.allowed) throw new ClearanceRefused(verdict.problems, verdict.needsOverride);
    await insertVersion(
      tx,
      access,
      facts,
      basedOnVersion,
      {
        level: decision.level,
        restrictions: decision.restrictions,
        reviewDate: decision.reviewDate,
        overrideReason: verdict.needsOverride ? decision.overrideReason : "",
      },
      "clearance.decide",
    );
  });
}

export const withdrawClearanceSchema = z.object({
  reason: z.string().trim().min(5, "Say why the clearance is withdrawn.").max(1000, "Keep the reason under 1,000 characters."),
});

/**
 * Withdraws the clearance: a new version at not cleared, marked withdrawn, with the reason. A
 * healed episode is reopened first, in the same transaction: a runner back to training whose
 * clearance a physician withdraws must stop running, not stay "healed".
 */
export async function withdrawClearance(patientId: string, basedOnVersion: number, input: z.input<typeof withdrawClearanceSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "clearance.withdraw");
  const { reason } = withdrawClearanceSchema.parse(input);
  await lockedWrite(patientId, async (tx, facts) => {
    if (facts.episode?.status === "healed") {
      await reopenInTx(tx, patientId, facts.episode.id, `Clearance withdrawn: ${reason}`, access.user.id);
      await writeAudit(auditOf(access, "episode.reopen", `episode:${facts.episode.id}`), tx);
    }
    await insertVersion(tx, access, facts, basedOnVersion, { level: "not_cleared", restrictions: null, reviewDate: null, withdrawn: true, note: `Withdrawn: ${reason}` }, "clearance.withdraw");
  });
}
