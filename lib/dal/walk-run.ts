import "server-only";
import { z } from "zod";
import { returnToRunSignoffs, walkRunStageChanges } from "@/db/schema/walk-run";
import { careState } from "@/lib/domain/care-state";
import { returnToRunChecklist, unmetReturnToRunCriteria, type ReturnToRunCriterion } from "@/lib/domain/clearance";
import { LAST_STAGE, stageCap, type ReturnToTraining, type WalkRunProgramme } from "@/lib/domain/walk-run";
import { auditOf, authorizeClinicalWrite, authorizePatient, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { withPatientLocked } from "./internal/care-facts";
import { careOf } from "./internal/care-state-cache";
import { lastSignedExam } from "./internal/last-exam";
import { fieldErrorsOf, ValidationError } from "./errors";

export interface WalkRunView {
  programme: WalkRunProgramme | null;
  returnToTraining: ReturnToTraining | null;
  /** The clearance in force lets the patient run: the entry criteria can be signed off. */
  mayStart: boolean;
  /** The highest stage the clearance in force allows. */
  cap: number;
}

/** The programme, or the return to training, as a clinician reads it on the chart. */
export async function getWalkRunProgramme(patientId: string): Promise<WalkRunView> {
  await readPatient(patientId, "walk_run.view", { roles: ["physician", "therapist"] });
  const { state } = await careOf(patientId);
  const cleared = state.permission.status === "cleared";
  return {
    programme: state.programme,
    returnToTraining: state.returnToTraining,
    mayStart: cleared && state.episode?.status === "active",
    cap: state.permission.status === "cleared" ? stageCap(state.permission.restrictions) : 0,
  };
}

export const signOffSchema = z.object({
  criteria: z.array(z.enum(returnToRunChecklist.map((c) => c.id) as [ReturnToRunCriterion, ...ReturnToRunCriterion[]])).default([]),
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
});

/**
 * The physician signs off the return-to-run entry criteria (DOMAIN.md §6): every box ticked, the
 * clearance in force allowing running, no red flag open and pain at rest at most 2/10 at the
 * latest signed exam. The programme starts at stage 1 from it, under the patient's lock.
 */
export async function signOffReturnToRun(patientId: string, input: z.input<typeof signOffSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "walk_run.sign_off");
  const parsed = signOffSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const ticked = new Set(parsed.data.criteria);
  const missing = returnToRunChecklist.filter((c) => !ticked.has(c.id));
  if (missing.length) throw new ValidationError("Tick every entry criterion you have checked.", { criteria: [`Not ticked: ${missing.map((c) => c.clinicianLabel).join("; ")}.`] });
  await withPatientLocked(access.patientId, async (tx, facts) => {
    const state = careState(facts);
    if (state.episode?.status !== "active") throw new ValidationError("The programme starts in an episode under care.");
    if (state.programme) throw new ValidationError("The patient is already in the walk/run programme: set the stage instead.");
    const exam = await lastSignedExam(tx, access.patientId);
    const unmet = unmetReturnToRunCriteria({
      level: state.permission.status === "cleared" ? state.permission.level : "not_cleared",
      activeRedFlags: state.openRedFlags.flatMap((f) => f.flags),
      painAtRest: exam?.painNow ?? 10,
      briskWalk30MinWithoutWorsening: ticked.has("brisk_walk"),
    });
    if (unmet.length) {
      const labels = returnToRunChecklist.filter((c) => unmet.includes(c.id)).map((c) => c.clinicianLabel);
      throw new ValidationError("The record does not meet every entry criterion yet.", { criteria: [`Not met on the record: ${labels.join("; ")}.`] });
    }
    const [row] = await tx
      .insert(returnToRunSignoffs)
      .values({ patientId: access.patientId, episodeId: facts.episode!.id, criteria: [...ticked], note: parsed.data.note, signedById: access.user.id, signedAt: new Date() })
      .returning({ id: returnToRunSignoffs.id });
    await writeAudit(auditOf(access, "walk_run.sign_off", `return_to_run_signoff:${row!.id}`), tx);
  });
}

export const setStageSchema = z.object({
  stage: z.coerce.number("Choose a stage.").int("Choose a stage.").min(1, "Choose a stage from 1 to 8.").max(LAST_STAGE, `Choose a stage from 1 to ${LAST_STAGE}.`),
  reason: z.string().trim().min(5, "Say why the stage changes (at least 5 characters).").max(1000, "Keep the reason under 1,000 characters."),
});

/**
 * A physician on the care team or the assigned therapist sets the stage, with the reason. Never
 * above what the clearance in force allows (DOMAIN.md §10.6), and only inside a programme in force.
 */
export async function setWalkRunStage(patientId: string, input: z.input<typeof setStageSchema>): Promise<void> {
  const access = await authorizePatient(patientId, "walk_run.set_stage", { roles: ["physician", "therapist"], careTeamOnly: true });
  const parsed = setStageSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  await withPatientLocked(access.patientId, async (tx, facts) => {
    const state = careState(facts);
    if (!state.programme || state.programme.status !== "active" || state.permission.status !== "cleared") {
      throw new ValidationError("The patient is not in the walk/run programme now.", { stage: ["There is no programme in force to set a stage in."] });
    }
    const cap = stageCap(state.permission.restrictions);
    if (parsed.data.stage > cap) {
      throw new ValidationError("Please correct the highlighted fields.", { stage: [`The clearance in force allows stage ${cap} at most.`] });
    }
    const [row] = await tx
      .insert(walkRunStageChanges)
      .values({ patientId: access.patientId, episodeId: facts.episode!.id, stage: parsed.data.stage, reason: parsed.data.reason, setById: access.user.id, setAt: new Date() })
      .returning({ id: walkRunStageChanges.id });
    await writeAudit(auditOf(access, "walk_run.set_stage", `walk_run_stage_change:${row!.id}`), tx);
  });
}
