import { z } from "zod";

// The walk/run progression and the pain-monitoring rule (DOMAIN.md §6). The rule comes from
// tendon and knee rehabilitation, adapted conservatively for nerve pain; the clinician can
// override it.

export interface WalkRunStage {
  stage: number;
  runMinutes: number;
  /** 0 for continuous running. */
  walkMinutes: number;
  repeats: number;
  patientLabel: string;
}

function intervals(stage: number, runMinutes: number, walkMinutes: number, repeats: number): WalkRunStage {
  return {
    stage,
    runMinutes,
    walkMinutes,
    repeats,
    patientLabel: `Run ${runMinutes} min, walk ${walkMinutes} min, ${repeats} times`,
  };
}

function continuous(stage: number, runMinutes: number): WalkRunStage {
  return { stage, runMinutes, walkMinutes: 0, repeats: 1, patientLabel: `Run ${runMinutes} min without a break` };
}

// Running time grows by 5 minutes a stage while the session stays about 25–33 minutes long, and
// the walk breaks are taken away before the continuous run.
export const walkRunStages: readonly WalkRunStage[] = [
  intervals(1, 1, 4, 5),
  intervals(2, 2, 3, 5),
  intervals(3, 3, 2, 5),
  intervals(4, 4, 1, 5),
  intervals(5, 5, 1, 5),
  intervals(6, 10, 1, 3),
  intervals(7, 15, 1, 2),
  continuous(8, 30),
];

/** Each stage is done at least this often with an acceptable response before moving on. */
export const SESSIONS_PER_STAGE = 2;

export function totalRunMinutes(stage: WalkRunStage): number {
  return stage.runMinutes * stage.repeats;
}

export const ADVANCE_MAX_PAIN = 3;
export const HOLD_MAX_PAIN = 5;

const PAIN_MESSAGE = "Enter a whole number from 0 to 10.";

/** How the body answered one run, as the patient reports it the next morning. */
export const runResponseSchema = z.object({
  painDuring: z.int({ error: PAIN_MESSAGE }).min(0, { error: PAIN_MESSAGE }).max(10, { error: PAIN_MESSAGE }),
  settledWithin24h: z.boolean({ error: "Answer yes or no." }),
  nextMorningWorse: z.boolean({ error: "Answer yes or no." }),
  newNumbnessOrWeakness: z.boolean({ error: "Answer yes or no." }),
  redFlag: z.boolean({ error: "Answer yes or no." }),
});
export type RunResponse = z.output<typeof runResponseSchema>;

export type ProgressionStep = "advance" | "hold" | "step_back" | "stop";

export interface StepDecision {
  step: ProgressionStep;
  /** Plain language, for the patient. */
  reason: string;
  alertCareTeam: boolean;
  emergencyAdvice: boolean;
}

/**
 * What the next run should be after this response. The most serious sign decides: a red flag
 * stops running, pain above 5/10 or new numbness or weakness steps back and alerts the care
 * team, pain 4–5/10 or a slow recovery holds the stage, and only a calm response advances.
 */
export function nextStep(response: RunResponse): StepDecision {
  if (response.redFlag) {
    return {
      step: "stop",
      reason:
        "Stop running and get emergency care now: the warning sign you reported needs to be checked by a doctor straight away.",
      alertCareTeam: true,
      emergencyAdvice: true,
    };
  }
  if (response.newNumbnessOrWeakness) {
    return {
      step: "step_back",
      reason: "New numbness or weakness: go back one stage. Your care team has been told and will be in touch.",
      alertCareTeam: true,
      emergencyAdvice: false,
    };
  }
  if (response.painDuring > HOLD_MAX_PAIN) {
    return {
      step: "step_back",
      reason: `Pain went above ${HOLD_MAX_PAIN} out of 10: go back one stage. Your care team has been told and will be in touch.`,
      alertCareTeam: true,
      emergencyAdvice: false,
    };
  }
  if (response.painDuring > ADVANCE_MAX_PAIN) {
    return {
      step: "hold",
      reason: `Pain reached ${response.painDuring} out of 10: repeat this stage until it stays at ${ADVANCE_MAX_PAIN} or less.`,
      alertCareTeam: false,
      emergencyAdvice: false,
    };
  }
  if (!response.settledWithin24h || response.nextMorningWorse) {
    return {
      step: "hold",
      reason: "Your symptoms had not settled by the next morning: repeat this stage before moving on.",
      alertCareTeam: false,
      emergencyAdvice: false,
    };
  }
  return {
    step: "advance",
    reason: `Pain stayed at ${ADVANCE_MAX_PAIN} out of 10 or less and settled by the next morning: this stage is going well.`,
    alertCareTeam: false,
    emergencyAdvice: false,
  };
}

/**
 * The stage (1-based) for the next run. Advancing needs `SESSIONS_PER_STAGE` acceptable sessions
 * at the current stage, this one included. A stop is not a stage change: running ends until the
 * physician clears the patient again, so callers handle it before asking.
 */
export function stageAfter(
  current: number,
  step: Exclude<ProgressionStep, "stop">,
  acceptableSessionsAtStage: number,
): number {
  const last = walkRunStages.length;
  if (step === "step_back") return Math.max(1, current - 1);
  if (step === "advance" && acceptableSessionsAtStage >= SESSIONS_PER_STAGE) return Math.min(last, current + 1);
  return current;
}

/** Pain scores of one logged run, as the patient entered them; null where left blank (never 0). */
export interface RunPain {
  /** Pain before the run: the baseline the 24-hour response is compared with. */
  painBefore: number | null;
  painDuring: number | null;
  painAfter: number | null;
  morningPain: number | null;
  newNumbnessOrWeakness: boolean;
}

export type RunJudgement = "advance" | "hold" | "step_back" | "pending";

export interface RunVerdict {
  judgement: RunJudgement;
  /** Plain language, for the patient. */
  reason: string;
  /** Hold and step back tell the care team (DOMAIN.md §6); a pending run waits for more scores. */
  alertCareTeam: boolean;
}

/**
 * The pain-monitoring rule (DOMAIN.md §6) applied to one logged run, in or out of the staged
 * programme. The worst of pain during and after the run decides first (> 5 steps back, 4–5
 * holds), then the next morning: worse than before the run holds. A score left blank is unknown,
 * never 0: with neither during nor after known the run cannot be judged, and without the next
 * morning a calm run is only provisionally fine. `baseline` stands in for a blank pain-before
 * (the patient's latest check-in before the run); without either, the morning must be ≤ 3/10.
 */
export function judgeRun(run: RunPain, baseline: number | null = null): RunVerdict {
  if (run.newNumbnessOrWeakness) {
    return {
      judgement: "step_back",
      reason: "You noticed new numbness or weakness: step back to easier running. Your care team has been told and will be in touch.",
      alertCareTeam: true,
    };
  }
  const known = [run.painDuring, run.painAfter].filter((p): p is number => p !== null);
  const peak = known.length ? Math.max(...known) : null;
  if (peak !== null && peak > HOLD_MAX_PAIN) {
    return {
      judgement: "step_back",
      reason: `Your pain reached ${peak} out of 10, above ${HOLD_MAX_PAIN}: step back to shorter, easier runs. Your care team has been told.`,
      alertCareTeam: true,
    };
  }
  if (peak !== null && peak > ADVANCE_MAX_PAIN) {
    return {
      judgement: "hold",
      reason: `Your pain reached ${peak} out of 10: keep your runs as they are, no longer or harder, until it stays at ${ADVANCE_MAX_PAIN} or less. Your care team can see this.`,
      alertCareTeam: true,
    };
  }
  const before = run.painBefore ?? baseline;
  const morningWorse = run.morningPain !== null && (before === null ? run.morningPain > ADVANCE_MAX_PAIN : run.morningPain > before);
  // The 24-hour response matters most (DOMAIN.md §6): not settled by the morning holds, whatever is blank.
  if (morningWorse) {
    return {
      judgement: "hold",
      reason: "Your pain had not settled by the next morning: keep your runs as they are, no longer or harder, until it does. Your care team can see this.",
      alertCareTeam: true,
    };
  }
  if (peak === null) {
    return { judgement: "pending", reason: "No pain score was given for during or after this run, so it could not be fully checked.", alertCareTeam: false };
  }
  if (run.morningPain === null) {
    return {
      judgement: "pending",
      reason: `Pain stayed at ${peak} out of 10 or less. Tomorrow morning, enter how your pain is, to finish checking this run.`,
      alertCareTeam: false,
    };
  }
  return {
    judgement: "advance",
    reason: `Pain stayed at ${ADVANCE_MAX_PAIN} out of 10 or less and had settled by the next morning: this run went well.`,
    alertCareTeam: false,
  };
}

/** The most weekly volume may grow after the episode is healed (DOMAIN.md §1 step 4, a rule of thumb). */
export const MAX_WEEKLY_INCREASE_PERCENT = 10;

export interface WeeklyTarget {
  week: number;
  km: number;
}

/**
 * Weekly distance targets from the current volume back to the pre-injury one, each week at most
 * 10 % above the last. Distances are in tenths of a km, rounded down so no week goes over 10 %;
 * below 1 km a week the 0.1 km minimum step is the only way to move at all.
 */
export function returnToTrainingWeeks(preInjuryKm: number, currentKm: number): WeeklyTarget[] {
  if (!Number.isFinite(preInjuryKm) || preInjuryKm <= 0) throw new RangeError("Pre-injury weekly distance must be above 0 km.");
  if (!Number.isFinite(currentKm) || currentKm <= 0) {
    throw new RangeError("Current weekly distance must be above 0 km; finish the walk/run stages first.");
  }
  const goal = Math.round(preInjuryKm * 10);
  let tenths = Math.round(currentKm * 10);
  const targets: WeeklyTarget[] = [];
  while (tenths < goal) {
    // Integer arithmetic: 1.1 has no exact binary form and could round a week over the limit.
    const allowed = Math.floor((tenths * (100 + MAX_WEEKLY_INCREASE_PERCENT)) / 100);
    tenths = Math.min(goal, Math.max(tenths + 1, allowed));
    targets.push({ week: targets.length + 1, km: tenths / 10 });
  }
  return targets;
}
