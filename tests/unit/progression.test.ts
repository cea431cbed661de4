import { describe, expect, it } from "vitest";
import {
  nextStep,
  returnToTrainingWeeks,
  runResponseSchema,
  stageAfter,
  totalRunMinutes,
  walkRunStages,
  type ProgressionStep,
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
