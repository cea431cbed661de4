import type { ClearanceLevel, Restrictions } from "./clearance";
import type { Plan, PlanItem } from "./plan";
import type { MedicineDose, RunningDose } from "./plan-catalogue";
import { judgeRun, type RunVerdict } from "./progression";
import { highestTier, type RedFlagId, type RedFlagTier } from "./red-flags";
import { NOT_IMPROVING_LABEL, recoveryCourse, type RecoveryFacts } from "./recovery-course";
import { addDays, type LocalDate } from "./schedule";
import { returnToTraining, stageOf, walkRunProgramme, type HealingFact, type ProgrammeFacts, type ReturnToTraining, type WalkRunProgramme } from "./walk-run";

/**
 * One clinical state (DOMAIN.md §10): what a patient may do, derived from the facts and never
 * stored beside them. Every screen (the patient's home, plan, Today list and run checks; the
 * chart, worklist, caseload and adherence view) reads `careState`; none re-derives a piece of it.
 *
 * Facts are ordered by `seq`, a number the database hands out as each fact is written under the
 * patient's row lock, so "decided after the latest red flag" never depends on two clocks agreeing.
 */

export type EpisodeStatus = "awaiting_exam" | "active" | "healed";

export interface EpisodeFact {
  id: string;
  status: EpisodeStatus;
  /** The latest time the episode was reopened after healing; null if never. */
  reopenedSeq: number | null;
}

export interface ClearanceFact {
  version: number;
  level: ClearanceLevel;
  restrictions: Restrictions | null;
  reviewDate: LocalDate | null;
  episodeId: string | null;
  seq: number;
  withdrawn: boolean;
}

export interface RedFlagFact {
  id: string;
  flags: RedFlagId[];
  seq: number;
  raisedAt: Date;
  source: "exam" | "check_in";
  acknowledged: boolean;
  resolved: boolean;
}

export interface RunFact {
  id: string;
  localDate: LocalDate;
  painBefore: number | null;
  painDuring: number | null;
  painAfter: number | null;
  morningPain: number | null;
  newNumbnessOrWeakness: boolean;
  breaches: readonly string[];
}

export interface CheckInFact {
  localDate: LocalDate;
  painNow: number;
  /** Leg numbness or weakness the patient reported as new or worse. */
  neuroWorse: boolean;
}

export interface CareFacts {
  /** Today on the patient's calendar. */
  today: LocalDate;
  reviewGraceDays: number;
  episode: EpisodeFact | null;
  /** The newest clearance version (a withdrawal is a version too). */
  clearance: ClearanceFact | null;
  /** Every red flag still open, and the newest one raised, whatever its state. */
  redFlags: readonly RedFlagFact[];
  latestRedFlagSeq: number | null;
  plan: Plan | null;
  /** Runs and check-ins of the last `RECENT_DAYS` days, oldest first. */
  runs: readonly RunFact[];
  checkIns: readonly CheckInFact[];
  // Recovery against the usual course (lib/domain/recovery-course.ts): the current episode's
  // baseline and latest pain and ODI; absent or null when there is no episode to judge.
  recovery?: RecoveryFacts | null;
  // --- Walk/run programme and return to training (issue 13 §3, §5; lib/domain/walk-run.ts) ---
  /** The programme's sign-off, stage change and runs since them; absent reads as none. */
  programme?: ProgrammeFacts;
  /** The latest healing of the current episode; absent reads as none. */
  healing?: HealingFact | null;
  /** The patient's usual weekly distance before the injury (patients.weekly_distance_km). */
  usualWeeklyKm?: number;
  // --- end walk/run ---
}

/** How far back runs and check-ins raise follow-up alerts for the care team. */
export const RECENT_DAYS = 7;

export type PauseReason =
  | { code: "red_flag_open"; tier: RedFlagTier; flags: RedFlagId[]; source: "exam" | "check_in"; raisedAt: Date }
  | { code: "awaiting_exam" }
  | { code: "no_decision" }
  | { code: "not_cleared" }
  | { code: "withdrawn" }
  | { code: "earlier_episode" }
  | { code: "before_red_flag" }
  | { code: "before_reopen" }
  | { code: "review_overdue"; reviewDate: LocalDate; graceEnded: LocalDate };

export type PauseCode = PauseReason["code"];

export type Permission =
  | { status: "cleared"; level: "restricted" | "full"; restrictions: Restrictions | null; reviewDate: LocalDate | null; reviewDue: boolean; version: number }
  | { status: "return_to_training" }
  | { status: "paused"; reason: PauseReason };

export interface OpenRedFlag {
  id: string;
  tier: RedFlagTier;
  flags: RedFlagId[];
  raisedAt: Date;
  source: "exam" | "check_in";
  acknowledged: boolean;
}

export interface RunningItemState {
  key: string;
  /** The dose in the plan. */
  planned: RunningDose;
  status: "active" | "paused";
  /** What the patient may do now: the planned dose inside the clearance in force; null while paused. */
  allowed: RunningDose | null;
  /** The plan asks for more than the clearance in force allows (a newer, stricter clearance). */
  exceedsClearance: boolean;
}

export type MedicineStatus = "not_started" | "active" | "ended";

export interface MedicineItemState {
  key: string;
  dose: MedicineDose;
  status: MedicineStatus;
  startsOn: LocalDate;
  /** The last day it is due: start + days − 1. */
  endsOn: LocalDate;
}

export type CareAlertCode =
  | "red_flag"
  | "pain_step_back"
  | "neuro_worse"
  | "ran_while_paused"
  | "run_beyond_restrictions"
  | "pain_hold"
  | "review_overdue"
  | "plan_exceeds_clearance"
  | "review_due"
  | "not_improving"
  // Walk/run programme: a step back is never silent (DOMAIN.md §10.6).
  | "programme_step_back";

export interface CareAlert {
  code: CareAlertCode;
  severity: "emergency" | "urgent" | "attention";
  label: string;
  date: LocalDate | null;
}

export interface RunWithVerdict {
  runId: string;
  localDate: LocalDate;
  verdict: RunVerdict;
}

export interface CareState {
  today: LocalDate;
  episode: { id: string; status: EpisodeStatus } | null;
  /** Whether, and how, the patient may run today. */
  permission: Permission;
  /** The decision on record, for clinicians, whether or not it is in force. */
  decision: { version: number; level: ClearanceLevel; reviewDate: LocalDate | null; withdrawn: boolean } | null;
  openRedFlags: OpenRedFlag[];
  redFlagTier: RedFlagTier | null;
  running: RunningItemState[];
  medicines: MedicineItemState[];
  /** Recent runs judged by the pain-monitoring rule (DOMAIN.md §6), newest first. */
  recentRuns: RunWithVerdict[];
  /** For the care team, most serious first. */
  alerts: CareAlert[];
  // --- Walk/run programme and return to training ---
  /** The walk/run programme in force; null when the patient is not in it. */
  programme: WalkRunProgramme | null;
  /** After healing: the graded return to the usual weekly distance; null otherwise. */
  returnToTraining: ReturnToTraining | null;
  // --- end walk/run ---
}

function pauseReason(facts: CareFacts, open: OpenRedFlag[]): PauseReason | "healed" | null {
  if (open.length > 0) {
    // A flag whose ids are unknown (renamed since) still pauses, as urgent.
    const tier = highestTier(open.flatMap((f) => f.flags)) ?? "urgent";
    const first = open.find((f) => f.tier === tier) ?? open[0]!;
    return { code: "red_flag_open", tier, flags: [...new Set(open.flatMap((f) => f.flags))], source: first.source, raisedAt: first.raisedAt };
  }
  const { episode, clearance } = facts;
  // A healed episode has no open red flag (§10.2): the runner returns to training gradually (§1).
  if (episode?.status === "healed") return "healed";
  if (!clearance) return episode?.status === "awaiting_exam" || !episode ? { code: "awaiting_exam" } : { code: "no_decision" };
  if (!episode || clearance.episodeId !== episode.id) return { code: "earlier_episode" };
  if (clearance.level === "not_cleared") return { code: clearance.withdrawn ? "withdrawn" : "not_cleared" };
  // A clearance decided before a red flag never comes back by itself (§10.1).
  if (facts.latestRedFlagSeq !== null && facts.latestRedFlagSeq > clearance.seq) return { code: "before_red_flag" };
  if (episode.reopenedSeq !== null && episode.reopenedSeq > clearance.seq) return { code: "before_reopen" };
  if (clearance.reviewDate) {
    const graceEnded = addDays(clearance.reviewDate, facts.reviewGraceDays);
    if (facts.today > graceEnded) return { code: "review_overdue", reviewDate: clearance.reviewDate, graceEnded };
  }
  return null;
}

function permissionOf(facts: CareFacts, open: OpenRedFlag[]): Permission {
  const reason = pauseReason(facts, open);
  if (reason === "healed") return { status: "return_to_training" };
  if (reason) return { status: "paused", reason };
  const c = facts.clearance!;
  return {
    status: "cleared",
    level: c.level as "restricted" | "full",
    restrictions: c.level === "restricted" ? c.restrictions : null,
    reviewDate: c.reviewDate,
    reviewDue: c.reviewDate !== null && facts.today >= c.reviewDate,
    version: c.version,
  };
}

/** The planned running dose, cut to the clearance in force. */
export function runningInsideClearance(planned: RunningDose, restrictions: Restrictions | null): RunningDose {
  if (!restrictions) return planned;
  return {
    kind: "running",
    minutesPerRun: Math.min(planned.minutesPerRun, restrictions.maxRunMinutes ?? Infinity),
    runsPerWeek: Math.min(planned.runsPerWeek, restrictions.runsPerWeek ?? Infinity),
    maxRpe: Math.min(planned.maxRpe, restrictions.maxEffortRpe ?? Infinity),
  };
}

function runningItem(item: PlanItem & { dose: RunningDose }, permission: Permission): RunningItemState {
  if (permission.status === "paused") return { key: item.key, planned: item.dose, status: "paused", allowed: null, exceedsClearance: false };
  const allowed = permission.status === "cleared" ? runningInsideClearance(item.dose, permission.restrictions) : item.dose;
  const exceedsClearance =
    allowed.minutesPerRun !== item.dose.minutesPerRun || allowed.runsPerWeek !== item.dose.runsPerWeek || allowed.maxRpe !== item.dose.maxRpe;
  return { key: item.key, planned: item.dose, status: "active", allowed, exceedsClearance };
}

/** A medicine is due from its start to the end of its stated duration, both days included (§10.5). */
export function medicineWindow(dose: MedicineDose): { startsOn: LocalDate; endsOn: LocalDate } {
  return { startsOn: dose.startDate, endsOn: addDays(dose.startDate, dose.days - 1) };
}

function medicineItem(item: PlanItem & { dose: MedicineDose }, today: LocalDate): MedicineItemState {
  const { startsOn, endsOn } = medicineWindow(item.dose);
  const status: MedicineStatus = today < startsOn ? "not_started" : today > endsOn ? "ended" : "active";
  return { key: item.key, dose: item.dose, status, startsOn, endsOn };
}

const isRunning = (item: PlanItem): item is PlanItem & { dose: RunningDose } => item.dose.kind === "running";
const isMedicine = (item: PlanItem): item is PlanItem & { dose: MedicineDose } => item.dose.kind === "medicine";

/** The pain before each run when the patient left it blank: the latest check-in on or before that day. */
function baselineFor(run: RunFact, checkIns: readonly CheckInFact[]): number | null {
  return checkIns.filter((c) => c.localDate <= run.localDate).at(-1)?.painNow ?? null;
}

const SEVERITY_RANK: Record<CareAlert["severity"], number> = { emergency: 0, urgent: 1, attention: 2 };
const ALERT_ORDER: readonly CareAlertCode[] = [
  "red_flag",
  "pain_step_back",
  "neuro_worse",
  "ran_while_paused",
  "run_beyond_restrictions",
  "pain_hold",
  "review_overdue",
  "plan_exceeds_clearance",
  "review_due",
  "not_improving",
  "programme_step_back",
];

function alertsOf(facts: CareFacts, state: Omit<CareState, "alerts">): CareAlert[] {
  const alerts: CareAlert[] = [...programmeAlerts(state)];
  for (const flag of state.openRedFlags) {
    alerts.push({
      code: "red_flag",
      severity: flag.tier,
      label: `${flag.tier === "emergency" ? "Emergency" : "Urgent"} red flag${flag.acknowledged ? "" : " (new, not yet acknowledged)"}`,
      date: null,
    });
  }
  const from = addDays(facts.today, -RECENT_DAYS);
  const recent = state.recentRuns.filter((r) => r.localDate > from);
  const stepBacks = recent.filter((r) => r.verdict.judgement === "step_back");
  if (stepBacks.length) alerts.push({ code: "pain_step_back", severity: "attention", label: "Pain rule: step back after a run", date: stepBacks[0]!.localDate });
  const holds = recent.filter((r) => r.verdict.judgement === "hold");
  if (holds.length) alerts.push({ code: "pain_hold", severity: "attention", label: "Pain rule: hold after a run", date: holds[0]!.localDate });
  const neuro = facts.checkIns.filter((c) => c.localDate > from && c.neuroWorse).at(-1);
  if (neuro) alerts.push({ code: "neuro_worse", severity: "attention", label: "New or worse leg numbness or weakness", date: neuro.localDate });
  const recentRunFacts = facts.runs.filter((r) => r.localDate > from);
  const whilePaused = recentRunFacts.filter((r) => r.breaches.includes("not_cleared"));
  if (whilePaused.length) alerts.push({ code: "ran_while_paused", severity: "attention", label: "Ran while not cleared", date: whilePaused.at(-1)!.localDate });
  const beyond = recentRunFacts.filter((r) => r.breaches.some((b) => b !== "not_cleared"));
  if (beyond.length) {
    alerts.push({
      code: "run_beyond_restrictions",
      severity: "attention",
      label: beyond.length === 1 ? "Ran beyond the restrictions" : `Ran beyond the restrictions ${beyond.length} times`,
      date: beyond.at(-1)!.localDate,
    });
  }
  const { permission } = state;
  if (permission.status === "paused" && permission.reason.code === "review_overdue") {
    alerts.push({ code: "review_overdue", severity: "attention", label: "Clearance review overdue", date: permission.reason.reviewDate });
  }
  if (state.running.some((r) => r.exceedsClearance)) {
    alerts.push({ code: "plan_exceeds_clearance", severity: "attention", label: "Plan's running exceeds the clearance", date: null });
  }
  if (permission.status === "cleared" && permission.reviewDue) {
    alerts.push({ code: "review_due", severity: "attention", label: "Clearance review due", date: permission.reviewDate });
  }
  if (facts.recovery && recoveryCourse(facts.recovery, facts.today).notImproving) {
    alerts.push({ code: "not_improving", severity: "attention", label: NOT_IMPROVING_LABEL, date: null });
  }
  return alerts.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || ALERT_ORDER.indexOf(a.code) - ALERT_ORDER.indexOf(b.code));
}

// --- Walk/run programme and return to training (issue 13 §3, §5) ---

function programmeOf(facts: CareFacts, permission: Permission): WalkRunProgramme | null {
  if (!facts.programme) return null;
  return walkRunProgramme({
    facts: facts.programme,
    episode: facts.episode,
    latestRedFlagSeq: facts.latestRedFlagSeq,
    today: facts.today,
    cleared: permission.status === "cleared",
    restrictions: permission.status === "cleared" ? permission.restrictions : null,
    baselineFor: (run) => baselineFor({ ...run, breaches: [] }, facts.checkIns),
  });
}

/** In the programme, the running item's allowed dose is today's stage session, inside the clearance. */
function runningInProgramme(item: RunningItemState, programme: WalkRunProgramme | null, permission: Permission): RunningItemState {
  if (!programme || programme.status !== "active" || !item.allowed) return item;
  const session = stageOf(programme.stage);
  const limits = permission.status === "cleared" ? permission.restrictions : null;
  return {
    ...item,
    allowed: runningInsideClearance({ kind: "running", minutesPerRun: session.runMinutes * session.repeats, runsPerWeek: Math.min(item.planned.runsPerWeek, 4), maxRpe: item.planned.maxRpe }, limits),
  };
}

/** A programme step back alerts the care team until the patient moves up again or a clinician sets the stage. */
function programmeAlerts(state: Omit<CareState, "alerts">): CareAlert[] {
  const change = state.programme?.lastChange;
  if (change?.kind !== "step_back") return [];
  return [{ code: "programme_step_back", severity: "attention", label: `Walk/run: stepped back to stage ${change.stage}`, date: change.date }];
}

// --- end walk/run ---

/** The state in force, from the facts (DOMAIN.md §10). Pure: the same facts give the same state. */
export function careState(facts: CareFacts): CareState {
  const openRedFlags: OpenRedFlag[] = facts.redFlags
    .filter((f) => !f.resolved)
    .map((f) => ({ id: f.id, tier: highestTier(f.flags) ?? "urgent", flags: f.flags, raisedAt: f.raisedAt, source: f.source, acknowledged: f.acknowledged }))
    .sort((a, b) => Number(a.tier !== "emergency") - Number(b.tier !== "emergency") || b.raisedAt.getTime() - a.raisedAt.getTime());
  const permission = permissionOf(facts, openRedFlags);
  const items = facts.plan?.items ?? [];
  const recentRuns = [...facts.runs]
    .sort((a, b) => (a.localDate < b.localDate ? 1 : a.localDate > b.localDate ? -1 : 0))
    .map((run) => ({ runId: run.id, localDate: run.localDate, verdict: judgeRun(run, baselineFor(run, facts.checkIns)) }));
  const state: Omit<CareState, "alerts"> = {
    today: facts.today,
    episode: facts.episode ? { id: facts.episode.id, status: facts.episode.status } : null,
    permission,
    decision: facts.clearance
      ? { version: facts.clearance.version, level: facts.clearance.level, reviewDate: facts.clearance.reviewDate, withdrawn: facts.clearance.withdrawn }
      : null,
    openRedFlags,
    redFlagTier: highestTier(openRedFlags.flatMap((f) => f.flags)),
    running: items.filter(isRunning).map((item) => runningItem(item, permission)),
    medicines: items.filter(isMedicine).map((item) => medicineItem(item, facts.today)),
    recentRuns,
    programme: null,
    returnToTraining: null,
  };
  // Walk/run programme and return to training.
  state.programme = programmeOf(facts, permission);
  state.running = state.running.map((r) => runningInProgramme(r, state.programme, permission));
  state.returnToTraining = facts.episode?.status === "healed" ? returnToTraining(facts.healing ?? null, facts.usualWeeklyKm ?? 0, facts.today) : null;
  return { ...state, alerts: alertsOf(facts, state) };
}

/** Longest run × runs a week the clearance in force allows; null when it sets no such limit. */
export function weeklyRunLimit(permission: Permission): number | null {
  const limits = permission.status === "cleared" ? permission.restrictions : null;
  return limits?.maxRunMinutes && limits.runsPerWeek ? limits.maxRunMinutes * limits.runsPerWeek : null;
}

/** True when the patient may run today in any form. */
export function mayRun(permission: Permission): boolean {
  return permission.status !== "paused";
}

/** How many of the tier's flags are open; for badges. */
export function openFlagCount(state: CareState, tier?: RedFlagTier): number {
  return state.openRedFlags.filter((f) => !tier || f.tier === tier).length;
}

/** For sorting lists by need: red flags above all, then the weight of the other alerts. */
export const ALERT_WEIGHT: Record<CareAlertCode, number> = {
  red_flag: 100,
  pain_step_back: 8,
  neuro_worse: 8,
  ran_while_paused: 8,
  run_beyond_restrictions: 8,
  pain_hold: 4,
  review_overdue: 4,
  plan_exceeds_clearance: 2,
  review_due: 1,
  // Not a safety matter: a prompt to review the treatment, above a routine review date.
  not_improving: 2,
  programme_step_back: 8,
};

export function needWeight(alerts: readonly CareAlert[]): number {
  return alerts.reduce((sum, a) => sum + ALERT_WEIGHT[a.code] * (a.severity === "emergency" ? 2 : 1), 0);
}

