import { describe, expect, it } from "vitest";
import { discLevelForRoot, visitIsOpen, visitOf, type VisitFacts } from "@/lib/domain/visit";

const signed = new Date("2026-12-02T15:00:00Z");
const before = new Date("2026-12-01T15:00:00Z");
const later = (minutes: number) => new Date(signed.getTime() + minutes * 60_000);
const none: VisitFacts = { latestExam: null, diagnosisRecordedAt: null, clearanceSignedAt: null, planSavedAt: null, referralMadeAt: null };
const signedExam = { id: "e1", status: "signed" as const, signedAt: signed };
const statuses = (facts: VisitFacts) => visitOf(facts).steps.map((s) => `${s.key}:${s.status}`);

describe("a visit read from the record", () => {
  it("starts at the exam when none was started", () => {
    expect(visitOf(none).next).toBe("exam");
    expect(visitIsOpen(visitOf(none), signed, "UTC")).toBe(false);
  });

  it("keeps the exam in hand while it is a draft, whatever else is recorded", () => {
    const visit = visitOf({ ...none, latestExam: { id: "e1", status: "draft", signedAt: null }, diagnosisRecordedAt: later(5) });
    expect(visit.next).toBe("exam");
    expect(statuses({ ...none, latestExam: { id: "e1", status: "draft", signedAt: null } })).toEqual([
      "exam:current",
      "diagnosis:upcoming",
      "clearance:upcoming",
      "plan:upcoming",
      "referral:upcoming",
    ]);
    expect(visitIsOpen(visit, new Date("2027-01-01T00:00:00Z"), "UTC")).toBe(true);
  });

  it.each([
    ["nothing after the exam", {}, "diagnosis"],
    ["a diagnosis from before the exam does not count", { diagnosisRecordedAt: before }, "diagnosis"],
    ["diagnosis recorded", { diagnosisRecordedAt: later(2) }, "clearance"],
    ["diagnosis and clearance", { diagnosisRecordedAt: later(2), clearanceSignedAt: later(4) }, "plan"],
    ["all but the referral", { diagnosisRecordedAt: later(2), clearanceSignedAt: later(4), planSavedAt: later(6) }, "referral"],
    ["everything", { diagnosisRecordedAt: later(2), clearanceSignedAt: later(4), planSavedAt: later(6), referralMadeAt: later(8) }, null],
  ] as const)("after a signed exam, %s → next %s", (_, facts, next) => {
    expect(visitOf({ ...none, latestExam: signedExam, ...facts }).next).toBe(next);
  });

  it("marks a later step done even when an earlier one was skipped", () => {
    expect(statuses({ ...none, latestExam: signedExam, planSavedAt: later(1) })).toEqual([
      "exam:done",
      "diagnosis:current",
      "clearance:upcoming",
      "plan:done",
      "referral:upcoming",
    ]);
  });

  it("is open until the end of the day the exam was signed, in the patient's zone", () => {
    const visit = visitOf({ ...none, latestExam: signedExam });
    // 15:00 UTC is 09:00 in Chicago; 05:59 UTC next day is still 2 December there.
    expect(visitIsOpen(visit, new Date("2026-12-03T05:59:00Z"), "America/Chicago")).toBe(true);
    expect(visitIsOpen(visit, new Date("2026-12-03T06:01:00Z"), "America/Chicago")).toBe(false);
    expect(visitIsOpen(visit, new Date("2026-12-03T00:01:00Z"), "UTC")).toBe(false);
  });

  it("maps a root to the disc that usually compresses it", () => {
    expect(discLevelForRoot).toEqual({ L4: "L3-L4", L5: "L4-L5", S1: "L5-S1" });
  });
});
