import { describe, expect, it } from "vitest";
import { LEG_SYMPTOMS, NEURO_QUESTION, checkInOutcome, checkInSchema, reportedRedFlags, type CheckInOutcome } from "@/lib/domain/check-in";
import { patientRedFlagIds, type RedFlagId } from "@/lib/domain/red-flags";

const allNo = Object.fromEntries(patientRedFlagIds.map((id) => [id, "no"])) as Record<RedFlagId, "yes" | "no">;

function checkIn(change: Record<string, unknown> = {}) {
  return {
    idempotencyKey: "3f1d2c4b-5a6e-4f70-8a9b-0c1d2e3f4a5b",
    painNow: 3,
    legSymptoms: ["pain_down_leg"],
    neuroWorse: "no",
    redFlags: allNo,
    ...change,
  };
}

const issues = (value: unknown) => (checkInSchema.safeParse(value).error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("checkInSchema: every question answered, none read as no", () => {
  it("accepts a complete check-in", () => {
    expect(issues(checkIn())).toEqual([]);
    expect(checkInSchema.parse(checkIn({ neuroWorse: "yes" })).neuroWorse).toBe("yes");
  });

  it("asks the neuro question in the patient's words, about what is new or worse", () => {
    expect(NEURO_QUESTION).toBe("Compared with before, is any numbness or weakness in your leg or foot new, or worse?");
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["the neuro question unanswered", { neuroWorse: undefined }, "neuroWorse", "Answer yes or no."],
    ["the neuro question answered 'maybe'", { neuroWorse: "maybe" }, "neuroWorse", "Answer yes or no."],
    ["the neuro question as a boolean", { neuroWorse: false }, "neuroWorse", "Answer yes or no."],
    ["a red-flag question unanswered", { redFlags: { ...allNo, fever: undefined } }, "redFlags.fever", "Answer yes or no."],
    ["an emergency question unanswered", { redFlags: { ...allNo, saddle_numbness: undefined } }, "redFlags.saddle_numbness", "Answer yes or no."],
    ["pain 11", { painNow: 11 }, "painNow", "Choose your pain from 0 to 10."],
    ["pain −1", { painNow: -1 }, "painNow", "Choose your pain from 0 to 10."],
    ["pain as words", { painNow: "bad" }, "painNow", "Choose your pain from 0 to 10."],
    ["a reused or missing key", { idempotencyKey: "1" }, "idempotencyKey", "Reload the page and try again."],
  ])("refuses %s", (_, change, path, message) => {
    expect(issues(checkIn(change))).toContainEqual([path, message]);
  });

  it("reads pain from a form field as a number, and leg symptoms default to none", () => {
    const parsed = checkInSchema.parse(checkIn({ painNow: "7", legSymptoms: undefined }));
    expect(parsed.painNow).toBe(7);
    expect(parsed.legSymptoms).toEqual([]);
  });

  it("refuses a leg symptom not on the list", () => {
    expect(checkInSchema.safeParse(checkIn({ legSymptoms: ["cramp"] })).success).toBe(false);
    expect(LEG_SYMPTOMS).toEqual(["pain_down_leg", "tingling", "numbness", "weakness"]);
  });

  it("asks every red flag but the age at onset, which the record answers", () => {
    const parsed = checkInSchema.parse(checkIn());
    expect(Object.keys(parsed.redFlags).sort()).toEqual([...patientRedFlagIds].sort());
    expect(Object.keys(parsed.redFlags)).not.toContain("age_at_onset");
  });
});

describe("reportedRedFlags: answered yes, in checklist order", () => {
  it.each<[string, Partial<Record<RedFlagId, "yes" | "no">>, RedFlagId[]]>([
    ["all no", allNo, []],
    ["nothing answered", {}, []],
    ["fever yes", { ...allNo, fever: "yes" }, ["fever"]],
    ["in checklist order", { ...allNo, thoracic_pain: "yes", bladder_dysfunction: "yes", fever: "yes" }, ["bladder_dysfunction", "fever", "thoracic_pain"]],
  ])("%s", (_, answers, flags) => {
    expect(reportedRedFlags(answers)).toEqual(flags);
  });
});

describe("checkInOutcome: what the patient is told at once, and whether the care team is", () => {
  it.each<[string, RedFlagId[], boolean, CheckInOutcome]>([
    ["nothing new", [], false, { tier: null, redFlags: [], careTeamAlerted: false }],
    // New or worse numbness or weakness is not a red flag by itself, but the care team is told (DOMAIN.md §6).
    ["numbness or weakness new or worse", [], true, { tier: null, redFlags: [], careTeamAlerted: true }],
    ["an urgent sign: fever", ["fever"], false, { tier: "urgent", redFlags: ["fever"], careTeamAlerted: true }],
    ["an emergency sign: saddle numbness", ["saddle_numbness"], false, { tier: "emergency", redFlags: ["saddle_numbness"], careTeamAlerted: true }],
    ["both tiers: the emergency one decides", ["fever", "bowel_incontinence"], false, { tier: "emergency", redFlags: ["fever", "bowel_incontinence"], careTeamAlerted: true }],
    ["symptoms in both legs and worse weakness", ["bilateral_leg_symptoms"], true, { tier: "emergency", redFlags: ["bilateral_leg_symptoms"], careTeamAlerted: true }],
  ])("%s", (_, flags, neuroWorse, outcome) => {
    expect(checkInOutcome(flags, neuroWorse)).toEqual(outcome);
  });
});
