import { describe, expect, it } from "vitest";
import {
  ODI_MEANINGFUL_CHANGE,
  PAIN_NRS_LOINC,
  odiBand,
  odiChange,
  odiScore,
  painNrsSchema,
  startBack,
  type Bothersome,
  type OdiAnswers,
  type OdiBand,
  type StartBackRisk,
} from "@/lib/domain/scores";

describe("pain numeric rating scale", () => {
  it("is coded LOINC 72514-3", () => {
    expect(PAIN_NRS_LOINC).toBe("72514-3");
  });

  it.each([
    [0, true],
    [10, true],
    [-1, false],
    [11, false],
    [4.5, false],
  ])("%d is a valid 0–10 score: %s", (score, valid) => {
    expect(painNrsSchema.safeParse(score).success).toBe(valid);
  });
});

// Ten sections, ten answers; `null` leaves a section unanswered.
const odi = (...answers: Array<number | null>): OdiAnswers => answers;

describe("Oswestry Disability Index: total ÷ (5 × sections answered) × 100", () => {
  it.each<[string, OdiAnswers, number | null]>([
    ["all sections 0", odi(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0],
    ["all sections 5", odi(5, 5, 5, 5, 5, 5, 5, 5, 5, 5), 100],
    ["total 10 of 50", odi(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 20],
    ["total 11 of 50", odi(2, 1, 1, 1, 1, 1, 1, 1, 1, 1), 22],
    ["one section unanswered: total 9 of 45", odi(1, 1, 1, 1, 1, 1, 1, 1, 1, null), 20],
    ["one section unanswered: total 20 of 45", odi(5, 5, 5, 5, 0, 0, 0, 0, 0, null), (20 / 45) * 100],
    ["two sections unanswered: no score", odi(1, 1, 1, 1, 1, 1, 1, 1, null, null), null],
    ["nothing answered: no score", odi(null, null, null, null, null, null, null, null, null, null), null],
  ])("%s → %s", (_, answers, score) => {
    const result = odiScore(answers);
    if (score === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(score, 10);
  });

  it("keeps whole-number scores exact, so band edges compare cleanly", () => {
    expect(odiScore(odi(1, 1, 1, 1, 1, 1, 1, 1, 1, null))).toBe(20);
    expect(odiScore(odi(2, 2, 2, 2, 2, 2, 2, 2, 2, null))).toBe(40);
    expect(odiScore(odi(1, 1, 1, 1, 1, 1, 1, 0, 0, 0))).toBe(14);
    expect(odiScore(odi(3, 3, 3, 3, 3, 3, 3, 3, 3, 1))).toBe(56);
  });

  it.each([
    ["nine sections", [1, 1, 1, 1, 1, 1, 1, 1, 1]],
    ["an answer of 6", [6, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
    ["a fractional answer", [1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
  ])("refuses %s", (_, answers) => {
    expect(() => odiScore(answers)).toThrow();
  });
});

describe("ODI bands", () => {
  it.each<[number, OdiBand]>([
    [0, "minimal"],
    [20, "minimal"],
    [21, "moderate"],
    [22, "moderate"],
    [40, "moderate"],
    [41, "severe"],
    [60, "severe"],
    [61, "crippling"],
    [80, "crippling"],
    [81, "bed_bound"],
    [100, "bed_bound"],
  ])("%d is %s", (score, band) => {
    expect(odiBand(score)).toBe(band);
  });
});

describe("ODI change", () => {
  it("treats about 10 points as clinically meaningful", () => {
    expect(ODI_MEANINGFUL_CHANGE).toBe(10);
  });

  it.each([
    [44, 34, -10, "better", true],
    [44, 35, -9, "better", false],
    [30, 40, 10, "worse", true],
    [30, 39, 9, "worse", false],
    [30, 30, 0, "same", false],
  ])("from %d to %d is %d points, %s, meaningful: %s", (before, after, points, direction, meaningful) => {
    expect(odiChange(before, after)).toEqual({ points, direction, meaningful });
  });
});

const Y = true;
const N = false;

describe("STarT Back", () => {
  it.each<[string, boolean[], Bothersome, number, number, StartBackRisk]>([
    ["nothing agreed, not at all bothersome", [N, N, N, N, N, N, N, N], "not_at_all", 0, 0, "low"],
    ["total 3", [Y, Y, Y, N, N, N, N, N], "moderately", 3, 0, "low"],
    ["total 4, subscore 0", [Y, Y, Y, Y, N, N, N, N], "slightly", 4, 0, "medium"],
    ["total 4, subscore 1", [Y, Y, Y, N, Y, N, N, N], "not_at_all", 4, 1, "medium"],
    ["total 7, subscore 3", [Y, Y, Y, Y, Y, Y, Y, N], "moderately", 7, 3, "medium"],
    ["subscore 4 from items 5–8", [N, N, N, N, Y, Y, Y, Y], "slightly", 4, 4, "high"],
    ["subscore 4 with item 9 'very much'", [N, N, N, N, Y, Y, Y, N], "very_much", 4, 4, "high"],
    ["subscore 4 with item 9 'extremely'", [N, N, N, N, Y, Y, N, Y], "extremely", 4, 4, "high"],
    ["item 9 'moderately' scores 0", [N, N, N, N, Y, Y, Y, N], "moderately", 3, 3, "low"],
    ["everything", [Y, Y, Y, Y, Y, Y, Y, Y], "extremely", 9, 5, "high"],
  ])("%s → total %i, subscore %i, %s risk", (_, agree, bothersome, total, psychosocial, risk) => {
    expect(startBack({ agree, bothersome })).toEqual({ total, psychosocial, risk });
  });

  it("refuses an incomplete questionnaire", () => {
    expect(() => startBack({ agree: [Y, Y, Y], bothersome: "slightly" })).toThrow();
  });
});
