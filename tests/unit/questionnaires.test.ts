import { describe, expect, it } from "vitest";
import { odiAnswersFor } from "@/db/seed-questionnaires";
import {
  kindOfSlug,
  ODI_SECTIONS,
  odiGoalStatus,
  questionnairesDue,
  scoreSubmission,
  START_BACK_STATEMENTS,
  startBackRisk,
  summarizeOdi,
} from "@/lib/domain/questionnaires";
import { odiScore, startBack } from "@/lib/domain/scores";

const KEY = "7b0c4c1e-8f0a-4d7e-9a43-2c1f5e6d7a80";

describe("the questionnaires as the patient reads them", () => {
  it("has the ten Oswestry sections with six statements each, and STarT Back's eight statements", () => {
    expect(ODI_SECTIONS).toHaveLength(10);
    for (const s of ODI_SECTIONS) expect(s.statements).toHaveLength(6);
    expect(START_BACK_STATEMENTS).toHaveLength(8);
    expect([kindOfSlug("odi"), kindOfSlug("start-back"), kindOfSlug("start_back")]).toEqual(["odi", "start_back", null]);
  });
});

describe("scoring, with worked examples (DOMAIN.md §5)", () => {
  it("ODI: 16 points over 10 sections is 32 %; with one section blank, 16 of 45 is 35.6 %; two blank gives no score", () => {
    expect(scoreSubmission({ kind: "odi", idempotencyKey: KEY, answers: [2, 2, 2, 2, 2, 2, 1, 1, 1, 1] }).score).toBe(32);
    expect(scoreSubmission({ kind: "odi", idempotencyKey: KEY, answers: [2, 2, 2, 2, 2, 2, 2, 1, 1, null] }).score).toBeCloseTo(35.56, 2);
    expect(scoreSubmission({ kind: "odi", idempotencyKey: KEY, answers: [5, 5, 5, 5, 5, 5, 5, 5, null, null] })).toEqual({ score: null, subscore: null });
  });

  it("STarT Back: total 3 is low risk; total 5 with psychosocial 2 is medium; psychosocial 4 is high", () => {
    const low = scoreSubmission({ kind: "start_back", idempotencyKey: KEY, answers: { agree: [true, true, true, false, false, false, false, false], bothersome: "moderately" } });
    expect(low).toEqual({ score: 3, subscore: 0 });
    expect(startBackRisk(low.score!, low.subscore!)).toBe("low");
    const medium = startBack({ agree: [true, true, true, false, true, false, false, false], bothersome: "very_much" });
    expect([medium.total, medium.psychosocial, startBackRisk(medium.total, medium.psychosocial)]).toEqual([5, 2, "medium"]);
    const high = startBack({ agree: [false, false, false, false, true, true, true, false], bothersome: "extremely" });
    expect([high.total, high.psychosocial, startBackRisk(high.total, high.psychosocial)]).toEqual([4, 4, "high"]);
  });

  it("the demo's answers score what the demo story says", () => {
    for (const percent of [0, 6, 22, 36, 48, 100]) expect(odiScore(odiAnswersFor(percent))).toBe(percent);
  });
});

describe("when a questionnaire is due", () => {
  const today = "2026-12-02";
  it("nothing before the first exam of the episode is signed", () => {
    expect(questionnairesDue({ today, examined: false, latest: {}, requested: { odi: true } })).toEqual([]);
  });
  it("both at baseline, once examined", () => {
    expect(questionnairesDue({ today, examined: true, latest: {}, requested: {} }).map((d) => [d.kind, d.reason])).toEqual([
      ["odi", "baseline"],
      ["start_back", "baseline"],
    ]);
  });
  it("again 14 days after the last one, not on day 13", () => {
    expect(questionnairesDue({ today, examined: true, latest: { odi: "2026-11-19", start_back: "2026-11-18" }, requested: {} })).toEqual([
      { kind: "start_back", reason: "fortnightly", since: "2026-12-02" },
    ]);
  });
  it("at once when a clinician asked after the last completion", () => {
    expect(questionnairesDue({ today, examined: true, latest: { odi: "2026-12-01", start_back: "2026-12-01" }, requested: { odi: true } })).toEqual([
      { kind: "odi", reason: "requested", since: today },
    ]);
  });
});

describe("what clinicians read", () => {
  it("summarizes the ODI against the first scored one, meaningful from 10 points", () => {
    expect(summarizeOdi([])).toBeNull();
    const s = summarizeOdi([
      { date: "2026-10-01", score: null },
      { date: "2026-10-15", score: 44 },
      { date: "2026-10-29", score: 30 },
    ])!;
    expect(s).toMatchObject({ baseline: { score: 44, date: "2026-10-15" }, latest: { score: 30, band: "moderate" }, change: { points: -14, direction: "better", meaningful: true } });
    expect(summarizeOdi([{ date: "2026-10-15", score: 44 }, { date: "2026-10-29", score: 38 }])!.change).toMatchObject({ meaningful: false });
  });

  it("judges a plan goal about the Oswestry score from the data, and leaves other goals alone", () => {
    const goal = "Disability score (Oswestry) down by at least 10 points";
    const summary = (points: number) => summarizeOdi([{ date: "2026-10-01", score: 40 }, { date: "2026-10-15", score: 40 + points }]);
    expect(odiGoalStatus(goal, summary(-12))).toEqual({ points: 10, status: "met" });
    expect(odiGoalStatus(goal, summary(-10))).toEqual({ points: 10, status: "met" });
    expect(odiGoalStatus(goal, summary(-8))).toEqual({ points: 10, status: "not_met" });
    expect(odiGoalStatus("ODI down by 15", summary(-12))).toEqual({ points: 15, status: "not_met" });
    expect(odiGoalStatus(goal, summarizeOdi([{ date: "2026-10-01", score: 40 }]))).toEqual({ points: 10, status: "not_measured" });
    expect(odiGoalStatus("Leg pain at rest of 2 out of 10 or less", summary(-20))).toBeNull();
  });
});
