import { describe, expect, it } from "vitest";
import { odiImproved, painImproved, recoveryCourse, type RecoveryFacts } from "@/lib/domain/recovery-course";

const START = "2026-01-01";
const facts = (over: Partial<RecoveryFacts> = {}): RecoveryFacts => ({
  episodeStatus: "active",
  startedOn: START,
  baselinePain: 6,
  latestPain: 6,
  baselineOdi: null,
  latestOdi: null,
  ...over,
});
// Day 42 after the episode opened is the first day of week 6.
const DAY_41 = "2026-02-11";
const DAY_42 = "2026-02-12";

describe("pain down by 30 % or more of the baseline", () => {
  it.each<[number | null, number | null, boolean | null]>([
    [10, 7, true], // exactly 30 %
    [10, 8, false], // 20 %
    [6, 4, true], // 33 %
    [6, 5, false], // 17 %
    [7, 5, false], // 28.6 %: just under
    [3, 2, true], // 33 %
    [1, 1, false],
    [0, 0, null], // nothing to reduce
    [null, 3, null],
    [5, null, null],
  ])("baseline %s, latest %s → %s", (baseline, latest, expected) => {
    expect(painImproved(baseline, latest)).toBe(expected);
  });
});

describe("ODI down by 10 points or more", () => {
  it.each<[number | null, number | null, boolean | null]>([
    [40, 30, true],
    [40, 31, false],
    [40, 44, false],
    [22.2, 12.2, true],
    [40, null, null],
    [null, 20, null],
  ])("first %s, latest %s → %s", (baseline, latest, expected) => {
    expect(odiImproved(baseline, latest)).toBe(expected);
  });
});

describe("recoveryCourse: the week-6 flag", () => {
  it("waits for day 42 of the episode", () => {
    expect(recoveryCourse(facts(), DAY_41)).toEqual({ weeksIn: 5, notImproving: false, reasons: [] });
    expect(recoveryCourse(facts(), DAY_42)).toEqual({ weeksIn: 6, notImproving: true, reasons: ["pain"] });
  });

  it.each<[string, Partial<RecoveryFacts>, string[]]>([
    ["pain down 50 %, no ODI", { baselinePain: 6, latestPain: 3 }, []],
    ["pain down 17 %", { baselinePain: 6, latestPain: 5 }, ["pain"]],
    ["pain down 50 % but ODI down 4 points", { baselinePain: 6, latestPain: 3, baselineOdi: 40, latestOdi: 36 }, ["odi"]],
    ["pain flat and ODI flat", { baselineOdi: 40, latestOdi: 40 }, ["pain", "odi"]],
    ["pain down, ODI down 12", { baselinePain: 6, latestPain: 2, baselineOdi: 40, latestOdi: 28 }, []],
    ["ODI measured once only, pain down", { baselinePain: 6, latestPain: 2, baselineOdi: 40, latestOdi: null }, []],
    ["no pain after the baseline, ODI flat", { latestPain: null, baselineOdi: 40, latestOdi: 42 }, ["odi"]],
    ["nothing to judge", { latestPain: null }, []],
    ["baseline pain 0", { baselinePain: 0, latestPain: 0 }, []],
  ])("%s", (_name, over, reasons) => {
    const course = recoveryCourse(facts(over), DAY_42);
    expect(course.reasons).toEqual(reasons);
    expect(course.notImproving).toBe(reasons.length > 0);
  });

  it.each(["healed", "awaiting_exam"] as const)("never flags an episode that is %s", (episodeStatus) => {
    expect(recoveryCourse(facts({ episodeStatus }), "2026-06-01").notImproving).toBe(false);
  });
});
