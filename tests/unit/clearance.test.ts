import { describe, expect, it } from "vitest";
import {
  clearanceDecisionSchema,
  describeClearanceForPatient,
  evaluateClearance,
  isReviewDue,
  unmetReturnToRunCriteria,
  type ClearanceCheckInput,
  type ClearanceLevel,
  type ClearanceProblemCode,
  type Restrictions,
  type ReturnToRunStatus,
} from "@/lib/domain/clearance";

const NOW = new Date("2026-03-31T12:00:00Z");

function exam(signedAt: string, painNow = 1, hasMotorDeficit = false) {
  return { signedAt: new Date(signedAt), painNow, hasMotorDeficit };
}

const recent = exam("2026-03-30T09:00:00Z");

type Case = [
  name: string,
  input: Omit<ClearanceCheckInput, "now">,
  expected: { allowed: boolean; needsOverride: boolean; codes: ClearanceProblemCode[] },
];

describe("evaluateClearance", () => {
  it.each<Case>([
    // Not clearing is always possible, whatever the state.
    [
      "not cleared, with a red flag and no exam",
      { level: "not_cleared", activeRedFlags: ["saddle_numbness"], lastSignedExam: null },
      { allowed: true, needsOverride: false, codes: [] },
    ],
    [
      "restricted, recent exam, no red flag",
      { level: "restricted", activeRedFlags: [], lastSignedExam: recent },
      { allowed: true, needsOverride: false, codes: [] },
    ],
    // Red flags: never, not even with a reason.
    [
      "restricted with an active red flag",
      { level: "restricted", activeRedFlags: ["fever"], lastSignedExam: recent },
      { allowed: false, needsOverride: false, codes: ["red_flag_active"] },
    ],
    [
      "full with an active red flag and a reason",
      { level: "full", activeRedFlags: ["bladder_dysfunction"], lastSignedExam: recent, overrideReason: "Patient insists" },
      { allowed: false, needsOverride: false, codes: ["red_flag_active"] },
    ],
    // Exam within 30 calendar days; not overridable.
    [
      "no signed exam",
      { level: "restricted", activeRedFlags: [], lastSignedExam: null, overrideReason: "Seen informally" },
      { allowed: false, needsOverride: false, codes: ["no_recent_exam"] },
    ],
    [
      "exam signed 30 days ago, late in the day",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-03-01T23:59:00Z") },
      { allowed: true, needsOverride: false, codes: [] },
    ],
    [
      "exam signed 31 days ago",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-02-28T23:59:00Z") },
      { allowed: false, needsOverride: false, codes: ["no_recent_exam"] },
    ],
    // Full clearance: pain at rest ≤ 2/10 (DOMAIN.md §6) and no motor deficit.
    [
      "full, pain at rest 2/10",
      { level: "full", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 2) },
      { allowed: true, needsOverride: false, codes: [] },
    ],
    [
      "full, pain at rest 0/10",
      { level: "full", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 0) },
      { allowed: true, needsOverride: false, codes: [] },
    ],
    [
      "full, pain at rest 3/10, no reason",
      { level: "full", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 3) },
      { allowed: false, needsOverride: true, codes: ["pain_at_rest_too_high"] },
    ],
    [
      "full, pain at rest 3/10, blank reason",
      { level: "full", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 3), overrideReason: "   " },
      { allowed: false, needsOverride: true, codes: ["pain_at_rest_too_high"] },
    ],
    [
      "full, pain at rest 3/10, with a reason",
      {
        level: "full",
        activeRedFlags: [],
        lastSignedExam: exam("2026-03-30T09:00:00Z", 3),
        overrideReason: "Pain is back-dominant and stable for months",
      },
      { allowed: true, needsOverride: true, codes: ["pain_at_rest_too_high"] },
    ],
    [
      "full, motor deficit, no reason",
      { level: "full", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 0, true) },
      { allowed: false, needsOverride: true, codes: ["motor_deficit"] },
    ],
    [
      "full, motor deficit and pain 5/10, with a reason",
      {
        level: "full",
        activeRedFlags: [],
        lastSignedExam: exam("2026-03-30T09:00:00Z", 5, true),
        overrideReason: "Long-standing EHL 4/5 from an old injury",
      },
      { allowed: true, needsOverride: true, codes: ["pain_at_rest_too_high", "motor_deficit"] },
    ],
    // Limits stand in for the full-clearance criteria.
    [
      "restricted, pain at rest 8/10 and a motor deficit",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 8, true) },
      { allowed: true, needsOverride: false, codes: [] },
    ],
    // An override cannot lift a problem that is not overridable.
    [
      "full, pain 3/10 on an exam 31 days old, with a reason",
      {
        level: "full",
        activeRedFlags: [],
        lastSignedExam: exam("2026-02-28T10:00:00Z", 3),
        overrideReason: "Stable",
      },
      { allowed: false, needsOverride: false, codes: ["no_recent_exam", "pain_at_rest_too_high"] },
    ],
  ])("%s", (_, input, expected) => {
    const result = evaluateClearance({ ...input, now: NOW });
    expect(result.allowed).toBe(expected.allowed);
    expect(result.needsOverride).toBe(expected.needsOverride);
    expect(result.problems.map((p) => p.code)).toEqual(expected.codes);
  });

  it("names the red flags and the exam's age in its messages", () => {
    const result = evaluateClearance({
      level: "restricted",
      activeRedFlags: ["fever", "significant_trauma"],
      lastSignedExam: exam("2026-02-20T10:00:00Z"),
      now: NOW,
    });
    expect(result.problems.map((p) => p.message)).toEqual([
      "Unresolved red flag: Fever or feeling systemically unwell; Significant trauma. A patient with a red flag cannot be cleared to run.",
      "The last signed exam is 39 days old. Clearance needs an exam signed in the last 30 days.",
    ]);
  });
});

const noLimits: Restrictions = {
  maxRunMinutes: null,
  runsPerWeek: null,
  weeklyDistanceKm: null,
  maxEffortRpe: null,
  painCeiling: null,
  flatGroundOnly: false,
  noSpeedWork: false,
  notes: "",
};

describe("clearanceDecisionSchema", () => {
  const TODAY = "2026-03-31";
  const schema = clearanceDecisionSchema(TODAY);
  const decision = (changes: Record<string, unknown>) => ({ level: "full", reviewDate: "2026-04-28", ...changes });
  const issues = (value: unknown) =>
    (schema.safeParse(value).error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);

  it.each<[string, Record<string, unknown>]>([
    ["not cleared", { level: "not_cleared" }],
    ["full, review tomorrow", { reviewDate: "2026-04-01" }],
    ["restricted, minutes only", { level: "restricted", restrictions: { ...noLimits, maxRunMinutes: 20 } }],
    ["restricted, pain limit 0 only", { level: "restricted", restrictions: { ...noLimits, painCeiling: 0 } }],
    ["restricted, 7 runs a week", { level: "restricted", restrictions: { ...noLimits, runsPerWeek: 7 } }],
    ["restricted, RPE 1 and 10 km", { level: "restricted", restrictions: { ...noLimits, maxEffortRpe: 1, weeklyDistanceKm: 10.5 } }],
  ])("accepts %s", (_, changes) => {
    expect(issues(decision(changes))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["review today", { reviewDate: TODAY }, "reviewDate", "Choose a review date after today."],
    ["review in the past", { reviewDate: "2026-03-01" }, "reviewDate", "Choose a review date after today."],
    ["no review date", { reviewDate: undefined }, "reviewDate", "Enter a review date."],
    ["unknown level", { level: "partial" }, "level", "Choose not cleared, cleared with limits, or fully cleared."],
    ["restricted without limits", { level: "restricted" }, "restrictions", "Set the limits for running."],
    [
      "restricted with only flat ground and no speed work",
      { level: "restricted", restrictions: { ...noLimits, flatGroundOnly: true, noSpeedWork: true } },
      "restrictions",
      "Set at least one limit: minutes per run, runs per week, weekly distance, effort or pain limit.",
    ],
    [
      "8 runs a week",
      { level: "restricted", restrictions: { ...noLimits, runsPerWeek: 8 } },
      "restrictions.runsPerWeek",
      "Enter runs per week from 1 to 7, or leave it empty.",
    ],
    [
      "RPE 0",
      { level: "restricted", restrictions: { ...noLimits, maxEffortRpe: 0 } },
      "restrictions.maxEffortRpe",
      "Enter an effort from 1 to 10, or leave it empty.",
    ],
    [
      "RPE 11",
      { level: "restricted", restrictions: { ...noLimits, maxEffortRpe: 11 } },
      "restrictions.maxEffortRpe",
      "Enter an effort from 1 to 10, or leave it empty.",
    ],
    [
      "pain limit 11",
      { level: "restricted", restrictions: { ...noLimits, painCeiling: 11 } },
      "restrictions.painCeiling",
      "Enter a pain limit from 0 to 10, or leave it empty.",
    ],
    [
      "0 km a week",
      { level: "restricted", restrictions: { ...noLimits, weeklyDistanceKm: 0 } },
      "restrictions.weeklyDistanceKm",
      "Enter a distance above 0 km, or leave it empty.",
    ],
  ])("refuses %s", (_, changes, path, message) => {
    expect(issues(decision(changes))).toContainEqual([path, message]);
  });

  it("drops limits sent with a full clearance and trims the override reason", () => {
    const parsed = schema.parse(
      decision({ restrictions: { ...noLimits, maxRunMinutes: 20 }, overrideReason: "  Stable for 3 months  " }),
    );
    expect(parsed).toEqual({ level: "full", restrictions: null, reviewDate: "2026-04-28", overrideReason: "Stable for 3 months" });
  });
});

describe("isReviewDue", () => {
  it.each([
    ["2026-04-28", "2026-04-27", false],
    ["2026-04-28", "2026-04-28", true],
    ["2026-04-28", "2026-05-02", true],
  ])("review %s on %s → %s", (reviewDate, today, due) => {
    expect(isReviewDue(reviewDate, today)).toBe(due);
  });
});

describe("describeClearanceForPatient", () => {
  const emergency =
    "Get emergency care straight away if you notice numbness around your groin or bottom, new trouble passing urine or controlling your bladder or bowels, or weakness in both legs.";

  it.each<[ClearanceLevel, Restrictions | null, string]>([
    ["not_cleared", null, "Your doctor has not cleared you to run yet."],
    ["full", null, "Your doctor has cleared you to run without limits."],
    [
      "restricted",
      { ...noLimits, maxRunMinutes: 20, runsPerWeek: 3, weeklyDistanceKm: 15, maxEffortRpe: 5, flatGroundOnly: true, noSpeedWork: true },
      "You may run, with these limits: at most 20 minutes per run, no more than 3 runs a week, at most 15 km a week, an effort no harder than 5 out of 10, flat ground only and no fast running or intervals.",
    ],
    ["restricted", { ...noLimits, maxRunMinutes: 1, runsPerWeek: 1 }, "You may run, with these limits: at most 1 minute per run and no more than 1 run a week."],
    ["restricted", { ...noLimits, weeklyDistanceKm: 12.5 }, "You may run, with these limits: at most 12.5 km a week."],
  ])("%s: opens with the decision", (level, restrictions, first) => {
    const sentences = describeClearanceForPatient(level, restrictions);
    expect(sentences[0]).toBe(first);
    expect(sentences.at(-1)).toBe(emergency);
  });

  it("adds the pain limit and the doctor's note", () => {
    const sentences = describeClearanceForPatient("restricted", {
      ...noLimits,
      painCeiling: 3,
      notes: "Run on grass where you can.",
    });
    expect(sentences[0]).toBe("You may run, with the limits below.");
    expect(sentences).toContain("Stop the run if your pain goes above 3 out of 10.");
    expect(sentences).toContain("Your doctor's note: Run on grass where you can.");
    expect(sentences).toContain("Stretch your legs and lower back before every run, and keep your runs easy.");
  });
});

describe("return-to-run entry criteria (DOMAIN.md §6)", () => {
  const ready: ReturnToRunStatus = {
    level: "restricted",
    activeRedFlags: [],
    painAtRest: 2,
    briskWalk30MinWithoutWorsening: true,
  };

  it.each<[string, Partial<ReturnToRunStatus>, string[]]>([
    ["all met, pain at rest 2/10", {}, []],
    ["pain at rest 3/10", { painAtRest: 3 }, ["pain_at_rest"]],
    ["not cleared", { level: "not_cleared" }, ["cleared"]],
    ["a red flag", { activeRedFlags: ["fever"] }, ["no_red_flags"]],
    ["30 min brisk walk made symptoms worse", { briskWalk30MinWithoutWorsening: false }, ["brisk_walk"]],
  ])("%s → unmet %j", (_, changes, unmet) => {
    expect(unmetReturnToRunCriteria({ ...ready, ...changes })).toEqual(unmet);
  });
});
