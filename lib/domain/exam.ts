import { z } from "zod";
import { CURRENT_MEDICINE_CLASSES, NSAID_RISKS, type CurrentMedicineClass, type NsaidRisk } from "@/lib/domain/medication-guardrails";
import { activeRedFlags, redFlagIdSchema, type RedFlagId } from "@/lib/domain/red-flags";

// The examination a physician records and signs (DOMAIN.md §3). Everything limb-related is
// recorded left and right because the side of a deficit is half of what points to a root.

export const LIMB_SIDES = ["left", "right"] as const;
export const SYMPTOM_SIDES = ["left", "right", "both"] as const;
export const MECHANISMS = [
  "gradual",
  "lifting",
  "running",
  "fall",
  "motor_vehicle",
  "sport_trauma",
  "other",
  "unknown",
] as const;
export const PAIN_PATTERNS = ["leg_dominant", "back_dominant"] as const;
export const TEST_RESULTS = ["positive", "negative", "not_tested"] as const;
export const STRENGTH_ROOTS = ["L2", "L3", "L4", "L5", "S1"] as const;
export const REFLEXES = ["patellar", "achilles"] as const;
export const REFLEX_GRADES = ["absent", "reduced", "normal", "brisk"] as const;
export const SENSATION_ROOTS = ["L4", "L5", "S1"] as const;
export const SENSATION_GRADES = ["normal", "reduced", "absent"] as const;
export const FOOT_MECHANICS = ["neutral", "over_pronation", "supination"] as const;

export type LimbSide = (typeof LIMB_SIDES)[number];
export type SymptomSide = (typeof SYMPTOM_SIDES)[number];
export type Mechanism = (typeof MECHANISMS)[number];
export type PainPattern = (typeof PAIN_PATTERNS)[number];
export type TestResult = (typeof TEST_RESULTS)[number];
export type StrengthRoot = (typeof STRENGTH_ROOTS)[number];
export type Reflex = (typeof REFLEXES)[number];
export type ReflexGrade = (typeof REFLEX_GRADES)[number];
export type SensationRoot = (typeof SENSATION_ROOTS)[number];
export type SensationGrade = (typeof SENSATION_GRADES)[number];
export type FootMechanics = (typeof FOOT_MECHANICS)[number];

export const strengthTests: readonly { root: StrengthRoot; muscle: string; hint?: string }[] = [
  { root: "L2", muscle: "Hip flexion" },
  { root: "L3", muscle: "Knee extension" },
  { root: "L4", muscle: "Ankle dorsiflexion" },
  { root: "L5", muscle: "Great-toe extension" },
  { root: "S1", muscle: "Ankle plantarflexion", hint: "or toe-walking" },
];

export const reflexTests: readonly { reflex: Reflex; label: string; roots: string }[] = [
  { reflex: "patellar", label: "Patellar (knee jerk)", roots: "L3–L4" },
  { reflex: "achilles", label: "Achilles (ankle jerk)", roots: "S1" },
];

export const sensationAreas: readonly { root: SensationRoot; area: string }[] = [
  { root: "L4", area: "Medial lower leg" },
  { root: "L5", area: "Top of the foot and great toe" },
  { root: "S1", area: "Outer foot and sole" },
];

export const mechanismLabels: Record<Mechanism, string> = {
  gradual: "Came on gradually",
  lifting: "Lifting or bending",
  running: "During a run",
  fall: "Fall",
  motor_vehicle: "Road traffic accident",
  sport_trauma: "Sports injury",
  other: "Other",
  unknown: "Not known",
};

export const testResultLabels: Record<TestResult, string> = {
  positive: "Positive",
  negative: "Negative",
  not_tested: "Not tested",
};

export const reflexGradeLabels: Record<ReflexGrade, string> = {
  absent: "Absent",
  reduced: "Reduced",
  normal: "Normal",
  brisk: "Brisk",
};

export const sensationGradeLabels: Record<SensationGrade, string> = {
  normal: "Normal",
  reduced: "Reduced",
  absent: "Absent",
};

export const footMechanicsLabels: Record<FootMechanics, string> = {
  neutral: "Neutral",
  over_pronation: "Over-pronation",
  supination: "Supination",
};

const TEXT_MAX = 2000;
const PAIN_MESSAGE = "Enter a whole number from 0 to 10.";
const MRC_MESSAGE = "Enter an MRC grade from 0 to 5.";
const ANGLE_MESSAGE = "Enter the angle in whole degrees, from 0 to 90.";

const painScore = z.int({ error: PAIN_MESSAGE }).min(0, { error: PAIN_MESSAGE }).max(10, { error: PAIN_MESSAGE });
const mrcGrade = z.int({ error: MRC_MESSAGE }).min(0, { error: MRC_MESSAGE }).max(5, { error: MRC_MESSAGE });
const slrAngle = z.int({ error: ANGLE_MESSAGE }).min(0, { error: ANGLE_MESSAGE }).max(90, { error: ANGLE_MESSAGE });
const yesNo = z.boolean({ error: "Answer yes or no." });
const text = z
  .string({ error: "This field is missing." })
  .trim()
  .max(TEXT_MAX, { error: `Keep this under ${TEXT_MAX.toLocaleString("en-GB")} characters.` });
const testResult = z.enum(TEST_RESULTS, { error: "Choose positive, negative or not tested." });
const reflexGrade = z.enum(REFLEX_GRADES, { error: "Choose absent, reduced, normal or brisk." });
const sensationGrade = z.enum(SENSATION_GRADES, { error: "Choose normal, reduced or absent." });
const footMechanics = z.enum(FOOT_MECHANICS, { error: "Choose neutral, over-pronation or supination." });

function onsetDate(today: string) {
  return z.iso
    .date({ error: "Enter the date the pain started." })
    .refine((date) => date <= today, { error: "The start date cannot be in the future." });
}

const SECTION_ERROR = { error: "Complete this section." };

function sided<T extends z.ZodType>(value: T) {
  return z.object({ left: value, right: value }, { error: "Fill in both left and right." });
}

function historyFields(today: string) {
  return z.object(
    {
    onsetDate: onsetDate(today),
    mechanism: z.enum(MECHANISMS, { error: "Choose how the pain started." }),
    mechanismNotes: text,
    trauma: yesNo,
    side: z.enum(SYMPTOM_SIDES, { error: "Choose left, right or both." }),
    painPattern: z.enum(PAIN_PATTERNS, { error: "Choose whether the leg or the back hurts more." }),
    painNow: painScore,
    painWorst: painScore,
    // Ticked boxes only: an unticked box is "no" (DOMAIN.md §7 risk factors, NG59 1.2.19–1.2.22).
    nsaidRisks: z.partialRecord(z.enum(NSAID_RISKS), z.boolean()).default({}),
    currentMedicines: z.partialRecord(z.enum(CURRENT_MEDICINE_CLASSES), z.boolean()).default({}),
    },
    SECTION_ERROR,
  );
}

const slrSide = z.object({ result: testResult, angle: slrAngle.nullable() }, SECTION_ERROR);

function completeShape(today: string) {
  return z.object({
    history: historyFields(today),
    // Exhaustive: a signed exam has every red flag answered, so "not asked" never reads as "no".
    redFlags: z.record(redFlagIdSchema, yesNo, SECTION_ERROR),
    // A flag present but long-standing and already assessed raises no alert (DOMAIN.md §2).
    redFlagsLongStanding: z.partialRecord(redFlagIdSchema, z.boolean()).default({}),
    slr: sided(slrSide),
    crossedSlr: testResult,
    slump: testResult,
    femoralStretch: sided(testResult),
    strength: z.object(
      { L2: sided(mrcGrade), L3: sided(mrcGrade), L4: sided(mrcGrade), L5: sided(mrcGrade), S1: sided(mrcGrade) },
      SECTION_ERROR,
    ),
    reflexes: z.object({ patellar: sided(reflexGrade), achilles: sided(reflexGrade) }, SECTION_ERROR),
    sensation: z.object(
      { L4: sided(sensationGrade), L5: sided(sensationGrade), S1: sided(sensationGrade) },
      SECTION_ERROR,
    ),
    footMechanics: sided(footMechanics),
    posture: text,
    gait: text,
    notes: text,
  });
}

function draftShape(today: string) {
  return z.object({
    history: historyFields(today).partial().optional(),
    redFlags: z.partialRecord(redFlagIdSchema, yesNo).optional(),
    redFlagsLongStanding: z.partialRecord(redFlagIdSchema, z.boolean()).optional(),
    slr: sided(slrSide.partial()).partial().optional(),
    crossedSlr: testResult.optional(),
    slump: testResult.optional(),
    femoralStretch: sided(testResult).partial().optional(),
    strength: z
      .object({
        L2: sided(mrcGrade).partial(),
        L3: sided(mrcGrade).partial(),
        L4: sided(mrcGrade).partial(),
        L5: sided(mrcGrade).partial(),
        S1: sided(mrcGrade).partial(),
      })
      .partial()
      .optional(),
    reflexes: z
      .object({ patellar: sided(reflexGrade).partial(), achilles: sided(reflexGrade).partial() })
      .partial()
      .optional(),
    sensation: z
      .object({
        L4: sided(sensationGrade).partial(),
        L5: sided(sensationGrade).partial(),
        S1: sided(sensationGrade).partial(),
      })
      .partial()
      .optional(),
    footMechanics: sided(footMechanics).partial().optional(),
    posture: text.optional(),
    gait: text.optional(),
    notes: text.optional(),
  });
}

export type Exam = z.output<ReturnType<typeof completeShape>>;
export type ExamDraft = z.output<ReturnType<typeof draftShape>>;

function checkWorstPain(exam: ExamDraft, ctx: z.RefinementCtx) {
  const { painNow, painWorst } = exam.history ?? {};
  if (painNow !== undefined && painWorst !== undefined && painWorst < painNow) {
    ctx.addIssue({
      code: "custom",
      path: ["history", "painWorst"],
      message: "Worst pain cannot be lower than pain now.",
    });
  }
}

// Only at signing: a draft may hold a positive result whose angle is still to be typed in.
function checkCompleteness(exam: Exam, ctx: z.RefinementCtx) {
  if (exam.history.mechanism === "other" && exam.history.mechanismNotes === "") {
    ctx.addIssue({ code: "custom", path: ["history", "mechanismNotes"], message: "Describe how the pain started." });
  }
  for (const side of LIMB_SIDES) {
    const { result, angle } = exam.slr[side];
    if (result === "positive" && angle === null) {
      ctx.addIssue({
        code: "custom",
        path: ["slr", side, "angle"],
        message: "Enter the angle at which the leg pain came on.",
      });
    }
    if (result === "not_tested" && angle !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["slr", side, "angle"],
        message: "Leave the angle empty when the test was not done.",
      });
    }
  }
}

/** A complete examination; `today` (YYYY-MM-DD) keeps the onset date out of the future. */
export function examSchema(today: string) {
  return completeShape(today).superRefine((exam, ctx) => {
    checkWorstPain(exam, ctx);
    checkCompleteness(exam, ctx);
  });
}

/** Signing needs the complete exam; the alias reads better where the sign action parses it. */
export const examSignSchema = examSchema;

/** A half-filled exam that can be saved and finished later: any field may be missing. */
export function examDraftSchema(today: string) {
  return draftShape(today).superRefine(checkWorstPain);
}

/** Any muscle below normal power (MRC < 5) on either side; grades not yet entered are ignored. */
export function hasMotorDeficit(exam: { strength?: ExamDraft["strength"] }): boolean {
  const strength = exam.strength ?? {};
  return STRENGTH_ROOTS.some((root) =>
    LIMB_SIDES.some((side) => {
      const grade = strength[root]?.[side];
      return grade !== undefined && grade < 5;
    }),
  );
}

/** Symptoms or signs in both legs: either side "both", the bilateral red flag, or SLR or weakness on both sides. */
export function hasBilateralSigns(exam: ExamDraft): boolean {
  if (exam.history?.side === "both" || exam.redFlags?.bilateral_leg_symptoms === true) return true;
  const slrBoth = LIMB_SIDES.every((side) => exam.slr?.[side]?.result === "positive");
  const weakBoth = LIMB_SIDES.every((side) => STRENGTH_ROOTS.some((root) => (exam.strength?.[root]?.[side] ?? 5) < 5));
  return slrBoth || weakBoth;
}

/**
 * The red flags of a signed exam, split: those that raise an alert now, and those the physician
 * recorded as long-standing and already assessed, which are asked about at check-ins only if
 * they get worse.
 */
export function examRedFlags(exam: Pick<Exam, "redFlags" | "redFlagsLongStanding">): { raised: RedFlagId[]; longStanding: RedFlagId[]; absent: RedFlagId[] } {
  const present = activeRedFlags(exam.redFlags);
  const longStanding = present.filter((id) => exam.redFlagsLongStanding?.[id] === true);
  return {
    raised: present.filter((id) => !longStanding.includes(id)),
    longStanding,
    absent: (Object.keys(exam.redFlags) as RedFlagId[]).filter((id) => exam.redFlags[id] === false),
  };
}

/** The history's ticked boxes, as lists. */
export function nsaidRisksOf(exam: ExamDraft | null | undefined): NsaidRisk[] {
  return NSAID_RISKS.filter((r) => exam?.history?.nsaidRisks?.[r] === true);
}

export function currentMedicinesOf(exam: ExamDraft | null | undefined): CurrentMedicineClass[] {
  return CURRENT_MEDICINE_CLASSES.filter((c) => exam?.history?.currentMedicines?.[c] === true);
}
