import { describe, expect, it } from "vitest";
import {
  EXAM_VALID_DAYS,
  MAX_PAIN_AT_REST_FOR_FULL,
  MAX_PAIN_AT_REST_FOR_RESTRICTED,
  MAX_REVIEW_MONTHS,
  addMonths,
  clearanceDecisionSchema,
  evaluateClearance,
  isReviewDue,
  unmetReturnToRunCriteria,
  type ClearanceCheckInput,
  type ClearanceProblemCode,
  type Restrictions,
  type ReturnToRunStatus,
  type SignedExamSummary,
} from "@/lib/domain/clearance";

const NOW = new Date("2026-03-31T12:00:00Z");

function exam(signedAt: string, painNow = 1, hasMotorDeficit = false, hasBilateralSigns = false): SignedExamSummary {
  return { signedAt: new Date(signedAt), painNow, hasMotorDeficit, hasBilateralSigns };
}

describe("thresholds (DOMAIN.md §6, §10.4)", () => {
  it("are written out: exam within 30 days, pain at rest ≤ 2/10 full and ≤ 5/10 with limits, review within 6 months", () => {
    expect(EXAM_VALID_DAYS).toBe(30);
    expect(MAX_PAIN_AT_REST_FOR_FULL).toBe(2);
    expect(MAX_PAIN_AT_REST_FOR_RESTRICTED).toBe(5);
    expect(MAX_REVIEW_MONTHS).toBe(6);
  });
});

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
    [
      "full, bilateral signs, no reason",
      { level: "full", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 1, false, true) },
      { allowed: false, needsOverride: true, codes: ["bilateral_signs"] },
    ],
    [
      "full, bilateral signs, with a reason",
      { level: "full", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 1, false, true), overrideReason: "Known stenosis, stable for a year" },
      { allowed: true, needsOverride: true, codes: ["bilateral_signs"] },
    ],
    // Cleared with limits is checked against the same exam (DOMAIN.md §10.4), with pain at rest ≤ 5/10.
    [
      "restricted, pain at rest 5/10",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 5) },
      { allowed: true, needsOverride: false, codes: [] },
    ],
    [
      "restricted, pain at rest 6/10, no reason",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 6) },
      { allowed: false, needsOverride: true, codes: ["pain_at_rest_too_high"] },
    ],
    [
      "restricted, pain at rest 6/10, with a reason",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 6), overrideReason: "Pain settles within minutes of walking" },
      { allowed: true, needsOverride: true, codes: ["pain_at_rest_too_high"] },
    ],
    [
      "restricted, motor deficit, no reason",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 1, true) },
      { allowed: false, needsOverride: true, codes: ["motor_deficit"] },
    ],
    [
      "restricted, bilateral signs, no reason",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 1, false, true) },
      { allowed: false, needsOverride: true, codes: ["bilateral_signs"] },
    ],
    [
      "restricted, pain at rest 8/10, a motor deficit and bilateral signs, no reason",
      { level: "restricted", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 8, true, true) },
      { allowed: false, needsOverride: true, codes: ["pain_at_rest_too_high", "motor_deficit", "bilateral_signs"] },
    ],
    [
      "restricted, pain at rest 8/10, a motor deficit and bilateral signs, with a reason",
      {
        level: "restricted",
        activeRedFlags: [],
        lastSignedExam: exam("2026-03-30T09:00:00Z", 8, true, true),
        overrideReason: "Specialist agreed a trial of short flat runs",
      },
      { allowed: true, needsOverride: true, codes: ["pain_at_rest_too_high", "motor_deficit", "bilateral_signs"] },
    ],
    // Not clearing needs no exam check at all.
    [
      "not cleared, pain at rest 9/10, weakness and bilateral signs",
      { level: "not_cleared", activeRedFlags: [], lastSignedExam: exam("2026-03-30T09:00:00Z", 9, true, true) },
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
    [
      "restricted, a red flag and no exam: both named, neither overridable",
      { level: "restricted", activeRedFlags: ["saddle_numbness"], lastSignedExam: null, overrideReason: "Stable" },
      { allowed: false, needsOverride: false, codes: ["red_flag_active", "no_recent_exam"] },
    ],
    [
      "restricted, a red flag and weakness on a recent exam, with a reason",
      { level: "restricted", activeRedFlags: ["fever"], lastSignedExam: exam("2026-03-30T09:00:00Z", 1, true), overrideReason: "Stable" },
      { allowed: false, needsOverride: false, codes: ["red_flag_active", "motor_deficit"] },
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

  it.each<["full" | "restricted", SignedExamSummary, string[]]>([
    [
      "full",
      exam("2026-03-30T09:00:00Z", 3, true, true),
      [
        "Pain at rest is 3/10. Full clearance needs 2/10 or less: clear with limits, or record why you are going ahead.",
        "The last exam shows muscle weakness. Full clearance with weakness needs a recorded reason.",
        "The last exam shows symptoms or signs in both legs. Full clearance with bilateral signs needs a recorded reason.",
      ],
    ],
    [
      "restricted",
      exam("2026-03-30T09:00:00Z", 6, true, true),
      [
        "Pain at rest is 6/10. Clearance with limits needs 5/10 or less: record why you are going ahead.",
        "The last exam shows muscle weakness. Clearance with limits with weakness needs a recorded reason.",
        "The last exam shows symptoms or signs in both legs. Clearance with limits with bilateral signs needs a recorded reason.",
      ],
    ],
  ])("%s: names each exam finding and its threshold, all overridable", (level, lastSignedExam, messages) => {
    const result = evaluateClearance({ level, activeRedFlags: [], lastSignedExam, now: NOW });
    expect(result.problems.map((p) => p.message)).toEqual(messages);
    expect(result.problems.every((p) => p.overridable)).toBe(true);
  });

  it("a red flag and a missing exam are never overridable", () => {
    const result = evaluateClearance({ level: "full", activeRedFlags: ["fever"], lastSignedExam: null, now: NOW });
    expect(result.problems.map((p) => [p.code, p.overridable])).toEqual([
      ["red_flag_active", false],
      ["no_recent_exam", false],
    ]);
    expect(result.problems[1]?.message).toBe("There is no signed examination in this episode (since it was opened or last reopened). Sign an exam before clearing the patient to run.");
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
    // 31 March + 6 months: 30 September (September has 30 days).
    ["full, review 6 months ahead, on the last day allowed", { reviewDate: "2026-09-30" }],
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
    ["review a day past 6 months", { reviewDate: "2026-10-01" }, "reviewDate", "Choose a review date within 6 months, by 2026-09-30."],
    ["review a year ahead", { reviewDate: "2027-03-31" }, "reviewDate", "Choose a review date within 6 months, by 2026-09-30."],
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

// The patient's wording of a clearance moved to permission-wording.ts (tests/unit/permission-wording.test.ts).

describe("addMonths: the same day, or the last day of a shorter month", () => {
  it.each([
    ["2026-03-31", 6, "2026-09-30"],
    ["2026-03-15", 6, "2026-09-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2026-11-15", 6, "2027-05-15"],
    ["2026-12-31", 0, "2026-12-31"],
  ])("%s + %i months → %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
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
