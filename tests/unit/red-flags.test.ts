import { describe, expect, it } from "vitest";
import {
  activeRedFlags,
  isRedFlagId,
  patientRedFlagIds,
  redFlagIdSchema,
  redFlags,
  type RedFlagId,
} from "@/lib/domain/red-flags";

describe("red-flag checklist (DOMAIN.md §2, NICE NG59 1.1.1)", () => {
  it.each<[RedFlagId, "cauda_equina" | "serious_cause"]>([
    ["saddle_numbness", "cauda_equina"],
    ["bladder_dysfunction", "cauda_equina"],
    ["bowel_incontinence", "cauda_equina"],
    ["sexual_dysfunction", "cauda_equina"],
    ["bilateral_leg_symptoms", "cauda_equina"],
    ["progressive_leg_weakness", "cauda_equina"],
    ["cancer_history", "serious_cause"],
    ["unexplained_weight_loss", "serious_cause"],
    ["fever", "serious_cause"],
    ["immunosuppression", "serious_cause"],
    ["iv_drug_use", "serious_cause"],
    ["significant_trauma", "serious_cause"],
    ["osteoporosis", "serious_cause"],
    ["inflammatory_back_pain", "serious_cause"],
  ])("%s is a %s flag", (id, group) => {
    expect(redFlags.find((flag) => flag.id === id)?.group).toBe(group);
  });

  it("has 14 flags, each once, each with a clinician label and a yes/no question for the patient", () => {
    expect(redFlags).toHaveLength(14);
    expect(new Set(redFlags.map((f) => f.id)).size).toBe(14);
    for (const flag of redFlags) {
      expect(flag.clinicianLabel.length).toBeGreaterThan(0);
      expect(flag.patientQuestion).toMatch(/^[A-Z].*\?$/);
    }
  });

  it("asks the patient at check-in about the cauda equina signs, fever and new trauma only", () => {
    expect([...patientRedFlagIds].sort()).toEqual(
      [
        "saddle_numbness",
        "bladder_dysfunction",
        "bowel_incontinence",
        "sexual_dysfunction",
        "bilateral_leg_symptoms",
        "progressive_leg_weakness",
        "fever",
        "significant_trauma",
      ].sort(),
    );
    const caudaEquina = redFlags.filter((f) => f.group === "cauda_equina").map((f) => f.id);
    expect(patientRedFlagIds).toEqual(expect.arrayContaining(caudaEquina));
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
