import { describe, expect, it } from "vitest";
import {
  changeSummary,
  changesByRootCause,
  continuousByWeek,
  median,
  outcomeByAdherence,
  patientsByStage,
  share,
  weekSixNonImprovers,
  type OutcomeRow,
} from "@/lib/domain/outcomes";

const TODAY = "2026-04-01";
let n = 0;
const row = (over: Partial<OutcomeRow> = {}): OutcomeRow => ({
  patientId: `p${++n}`,
  name: `Patient ${n}`,
  episodeStatus: "active",
  episodeStartedOn: "2026-01-01",
  rootCause: "disc_radiculopathy",
  programmeStage: null,
  continuousOn: null,
  baselineOdi: null,
  latestOdi: null,
  baselinePain: null,
  latestPain: null,
  adherencePercent: null,
  today: TODAY,
  ...over,
});

describe("median and share", () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[-10, -2, 0, 8], -1],
  ])("median of %j is %s", (values, expected) => expect(median(values)).toBe(expected));

  it("rounds a share to a whole percent and says null with no one to count", () => {
    expect(share(1, 3)).toEqual({ count: 1, of: 3, percent: 33 });
    expect(share(2, 3)).toEqual({ count: 2, of: 3, percent: 67 });
    expect(share(0, 0)).toEqual({ count: 0, of: 0, percent: null });
  });
});

describe("patients by programme stage", () => {
  it("lists every stage, with those not in the programme apart", () => {
    const { byStage, notInProgramme } = patientsByStage([row({ programmeStage: 2 }), row({ programmeStage: 2 }), row({ programmeStage: 8 }), row()], 8);
    expect(byStage).toHaveLength(8);
    expect(byStage.find((s) => s.stage === 2)!.count).toBe(2);
    expect(byStage.find((s) => s.stage === 8)!.count).toBe(1);
    expect(byStage.find((s) => s.stage === 1)!.count).toBe(0);
    expect(notInProgramme).toBe(1);
  });
});

describe("share back to continuous running by week 4, 8 and 12", () => {
  it("counts only episodes at least that old, and a first continuous run within the weeks", () => {
    const rows = [
      // 90 days old (counts for 4, 8, 12): continuous on day 20.
      row({ episodeStartedOn: "2026-01-01", continuousOn: "2026-01-21" }),
      // 90 days old: continuous on day 50 (by week 8, not by week 4).
      row({ episodeStartedOn: "2026-01-01", continuousOn: "2026-02-20" }),
      // 90 days old: never.
      row({ episodeStartedOn: "2026-01-01" }),
      // 35 days old: counts for week 4 only, continuous on day 28 (exactly week 4).
      row({ episodeStartedOn: "2026-02-25", continuousOn: "2026-03-25" }),
      // 10 days old: in no denominator.
      row({ episodeStartedOn: "2026-03-22", continuousOn: "2026-03-30" }),
      // Awaiting its exam: not an examined episode.
      row({ episodeStatus: "awaiting_exam", episodeStartedOn: "2026-01-01" }),
    ];
    expect(continuousByWeek(rows)).toEqual([
      { week: 4, count: 2, of: 4, percent: 50 },
      { week: 8, count: 2, of: 3, percent: 67 },
      { week: 12, count: 2, of: 3, percent: 67 },
    ]);
  });

  it("has no share before any episode is old enough", () => {
    expect(continuousByWeek([row({ episodeStartedOn: "2026-03-20" })])[0]).toEqual({ week: 4, count: 0, of: 0, percent: null });
  });
});

describe("median ODI and pain change, by root cause", () => {
  const rows = [
    row({ rootCause: "disc_radiculopathy", baselineOdi: 40, latestOdi: 20, baselinePain: 7, latestPain: 3 }),
    row({ rootCause: "disc_radiculopathy", baselineOdi: 30, latestOdi: 26, baselinePain: 5, latestPain: 5 }),
    row({ rootCause: "disc_radiculopathy", baselinePain: 6, latestPain: 2 }),
    row({ rootCause: "stenosis_with_claudication", baselineOdi: 50, latestOdi: 52 }),
    row({ rootCause: null }),
  ];
  it("counts the patients with both readings (n) apart from the patients", () => {
    expect(changeSummary(rows)).toEqual({ odiN: 3, odiMedian: -4, painN: 3, painMedian: -4 });
  });
  it("groups by root cause, the largest first; no cause is its own group", () => {
    expect(changesByRootCause(rows)).toEqual([
      { rootCause: "disc_radiculopathy", patients: 3, odiN: 2, odiMedian: -12, painN: 3, painMedian: -4 },
      { rootCause: null, patients: 1, odiN: 0, odiMedian: null, painN: 0, painMedian: null },
      { rootCause: "stenosis_with_claudication", patients: 1, odiN: 1, odiMedian: 2, painN: 0, painMedian: null },
    ]);
  });
});

describe("adherence against outcome", () => {
  it("puts 50 % in the middle band and 80 % in the top band", () => {
    const bands = outcomeByAdherence([
      row({ adherencePercent: 49.9, baselinePain: 6, latestPain: 6 }),
      row({ adherencePercent: 50, baselinePain: 6, latestPain: 4 }),
      row({ adherencePercent: 79.9, baselinePain: 6, latestPain: 5 }),
      row({ adherencePercent: 80, baselinePain: 6, latestPain: 1 }),
      row({ adherencePercent: null, baselinePain: 6, latestPain: 0 }),
    ]);
    expect(bands.map((b) => [b.key, b.patients, b.painN, b.painMedian])).toEqual([
      ["low", 1, 1, 0],
      ["mid", 2, 2, -1.5],
      ["high", 1, 1, -5],
    ]);
  });
});

describe("week-6 non-improvers", () => {
  it("reads the rule today from the row, longest episodes first", () => {
    const rows = [
      row({ name: "Flat pain", episodeStartedOn: "2026-02-01", baselinePain: 6, latestPain: 5 }),
      row({ name: "Older flat ODI", episodeStartedOn: "2026-01-01", baselineOdi: 40, latestOdi: 38, baselinePain: 6, latestPain: 2 }),
      row({ name: "Improving", episodeStartedOn: "2026-01-01", baselinePain: 6, latestPain: 2 }),
      row({ name: "Too early", episodeStartedOn: "2026-03-01", baselinePain: 6, latestPain: 6 }),
      row({ name: "Healed", episodeStatus: "healed", baselinePain: 6, latestPain: 6 }),
    ];
    expect(weekSixNonImprovers(rows).map((r) => [r.name, r.weeksIn, r.reasons, r.painChange, r.odiChange])).toEqual([
      ["Older flat ODI", 12, ["odi"], -4, -2],
      ["Flat pain", 8, ["pain"], -1, null],
    ]);
  });
});
