import type { Restrictions } from "./clearance";
import { judgeRun, returnToTrainingWeeks, SESSIONS_PER_STAGE, totalRunMinutes, walkRunStages, type RunJudgement, type RunPain, type WalkRunStage, type WeeklyTarget } from "./progression";
import { addDays, daysBetween, type LocalDate } from "./schedule";

/**
 * The walk/run programme (DOMAIN.md §6), derived from facts and never stored: the physician's
 * sign-off of the entry criteria starts it at stage 1, a clinician may set the stage with a
 * reason, and every programme run since then moves it by the pain-monitoring rule (judgeRun).
 * The stage in force never exceeds what the clearance in force allows (§10.6).
 */

export const LAST_STAGE = walkRunStages.length;

export interface SignoffFact {
  episodeId: string;
  seq: number;
  signedAt: Date;
  /** The sign-off's day on the patient's calendar. */
  localDate: LocalDate;
}

export interface StageChangeFact {
  episodeId: string;
  stage: number;
  reason: string;
  seq: number;
  setAt: Date;
  localDate: LocalDate;
}

export interface ProgrammeRunFact extends RunPain {
  id: string;
  localDate: LocalDate;
  createdAt: Date;
  /** The stage the session was prescribed at when the run was logged. */
  programmeStage: number;
}

export interface ProgrammeFacts {
  /** The latest sign-off of the patient, any episode; it counts only under the rules below. */
  signoff: SignoffFact | null;
  /** The latest stage change of the patient. */
  stageChange: StageChangeFact | null;
  /** Programme runs logged since the latest sign-off or stage change, oldest first. */
  runs: readonly ProgrammeRunFact[];
}

export type ProgrammeChangeKind = "started" | "set_by_clinician" | "advance" | "step_back";

export interface ProgrammeChange {
  kind: ProgrammeChangeKind;
  /** The stage after the change. */
  stage: number;
  date: LocalDate;
  reason: string;
}

/** What one programme run did to the programme, oldest first. */
export type RunEffect = "counted" | "counted_advanced" | "too_soon" | "below_stage" | "hold" | "step_back" | "pending" | "held_by_clearance";

export interface ProgrammeRunResult {
  runId: string;
  localDate: LocalDate;
  /** The stage the run counted at, as derived. */
  stage: number;
  judgement: RunJudgement;
  reason: string;
  effect: RunEffect;
}

export interface WalkRunProgramme {
  status: "active" | "paused";
  /** The stage in force, 1–8. */
  stage: number;
  session: WalkRunStage;
  /** Good runs counted at this stage, out of SESSIONS_PER_STAGE. */
  countedAtStage: number;
  /** The patient ran yesterday: today is a rest day. */
  restDay: boolean;
  ranToday: boolean;
  lastChange: ProgrammeChange;
  /** The highest stage the clearance in force allows; LAST_STAGE when it sets no limit. */
  clearanceCap: number;
  /** The stage would be higher but the clearance in force holds it here. */
  heldByClearance: boolean;
  /** Programme runs since the anchor, newest first. */
  runs: ProgrammeRunResult[];
}

/** The highest stage whose total running time fits the clearance's longest run; 0 when none does. */
export function stageCap(restrictions: Restrictions | null): number {
  const max = restrictions?.maxRunMinutes ?? null;
  if (max === null) return LAST_STAGE;
  return walkRunStages.filter((s) => totalRunMinutes(s) <= max).reduce((top, s) => Math.max(top, s.stage), 0);
}

export function stageOf(n: number): WalkRunStage {
  return walkRunStages[Math.min(LAST_STAGE, Math.max(1, n)) - 1]!;
}

/** The sign-off counts only in the current episode and after the latest red flag and reopening. */
export function signoffInForce(
  facts: ProgrammeFacts,
  episode: { id: string; reopenedSeq: number | null } | null,
  latestRedFlagSeq: number | null,
): SignoffFact | null {
  const s = facts.signoff;
  if (!s || !episode || s.episodeId !== episode.id) return null;
  if (latestRedFlagSeq !== null && latestRedFlagSeq > s.seq) return null;
  if (episode.reopenedSeq !== null && episode.reopenedSeq > s.seq) return null;
  return s;
}

export interface ProgrammeInput {
  facts: ProgrammeFacts;
  episode: { id: string; status: string; reopenedSeq: number | null } | null;
  latestRedFlagSeq: number | null;
  today: LocalDate;
  /** Whether running is allowed now, and the restrictions of the clearance in force. */
  cleared: boolean;
  restrictions: Restrictions | null;
  /** The pain before each run when left blank (the same rule careState uses). */
  baselineFor: (run: ProgrammeRunFact) => number | null;
}

/**
 * The programme in force, or null when the patient is not in it (no sign-off that counts, or the
 * episode healed). Rule: start at stage 1 at the sign-off, or at the stage a clinician set after
 * it. An acceptable run counts only if it was run at the stage in force or higher and at least one
 * rest day separates it from the previous counted run; two counted runs move up one stage. A hold
 * resets the count (the two good runs must follow each other: the conservative reading); a step
 * back goes down one stage and resets the count; a pending run counts once its morning pain is in.
 * The stage never rises above the clearance's cap.
 */
export function walkRunProgramme(input: ProgrammeInput): WalkRunProgramme | null {
  const { facts, episode, today } = input;
  if (!episode || episode.status !== "active") return null;
  const signoff = signoffInForce(facts, episode, input.latestRedFlagSeq);
  if (!signoff) return null;
  const change = facts.stageChange && facts.stageChange.episodeId === episode.id && facts.stageChange.seq > signoff.seq ? facts.stageChange : null;
  const anchorAt = change?.setAt ?? signoff.signedAt;
  const cap = input.cleared ? stageCap(input.restrictions) : LAST_STAGE;
  const limit = Math.max(1, cap);
  let stage = Math.min(change?.stage ?? 1, limit);
  let counted = 0;
  let lastCounted: LocalDate | null = null;
  const setAboveCap = (change?.stage ?? 1) > limit;
  let lastChange: ProgrammeChange = change
    ? { kind: "set_by_clinician", stage: change.stage, date: change.localDate, reason: change.reason }
    : { kind: "started", stage: 1, date: signoff.localDate, reason: "Entry criteria signed off by the physician." };
  const results: ProgrammeRunResult[] = [];
  for (const run of facts.runs.filter((r) => r.createdAt > anchorAt)) {
    const verdict = judgeRun(run, input.baselineFor(run));
    const at = stage;
    let effect: RunEffect;
    if (verdict.judgement === "step_back") {
      stage = Math.max(1, stage - 1);
      counted = 0;
      effect = "step_back";
      lastChange = { kind: "step_back", stage, date: run.localDate, reason: verdict.reason };
    } else if (verdict.judgement === "hold") {
      counted = 0;
      effect = "hold";
    } else if (verdict.judgement === "pending") {
      effect = "pending";
    } else if (run.programmeStage < stage) {
      effect = "below_stage";
    } else if (lastCounted !== null && daysBetween(lastCounted, run.localDate) < 2) {
      effect = "too_soon";
    } else {
      counted += 1;
      lastCounted = run.localDate;
      effect = "counted";
      if (counted >= SESSIONS_PER_STAGE) {
        if (stage >= LAST_STAGE) {
          counted = SESSIONS_PER_STAGE;
        } else if (stage >= limit) {
          counted = SESSIONS_PER_STAGE;
          effect = "held_by_clearance";
        } else {
          stage += 1;
          counted = 0;
          effect = "counted_advanced";
          lastChange = { kind: "advance", stage, date: run.localDate, reason: `Two good runs at stage ${at} with a rest day between.` };
        }
      }
    }
    results.push({ runId: run.id, localDate: run.localDate, stage: at, judgement: verdict.judgement, reason: verdict.reason, effect });
  }
  const heldByClearance = stage === limit && limit < LAST_STAGE && (setAboveCap || counted >= SESSIONS_PER_STAGE);
  const yesterday = addDays(today, -1);
  return {
    status: input.cleared && cap >= 1 ? "active" : "paused",
    stage,
    session: stageOf(stage),
    countedAtStage: counted,
    restDay: facts.runs.some((r) => r.localDate === yesterday),
    ranToday: facts.runs.some((r) => r.localDate === today),
    lastChange,
    clearanceCap: cap,
    heldByClearance,
    runs: results.reverse(),
  };
}

/** The programme's today in plain words, for the patient. */
export function programmeProgressText(p: WalkRunProgramme): { stage: string; progress: string; today: string } {
  const today = p.ranToday
    ? "You have run today: rest tomorrow."
    : p.restDay
      ? "Rest day today: you ran yesterday. Walk and do your exercises instead."
      : `Today's session: ${p.session.patientLabel}.`;
  const progress = p.heldByClearance
    ? `Held at stage ${p.stage} by your clearance.`
    : p.stage === LAST_STAGE && p.countedAtStage >= SESSIONS_PER_STAGE
      ? "You have finished the last stage."
      : `${p.countedAtStage} of ${SESSIONS_PER_STAGE} good runs at this stage.`;
  return { stage: `Stage ${p.stage} of ${LAST_STAGE}`, progress, today };
}

export function describeChange(change: ProgrammeChange): string {
  switch (change.kind) {
    case "started":
      return `Started at stage 1`;
    case "set_by_clinician":
      return `Set to stage ${change.stage} by the care team`;
    case "advance":
      return `Moved up to stage ${change.stage}`;
    case "step_back":
      return `Stepped back to stage ${change.stage}`;
  }
}

/** What logging this run did to the programme, in plain words for the patient. */
export function describeRunEffect(after: WalkRunProgramme | null, runId: string): string | null {
  if (!after) return null;
  const result = after.runs.find((r) => r.runId === runId);
  if (!result) return null;
  const next = `Next session: ${after.session.patientLabel}.`;
  switch (result.effect) {
    case "counted_advanced":
      return `Well done: two good runs at stage ${result.stage}. You move up to stage ${after.stage} of ${LAST_STAGE}. ${next}`;
    case "counted":
      return `This run counts: ${after.countedAtStage} of ${SESSIONS_PER_STAGE} good runs at stage ${after.stage}. Rest tomorrow.`;
    case "held_by_clearance":
      return `This run went well, but your clearance holds you at stage ${after.stage} until your doctor reviews it.`;
    case "too_soon":
      return `This run went well but does not count yet: leave a rest day between runs. You stay at stage ${after.stage}.`;
    case "below_stage":
      return `This run was below your current stage, so it does not count. You stay at stage ${after.stage}.`;
    case "hold":
      return `You stay at stage ${after.stage} and your count of good runs starts again. ${next}`;
    case "step_back":
      return `You go back from stage ${result.stage} to stage ${after.stage}: ${result.reason} ${next}`;
    case "pending":
      return `Tomorrow morning, enter your pain: then this run can count toward stage ${after.stage}.`;
  }
}

export interface HealingFact {
  healedOn: LocalDate;
  /** Km run in the 7 days before healing, as recorded then. */
  weeklyKmAtHealing: number | null;
}

export interface ReturnToTraining {
  /** The patient's usual weekly distance before the injury. */
  goalKm: number;
  startKm: number;
  weeks: WeeklyTarget[];
  /** 1-based; past the last week means back to the usual volume. */
  week: number;
  /** This week's target. */
  targetKm: number;
  done: boolean;
}

/** Below this a week, the graded return starts from it rather than from nothing. */
export const MIN_START_KM = 1;

/**
 * The graded return to the usual weekly volume after healing, at most 10 % more a week
 * (returnToTrainingWeeks), from the km run in the week before healing (at least MIN_START_KM).
 */
export function returnToTraining(healing: HealingFact | null, usualWeeklyKm: number, today: LocalDate): ReturnToTraining | null {
  if (!healing || usualWeeklyKm <= 0) return null;
  const startKm = Math.min(usualWeeklyKm, Math.max(MIN_START_KM, healing.weeklyKmAtHealing ?? 0));
  const weeks = returnToTrainingWeeks(usualWeeklyKm, startKm);
  const week = Math.floor(Math.max(0, daysBetween(healing.healedOn, today)) / 7) + 1;
  const done = week > weeks.length;
  return { goalKm: usualWeeklyKm, startKm, weeks, week, targetKm: done ? usualWeeklyKm : weeks[week - 1]!.km, done };
}
