import { describe, expect, it } from "vitest";
import {
  activeRedFlags,
  highestTier,
  isRedFlagId,
  patientQuestionFor,
  patientRedFlagIds,
  redFlagIdSchema,
  redFlags,
  type RedFlagId,
  type RedFlagTier,
} from "@/lib/domain/red-flags";
import { DEFAULT_CLINIC_SETTINGS, emergencySentence } from "@/lib/domain/clinic-settings";

describe("red flags in two tiers (DOMAIN.md §2, NICE NG59 1.1.1)", () => {
  it.each<[RedFlagId, RedFlagTier]>([
    ["saddle_numbness", "emergency"],
    ["bladder_dysfunction", "emergency"],
    ["bowel_incontinence", "emergency"],
    ["sexual_dysfunction", "emergency"],
    ["bilateral_leg_symptoms", "emergency"],
    ["progressive_leg_weakness", "emergency"],
    ["cancer_history", "urgent"],
    ["unexplained_weight_loss", "urgent"],
    ["fever", "urgent"],
    ["recent_infection", "urgent"],
    ["immunosuppression", "urgent"],
    ["iv_drug_use", "urgent"],
    ["significant_trauma", "urgent"],
    ["osteoporosis", "urgent"],
    ["age_at_onset", "urgent"],
    ["non_mechanical_pain", "urgent"],
    ["thoracic_pain", "urgent"],
    ["inflammatory_back_pain", "urgent"],
  ])("%s is an %s flag", (id, tier) => {
    expect(redFlags.find((flag) => flag.id === id)?.tier).toBe(tier);
  });

  it("has 18 flags, each once, each with a clinician label and the patient's words", () => {
    expect(redFlags).toHaveLength(18);
    expect(new Set(redFlags.map((f) => f.id)).size).toBe(18);
    for (const flag of redFlags) {
      expect(flag.clinicianLabel.length).toBeGreaterThan(0);
      expect(flag.patientSign.length).toBeGreaterThan(0);
      if (flag.patientQuestion) expect(flag.patientQuestion).toMatch(/^[A-Z].*\?$/);
      if (flag.knownQuestion) expect(flag.knownQuestion).toMatch(/worse|spread|more|changed|started/);
    }
  });

  it("asks the patient about every sign but the age at onset, which the record answers, and about what is new or worse", () => {
    expect([...patientRedFlagIds].sort()).toEqual(redFlags.map((f) => f.id).filter((id) => id !== "age_at_onset").sort());
    for (const id of patientRedFlagIds) expect(patientQuestionFor(id, false)).toMatch(/^In the last 2 weeks/);
  });

  it("asks only whether a symptom the physician recorded as long-standing has got worse", () => {
    expect(patientQuestionFor("bilateral_leg_symptoms", true)).toBe("Your care team knows you have symptoms in both legs. Have they got worse in the last 2 weeks?");
    expect(patientQuestionFor("bilateral_leg_symptoms", false)).toMatch(/^In the last 2 weeks, have you started/);
    // A fever or an injury is new each time: asked the same way.
    expect(patientQuestionFor("fever", true)).toBe(patientQuestionFor("fever", false));
  });

  it.each<[RedFlagId[], RedFlagTier | null]>([
    [[], null],
    [["fever"], "urgent"],
    [["fever", "bladder_dysfunction"], "emergency"],
  ])("the highest tier of %j is %s", (ids, tier) => {
    expect(highestTier(ids)).toBe(tier);
  });

  it("names the clinic's number and every sign of the tier in each emergency sentence", () => {
    const uk = { ...DEFAULT_CLINIC_SETTINGS, emergencyNumber: "999", urgentLineName: "NHS 111", urgentLineNumber: "111" };
    const emergency = emergencySentence(uk, "emergency");
    expect(emergency).toMatch(/^Call 999 /);
    for (const f of redFlags.filter((f) => f.tier === "emergency")) expect(emergency).toContain(f.patientSign);
    const urgent = emergencySentence(uk, "urgent");
    expect(urgent).toContain("Call NHS 111 on 111");
    for (const f of redFlags.filter((f) => f.tier === "urgent" && f.id !== "age_at_onset")) expect(urgent).toContain(f.patientSign);
  });

  it.each<[unknown, boolean]>([
    ["fever", true],
    ["saddle_numbness", true],
    ["Fever", false],
    ["headache", false],
    ["", false],
    [null, false],
    [3, false],
  ])("isRedFlagId(%j) is %s", (value, expected) => {
    expect(isRedFlagId(value)).toBe(expected);
    expect(redFlagIdSchema.safeParse(value).success).toBe(expected);
  });

  it.each<[Partial<Record<RedFlagId, boolean>>, RedFlagId[]]>([
    [{}, []],
    [{ fever: false, saddle_numbness: false }, []],
    [{ fever: true }, ["fever"]],
    // Checklist order, whatever order the answers came in.
    [{ osteoporosis: true, saddle_numbness: true, fever: false }, ["saddle_numbness", "osteoporosis"]],
  ])("activeRedFlags(%j) is %j", (answers, expected) => {
    expect(activeRedFlags(answers)).toEqual(expected);
  });
});
