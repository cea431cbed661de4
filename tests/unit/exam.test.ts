import { describe, expect, it } from "vitest";
import {
  currentMedicinesOf,
  examDraftSchema,
  examRedFlags,
  examSchema,
  examSignSchema,
  hasBilateralSigns,
  hasMotorDeficit,
  nsaidRisksOf,
  reflexTests,
  sensationAreas,
  strengthTests,
  type ExamDraft,
} from "@/lib/domain/exam";
import { RED_FLAG_IDS, type RedFlagId } from "@/lib/domain/red-flags";

const TODAY = "2026-03-10";

const both = <T>(value: T) => ({ left: value, right: value });
const normalStrength = { L2: both(5), L3: both(5), L4: both(5), L5: both(5), S1: both(5) };

function normalExam() {
  return {
    history: {
      onsetDate: "2026-02-20",
      mechanism: "lifting",
      mechanismNotes: "",
      trauma: false,
      side: "left",
      painPattern: "leg_dominant",
      painNow: 3,
      painWorst: 7,
    },
    redFlags: Object.fromEntries(RED_FLAG_IDS.map((id) => [id, false])),
    slr: { left: { result: "positive", angle: 45 }, right: { result: "negative", angle: null } },
    crossedSlr: "negative",
    slump: "positive",
    femoralStretch: both("negative"),
    strength: normalStrength,
    reflexes: { patellar: both("normal"), achilles: both("normal") },
    sensation: { L4: both("normal"), L5: both("normal"), S1: both("normal") },
    footMechanics: both("over_pronation"),
    posture: "Slight lumbar flexion",
    gait: "Antalgic on the left",
    notes: "",
  };
}

/** A copy of the normal exam with one value changed at a dotted path; `undefined` removes it. */
function withValue(path: string, value: unknown) {
  return withValues({ [path]: value });
}

function withValues(changes: Record<string, unknown>) {
  const exam: Record<string, unknown> = structuredClone(normalExam());
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split(".");
    let node = exam;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    const last = keys.at(-1) as string;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return exam;
}

/** The normal exam with changes, parsed as a signed exam is. */
const signed = (changes: Record<string, unknown> = {}) => examSchema(TODAY).parse(withValues(changes));

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("examSchema: a complete examination", () => {
  it("accepts a complete exam", () => {
    expect(issuesOf(examSchema(TODAY).safeParse(normalExam()))).toEqual([]);
  });

  it("signing uses the complete schema", () => {
    expect(examSignSchema).toBe(examSchema);
  });

  it.each<[string, unknown]>([
    ["history.onsetDate", TODAY],
    ["history.painNow", 0],
    ["history.painWorst", 10],
    ["history.painNow", 7], // equal to worst pain is allowed
    ["slr.left.angle", 0],
    ["slr.left.angle", 90],
    ["slr.right.angle", 80], // negative to 80° is a valid record
    ["strength.S1.left", 0],
    ["history.mechanism", "other"], // with notes, see below
  ])("accepts %s = %j", (path, value) => {
    const exam = withValue(path, value);
    if (value === "other") (exam.history as Record<string, unknown>).mechanismNotes = "Slipped on ice";
    expect(issuesOf(examSchema(TODAY).safeParse(exam))).toEqual([]);
  });

  it.each<[string, unknown, string, string]>([
    ["history.onsetDate", "2026-03-11", "history.onsetDate", "The start date cannot be in the future."],
    ["history.onsetDate", "10/03/2026", "history.onsetDate", "Enter the date the pain started."],
    ["history.onsetDate", undefined, "history.onsetDate", "Enter the date the pain started."],
    ["history.mechanism", "earthquake", "history.mechanism", "Choose how the pain started."],
    ["history.mechanism", "other", "history.mechanismNotes", "Describe how the pain started."],
    ["history.side", "neither", "history.side", "Choose left, right or both."],
    ["history.painNow", 11, "history.painNow", "Enter a whole number from 0 to 10."],
    ["history.painNow", -1, "history.painNow", "Enter a whole number from 0 to 10."],
    ["history.painNow", 2.5, "history.painNow", "Enter a whole number from 0 to 10."],
    ["history.painNow", "3", "history.painNow", "Enter a whole number from 0 to 10."],
    ["history.painWorst", 2, "history.painWorst", "Worst pain cannot be lower than pain now."],
    ["redFlags.fever", undefined, "redFlags.fever", "Answer yes or no."],
    ["slr.left.angle", null, "slr.left.angle", "Enter the angle at which the leg pain came on."],
    ["slr.left.angle", 91, "slr.left.angle", "Enter the angle in whole degrees, from 0 to 90."],
    ["slr.left.angle", -5, "slr.left.angle", "Enter the angle in whole degrees, from 0 to 90."],
    ["slr.right", { result: "not_tested", angle: 40 }, "slr.right.angle", "Leave the angle empty when the test was not done."],
    ["crossedSlr", "maybe", "crossedSlr", "Choose positive, negative or not tested."],
    ["strength.L5.left", 6, "strength.L5.left", "Enter an MRC grade from 0 to 5."],
    ["strength.L5.left", -1, "strength.L5.left", "Enter an MRC grade from 0 to 5."],
    ["strength.L5.left", 4.5, "strength.L5.left", "Enter an MRC grade from 0 to 5."],
    ["strength.L5.right", undefined, "strength.L5.right", "Enter an MRC grade from 0 to 5."],
    ["strength.L5", undefined, "strength.L5", "Fill in both left and right."],
    ["reflexes.achilles.left", "hyper", "reflexes.achilles.left", "Choose absent, reduced, normal or brisk."],
    ["sensation.S1.right", "tingly", "sensation.S1.right", "Choose normal, reduced or absent."],
    ["footMechanics.left", "flat", "footMechanics.left", "Choose neutral, over-pronation or supination."],
    ["reflexes", undefined, "reflexes", "Complete this section."],
    ["notes", "x".repeat(2001), "notes", "Keep this under 2,000 characters."],
  ])("refuses %s = %j with a message on %s", (path, value, issuePath, message) => {
    expect(issuesOf(examSchema(TODAY).safeParse(withValue(path, value)))).toContainEqual([issuePath, message]);
  });
});

describe("examDraftSchema: a half-filled exam", () => {
  it.each<[string, unknown]>([
    ["nothing", {}],
    ["only the history date", { history: { onsetDate: "2026-03-01" } }],
    ["some red flags", { redFlags: { fever: false } }],
    ["a positive SLR without its angle yet", { slr: { left: { result: "positive" } } }],
    ["one strength grade", { strength: { L5: { left: 4 } } }],
  ])("saves %s", (_, draft) => {
    expect(issuesOf(examDraftSchema(TODAY).safeParse(draft))).toEqual([]);
  });

  it.each<[string, unknown, string, string]>([
    ["a future onset", { history: { onsetDate: "2026-04-01" } }, "history.onsetDate", "The start date cannot be in the future."],
    ["pain 12", { history: { painNow: 12 } }, "history.painNow", "Enter a whole number from 0 to 10."],
    [
      "worst pain below pain now",
      { history: { painNow: 6, painWorst: 4 } },
      "history.painWorst",
      "Worst pain cannot be lower than pain now.",
    ],
    ["MRC 7", { strength: { S1: { right: 7 } } }, "strength.S1.right", "Enter an MRC grade from 0 to 5."],
  ])("still refuses %s", (_, draft, issuePath, message) => {
    expect(issuesOf(examDraftSchema(TODAY).safeParse(draft))).toContainEqual([issuePath, message]);
  });

  it("keeps a complete exam as it is; only signing fills in the empty long-standing list", () => {
    const { redFlagsLongStanding, ...complete } = examSchema(TODAY).parse(normalExam());
    expect(redFlagsLongStanding).toEqual({});
    expect(examDraftSchema(TODAY).parse(normalExam())).toEqual(complete);
  });

  it("the history's NSAID risks and current medicines default to none ticked", () => {
    expect(signed().history).toMatchObject({ nsaidRisks: {}, currentMedicines: {} });
  });
});

describe("hasMotorDeficit: any MRC grade below 5", () => {
  it.each<[string, Parameters<typeof hasMotorDeficit>[0], boolean]>([
    ["all 5/5", { strength: normalStrength }, false],
    ["L5 left 4/5", { strength: { ...normalStrength, L5: { left: 4, right: 5 } } }, true],
    ["S1 right 0/5", { strength: { ...normalStrength, S1: { left: 5, right: 0 } } }, true],
    ["L2 right 4/5", { strength: { ...normalStrength, L2: { left: 5, right: 4 } } }, true],
    ["nothing entered", {}, false],
    ["only normal grades entered", { strength: { L4: { left: 5 } } }, false],
    ["one weak grade in a draft", { strength: { L4: { right: 3 } } }, true],
  ])("%s → %s", (_, exam, expected) => {
    expect(hasMotorDeficit(exam)).toBe(expected);
  });
});

describe("hasBilateralSigns: symptoms or signs in both legs (a clearance finding, DOMAIN.md §10.4)", () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ["left-sided sciatica, SLR positive on the left only", {}, false],
    ["symptoms on both sides", { "history.side": "both" }, true],
    ["symptoms on the right only", { "history.side": "right" }, false],
    ["the bilateral red flag answered yes", { "redFlags.bilateral_leg_symptoms": true }, true],
    ["the bilateral red flag, long-standing and assessed: still a bilateral sign", { "redFlags.bilateral_leg_symptoms": true, "redFlagsLongStanding.bilateral_leg_symptoms": true }, true],
    ["SLR positive on both sides", { "slr.right": { result: "positive", angle: 60 } }, true],
    ["SLR positive left, not tested right", { "slr.right": { result: "not_tested", angle: null } }, false],
    ["weakness on both sides, the same root (L5 4/5 each)", { "strength.L5": { left: 4, right: 4 } }, true],
    ["weakness on both sides, different roots (L5 left, S1 right)", { "strength.L5": { left: 4, right: 5 }, "strength.S1": { left: 5, right: 4 } }, true],
    ["weakness on one side only, two roots", { "strength.L5": { left: 4, right: 5 }, "strength.S1": { left: 3, right: 5 } }, false],
  ])("%s → %s", (_, changes, bilateral) => {
    expect(hasBilateralSigns(signed(changes))).toBe(bilateral);
  });

  it.each<[string, ExamDraft, boolean]>([
    ["an empty draft", {}, false],
    ["a draft with one weak grade: the other side not entered is not weak", { strength: { L4: { left: 3 } } }, false],
    ["a draft with weakness entered on both sides", { strength: { L4: { left: 3 }, S1: { right: 4 } } }, true],
    ["a draft with SLR positive on one side only", { slr: { left: { result: "positive" } } }, false],
    ["a draft with SLR positive on both sides, angles to come", { slr: { left: { result: "positive" }, right: { result: "positive" } } }, true],
    ["a draft with the bilateral flag answered no", { redFlags: { bilateral_leg_symptoms: false } }, false],
  ])("%s → %s", (_, draft, bilateral) => {
    expect(hasBilateralSigns(draft)).toBe(bilateral);
  });
});

describe("examRedFlags: raised now, long-standing and assessed, or absent (DOMAIN.md §2)", () => {
  const answers = (yes: RedFlagId[]) => Object.fromEntries(RED_FLAG_IDS.map((id) => [id, yes.includes(id)])) as Record<RedFlagId, boolean>;
  const others = (...ids: RedFlagId[]) => RED_FLAG_IDS.filter((id) => !ids.includes(id));

  it.each<[string, RedFlagId[], Partial<Record<RedFlagId, boolean>>, { raised: RedFlagId[]; longStanding: RedFlagId[]; absent: RedFlagId[] }]>([
    ["none present", [], {}, { raised: [], longStanding: [], absent: [...RED_FLAG_IDS] }],
    ["one present, new", ["saddle_numbness"], {}, { raised: ["saddle_numbness"], longStanding: [], absent: others("saddle_numbness") }],
    [
      "bilateral symptoms of known stenosis, long-standing: no alert",
      ["bilateral_leg_symptoms"],
      { bilateral_leg_symptoms: true },
      { raised: [], longStanding: ["bilateral_leg_symptoms"], absent: others("bilateral_leg_symptoms") },
    ],
    [
      "one long-standing and one new: only the new one raises",
      ["fever", "bilateral_leg_symptoms"],
      { bilateral_leg_symptoms: true },
      { raised: ["fever"], longStanding: ["bilateral_leg_symptoms"], absent: others("fever", "bilateral_leg_symptoms") },
    ],
    [
      "marked long-standing but answered no: absent, not long-standing",
      [],
      { osteoporosis: true },
      { raised: [], longStanding: [], absent: [...RED_FLAG_IDS] },
    ],
    [
      "long-standing unticked (false) is not long-standing",
      ["thoracic_pain"],
      { thoracic_pain: false },
      { raised: ["thoracic_pain"], longStanding: [], absent: others("thoracic_pain") },
    ],
    [
      "several raised, in checklist order",
      ["fever", "saddle_numbness", "cancer_history"],
      {},
      { raised: ["saddle_numbness", "cancer_history", "fever"], longStanding: [], absent: others("fever", "saddle_numbness", "cancer_history") },
    ],
  ])("%s", (_, yes, redFlagsLongStanding, expected) => {
    expect(examRedFlags({ redFlags: answers(yes), redFlagsLongStanding })).toEqual(expected);
  });
});

describe("the history's NSAID risks and current medicines, as lists (DOMAIN.md §7)", () => {
  it.each<[string, ExamDraft | null | undefined, string[], string[]]>([
    ["no exam", null, [], []],
    ["undefined", undefined, [], []],
    ["no history yet", {}, [], []],
    ["nothing ticked", { history: { nsaidRisks: {}, currentMedicines: {} } }, [], []],
    [
      "ticked and unticked boxes, in the form's order",
      { history: { nsaidRisks: { anticoagulant: true, gi_bleed: true, kidney_disease: false }, currentMedicines: { benzodiazepine: true, opioid: true, gabapentinoid: false } } },
      ["gi_bleed", "anticoagulant"],
      ["opioid", "benzodiazepine"],
    ],
    [
      "every box",
      {
        history: {
          nsaidRisks: { gi_bleed: true, kidney_disease: true, cardiovascular: true, anticoagulant: true, nsaid_asthma: true },
          currentMedicines: { opioid: true, gabapentinoid: true, benzodiazepine: true },
        },
      },
      ["gi_bleed", "kidney_disease", "cardiovascular", "anticoagulant", "nsaid_asthma"],
      ["opioid", "gabapentinoid", "benzodiazepine"],
    ],
  ])("%s", (_, exam, risks, medicines) => {
    expect(nsaidRisksOf(exam)).toEqual(risks);
    expect(currentMedicinesOf(exam)).toEqual(medicines);
  });

  it("a signed exam keeps its ticked boxes", () => {
    const exam = signed({ "history.nsaidRisks": { gi_bleed: true }, "history.currentMedicines": { opioid: true } });
    expect(nsaidRisksOf(exam)).toEqual(["gi_bleed"]);
    expect(currentMedicinesOf(exam)).toEqual(["opioid"]);
  });
});

describe("labels for the exam form (DOMAIN.md §3)", () => {
  it.each([
    ["L2", "Hip flexion"],
    ["L3", "Knee extension"],
    ["L4", "Ankle dorsiflexion"],
    ["L5", "Great-toe extension"],
    ["S1", "Ankle plantarflexion"],
  ])("strength %s tests %s", (root, muscle) => {
    expect(strengthTests.find((t) => t.root === root)?.muscle).toBe(muscle);
  });

  it.each([
    ["L4", "Medial lower leg"],
    ["L5", "Top of the foot and great toe"],
    ["S1", "Outer foot and sole"],
  ])("sensation %s is tested on the %s", (root, area) => {
    expect(sensationAreas.find((a) => a.root === root)?.area).toBe(area);
  });

  it.each([
    ["patellar", "L3–L4"],
    ["achilles", "S1"],
  ])("the %s reflex tests %s", (reflex, roots) => {
    expect(reflexTests.find((r) => r.reflex === reflex)?.roots).toBe(roots);
  });
});
