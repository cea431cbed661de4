import { describe, expect, it } from "vitest";
import {
  ADVANCE_MAX_PAIN,
  HOLD_MAX_PAIN,
  judgeRun,
  nextStep,
  returnToTrainingWeeks,
  runResponseSchema,
  stageAfter,
  totalRunMinutes,
  walkRunStages,
  type ProgressionStep,
  type RunJudgement,
  type RunPain,
  type RunResponse,
} from "@/lib/domain/progression";

describe("walkRunStages (DOMAIN.md §6)", () => {
  it.each([
    [1, 1, 4, 5, 5],
    [2, 2, 3, 5, 10],
    [3, 3, 2, 5, 15],
    [4, 4, 1, 5, 20],
    [5, 5, 1, 5, 25],
    [6, 10, 1, 3, 30],
    [7, 15, 1, 2, 30],
    [8, 30, 0, 1, 30],
  ])("stage %i: run %i min, walk %i min, %i times (%i min running)", (stage, run, walk, repeats, total) => {
    const s = walkRunStages[stage - 1];
    expect(s).toMatchObject({ stage, runMinutes: run, walkMinutes: walk, repeats });
    expect(totalRunMinutes(s!)).toBe(total);
  });

  it("has at least 6 stages, from 1 min run / 4 min walk × 5 to 30 min continuous, never less running", () => {
    expect(walkRunStages.length).toBeGreaterThanOrEqual(6);
    expect(walkRunStages[0]?.patientLabel).toBe("Run 1 min, walk 4 min, 5 times");
    expect(walkRunStages.at(-1)?.patientLabel).toBe("Run 30 min without a break");
    const totals = walkRunStages.map(totalRunMinutes);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });
});

const calm: RunResponse = {
  painDuring: 0,
  settledWithin24h: true,
  nextMorningWorse: false,
  newNumbnessOrWeakness: false,
  redFlag: false,
};

describe("nextStep: pain-monitoring rule", () => {
  it.each<[string, Partial<RunResponse>, ProgressionStep, boolean]>([
    ["pain 0/10, settled, morning no worse", {}, "advance", false],
    ["pain 3/10, settled, morning no worse", { painDuring: 3 }, "advance", false],
    ["pain 4/10", { painDuring: 4 }, "hold", false],
    ["pain 5/10", { painDuring: 5 }, "hold", false],
    ["pain 2/10 but not settled within 24 h", { painDuring: 2, settledWithin24h: false }, "hold", false],
    ["pain 2/10 but next morning worse", { painDuring: 2, nextMorningWorse: true }, "hold", false],
    ["pain 6/10", { painDuring: 6 }, "step_back", true],
    ["pain 10/10", { painDuring: 10 }, "step_back", true],
    ["new numbness or weakness with pain 0/10", { newNumbnessOrWeakness: true }, "step_back", true],
    ["new weakness and pain 4/10", { painDuring: 4, newNumbnessOrWeakness: true }, "step_back", true],
    ["red flag with pain 0/10", { redFlag: true }, "stop", true],
    ["red flag with pain 8/10 and new weakness", { painDuring: 8, newNumbnessOrWeakness: true, redFlag: true }, "stop", true],
  ])("%s → %s", (_, changes, step, alertCareTeam) => {
    const decision = nextStep({ ...calm, ...changes });
    expect(decision.step).toBe(step);
    expect(decision.alertCareTeam).toBe(alertCareTeam);
    expect(decision.emergencyAdvice).toBe(step === "stop");
    expect(decision.reason.length).toBeGreaterThan(0);
  });

  it("tells the patient to get emergency care on a red flag", () => {
    expect(nextStep({ ...calm, redFlag: true }).reason).toMatch(/^Stop running and get emergency care now/);
  });

  it.each<[string, unknown, boolean]>([
    ["a full response", calm, true],
    ["pain 11/10", { ...calm, painDuring: 11 }, false],
    ["pain 2.5/10", { ...calm, painDuring: 2.5 }, false],
    ["a missing answer", { ...calm, redFlag: undefined }, false],
  ])("runResponseSchema: %s → %s", (_, value, ok) => {
    expect(runResponseSchema.safeParse(value).success).toBe(ok);
  });
});

describe("judgeRun: the pain rule on every logged run (DOMAIN.md §6)", () => {
  it("writes the thresholds out: ≤ 3/10 advances, 4–5/10 holds, > 5/10 steps back", () => {
    expect(ADVANCE_MAX_PAIN).toBe(3);
    expect(HOLD_MAX_PAIN).toBe(5);
  });

  // A calm run: 1/10 before, 2/10 during and after, 1/10 the next morning.
  const calmRun: RunPain = { painBefore: 1, painDuring: 2, painAfter: 2, morningPain: 1, newNumbnessOrWeakness: false };

  it.each<[string, Partial<RunPain>, number | null, RunJudgement, boolean]>([
    // The worst of during and after decides first.
    ["0/10 throughout", { painBefore: 0, painDuring: 0, painAfter: 0, morningPain: 0 }, null, "advance", false],
    ["3/10 during and after, morning back to 1/10", { painDuring: 3, painAfter: 3 }, null, "advance", false],
    ["4/10 during", { painDuring: 4 }, null, "hold", true],
    ["5/10 during", { painDuring: 5 }, null, "hold", true],
    ["1/10 during but 4/10 after: the worst counts", { painDuring: 1, painAfter: 4 }, null, "hold", true],
    ["6/10 during", { painDuring: 6 }, null, "step_back", true],
    ["2/10 during but 6/10 after", { painAfter: 6 }, null, "step_back", true],
    ["10/10 during", { painDuring: 10 }, null, "step_back", true],
    ["pain 4/10 with no morning score yet: already a hold", { painDuring: 4, morningPain: null }, null, "hold", true],
    ["pain 6/10 with a calm morning: still a step back", { painDuring: 6, morningPain: 0 }, null, "step_back", true],
    // New numbness or weakness steps back whatever the pain, known or not.
    ["new numbness or weakness, pain 0/10", { painDuring: 0, painAfter: 0, newNumbnessOrWeakness: true }, null, "step_back", true],
    ["new numbness or weakness, every score blank", { painBefore: null, painDuring: null, painAfter: null, morningPain: null, newNumbnessOrWeakness: true }, null, "step_back", true],
    // Blank is unknown, never 0.
    ["during and after blank", { painDuring: null, painAfter: null }, null, "pending", false],
    ["every score blank", { painBefore: null, painDuring: null, painAfter: null, morningPain: null }, 0, "pending", false],
    ["during blank, after 2/10: judged on after", { painDuring: null }, null, "advance", false],
    ["after blank, during 5/10: judged on during", { painDuring: 5, painAfter: null }, null, "hold", true],
    ["calm run, next morning not entered yet", { morningPain: null }, null, "pending", false],
    // The next morning against pain before the run: worse holds, the same or better advances.
    ["before 1/10, morning 2/10: worse", { morningPain: 2 }, null, "hold", true],
    ["before 1/10, morning 1/10: back to baseline", { morningPain: 1 }, null, "advance", false],
    ["before 3/10, morning 0/10: better", { painBefore: 3, morningPain: 0 }, null, "advance", false],
    ["before 0/10 (a score, not blank), morning 1/10", { painBefore: 0, morningPain: 1 }, 5, "hold", true],
    ["before 1/10 wins over a baseline of 5/10: morning 3/10 is worse", { painBefore: 1, morningPain: 3 }, 5, "hold", true],
    // Pain before blank: the baseline (the latest check-in) stands in.
    ["before blank, baseline 3/10, morning 4/10", { painBefore: null, morningPain: 4 }, 3, "hold", true],
    ["before blank, baseline 3/10, morning 3/10", { painBefore: null, morningPain: 3 }, 3, "advance", false],
    ["before blank, baseline 0/10, morning 1/10", { painBefore: null, morningPain: 1 }, 0, "hold", true],
    ["before blank, baseline 6/10, morning 5/10: better than baseline", { painBefore: null, morningPain: 5 }, 6, "advance", false],
    // Neither: the morning must be ≤ 3/10.
    ["before and baseline blank, morning 3/10", { painBefore: null, morningPain: 3 }, null, "advance", false],
    ["before and baseline blank, morning 4/10", { painBefore: null, morningPain: 4 }, null, "hold", true],
  ])("%s (baseline %s) → %s", (_, change, baseline, judgement, alertCareTeam) => {
    const verdict = judgeRun({ ...calmRun, ...change }, baseline);
    expect(verdict.judgement).toBe(judgement);
    expect(verdict.alertCareTeam).toBe(alertCareTeam);
    expect(verdict.reason).toMatch(/^[A-Z].*\.$/);
  });

  it("baseline defaults to none", () => {
    expect(judgeRun({ ...calmRun, painBefore: null, morningPain: 4 }).judgement).toBe("hold");
    expect(judgeRun({ ...calmRun, painBefore: null, morningPain: 3 }).judgement).toBe("advance");
  });

  it.each<[string, Partial<RunPain>, string]>([
    ["step back on pain", { painDuring: 7 }, "Your pain reached 7 out of 10, above 5: step back to shorter, easier runs. Your care team has been told."],
    ["step back on numbness", { newNumbnessOrWeakness: true }, "You noticed new numbness or weakness: step back to easier running. Your care team has been told and will be in touch."],
    [
      "hold on pain",
      { painAfter: 4 },
      "Your pain reached 4 out of 10: keep your runs as they are, no longer or harder, until it stays at 3 or less. Your care team can see this.",
    ],
    [
      "hold on the morning",
      { morningPain: 4 },
      "Your pain had not settled by the next morning: keep your runs as they are, no longer or harder, until it does. Your care team can see this.",
    ],
    ["pending without a pain score", { painDuring: null, painAfter: null }, "No pain score was given for during or after this run, so it could not be fully checked."],
    ["pending the next morning", { painDuring: 3, morningPain: null }, "Pain stayed at 3 out of 10 or less. Tomorrow morning, enter how your pain is, to finish checking this run."],
    ["advance", {}, "Pain stayed at 3 out of 10 or less and had settled by the next morning: this run went well."],
  ])("tells the patient what to do: %s", (_, change, reason) => {
    expect(judgeRun({ ...calmRun, ...change }).reason).toBe(reason);
  });

  // KNOWN GAP (reported): DOMAIN.md §6 holds a run "not settled by the next morning", and the 24-hour
  // response matters most; progression.ts returns "pending" (no alert, "no pain score was given")
  // when during and after are blank even though a worse next morning is known.
  it("during and after blank, but the next morning 8/10 against 2/10 before: a hold, not pending", () => {
    const verdict = judgeRun({ painBefore: 2, painDuring: null, painAfter: null, morningPain: 8, newNumbnessOrWeakness: false });
    expect(verdict.judgement).toBe("hold");
    expect(verdict.alertCareTeam).toBe(true);
  });
});

describe("stageAfter: each stage done at least twice before moving on", () => {
  it.each<[number, Exclude<ProgressionStep, "stop">, number, number]>([
    [3, "advance", 1, 3],
    [3, "advance", 2, 4],
    [3, "advance", 5, 4],
    [8, "advance", 2, 8],
    [3, "hold", 2, 3],
    [3, "step_back", 0, 2],
    [1, "step_back", 0, 1],
  ])("stage %i, %s after %i acceptable sessions → stage %i", (current, step, sessions, expected) => {
    expect(stageAfter(current, step, sessions)).toBe(expected);
  });
});

describe("returnToTrainingWeeks: weekly volume up by at most 10 % (DOMAIN.md §1)", () => {
  it.each<[number, number, number[]]>([
    [40, 20, [22, 24.2, 26.6, 29.2, 32.1, 35.3, 38.8, 40]],
    [50, 45, [49.5, 50]],
    [12.5, 10, [11, 12.1, 12.5]],
    [30, 30, []],
    [30, 40, []],
    // Under 1 km a week, 10 % rounds to nothing: the 0.1 km step keeps it moving.
    [1, 0.5, [0.6, 0.7, 0.8, 0.9, 1]],
  ])("from %i km back to %i km", (preInjury, current, expected) => {
    const weeks = returnToTrainingWeeks(preInjury, current);
    expect(weeks.map((w) => w.km)).toEqual(expected);
    expect(weeks.map((w) => w.week)).toEqual(expected.map((_, i) => i + 1));
  });

  it("never raises a week more than 10 % above the one before, from 1 km up", () => {
    const weeks = returnToTrainingWeeks(80, 7.3);
    let previous = 7.3;
    for (const { km } of weeks) {
      expect(km).toBeLessThanOrEqual(previous * 1.1 + 1e-9);
      previous = km;
    }
    expect(weeks.at(-1)?.km).toBe(80);
  });

  it.each([
    [0, 10],
    [-5, 10],
    [40, 0],
    [40, Number.NaN],
    [Number.POSITIVE_INFINITY, 10],
  ])("refuses pre-injury %s km, current %s km", (preInjury, current) => {
    expect(() => returnToTrainingWeeks(preInjury, current)).toThrow(RangeError);
  });
});
