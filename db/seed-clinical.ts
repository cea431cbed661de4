/**
 * The demo clinic's clinical records, so every state is on screen: awaiting exam, an emergency
 * red flag, a draft exam, not cleared, cleared with limits (one with its review due, one
 * suspended by a red flag reported at home), fully cleared (one with its review overdue), and
 * healed. Findings are invented and consistent with each diagnosis.
 */
import { examSignSchema, type Exam } from "../lib/domain/exam";
import { hasMotorDeficit } from "../lib/domain/exam";
import { suggestRootLevel } from "../lib/domain/level-suggestion";
import { activeRedFlags, RED_FLAG_IDS, type RedFlagId } from "../lib/domain/red-flags";
import type { Restrictions } from "../lib/domain/clearance";
import type { DiagnosisId, SuspectedLevel } from "../lib/domain/diagnoses";

type Side = "left" | "right";
type Pattern = "L4" | "L5" | "S1" | "piriformis" | "stenosis" | "none";

export interface DemoClinical {
  mrnIndex: number;
  exam?: { pattern: Pattern; side: Side; painNow: number; daysAgo: number; redFlags?: RedFlagId[]; draft?: boolean };
  diagnosis?: { condition: DiagnosisId; level: SuspectedLevel | null; confirmation: "clinical" | "imaging"; notes: string };
  clearances?: { level: "not_cleared" | "restricted" | "full"; daysAgo: number; reviewInDays: number | null; restrictions?: Partial<Restrictions>; note?: string }[];
}

const NO_LIMITS: Restrictions = {
  maxRunMinutes: null,
  runsPerWeek: null,
  weeklyDistanceKm: null,
  maxEffortRpe: null,
  painCeiling: null,
  flatGroundOnly: false,
  noSpeedWork: false,
  notes: "",
};

export function restrictionsOf(partial: Partial<Restrictions>): Restrictions {
  return { ...NO_LIMITS, ...partial };
}

// Indexes into demoPatients (db/seed-data.ts).
export const demoClinical: DemoClinical[] = [
  {
    mrnIndex: 0, // Sam Rivera
    exam: { pattern: "L5", side: "left", painNow: 3, daysAgo: 9 },
    diagnosis: { condition: "disc_radiculopathy", level: "L4-L5", confirmation: "clinical", notes: "Posterolateral disc herniation suspected; no imaging needed (NICE NG59)." },
    clearances: [
      { level: "not_cleared", daysAgo: 38, reviewInDays: null, note: "" },
      { level: "restricted", daysAgo: 9, reviewInDays: 12, restrictions: { maxRunMinutes: 20, runsPerWeek: 3, maxEffortRpe: 4, painCeiling: 3, flatGroundOnly: true, noSpeedWork: true, notes: "Walk 5 minutes before and after each run." } },
    ],
  },
  {
    mrnIndex: 1, // Priya Natarajan: review due
    exam: { pattern: "S1", side: "right", painNow: 2, daysAgo: 20 },
    diagnosis: { condition: "disc_radiculopathy", level: "L5-S1", confirmation: "clinical", notes: "" },
    clearances: [{ level: "restricted", daysAgo: 20, reviewInDays: -1, restrictions: { maxRunMinutes: 30, runsPerWeek: 4, weeklyDistanceKm: 20, maxEffortRpe: 5, painCeiling: 3 } }],
  },
  { mrnIndex: 2 }, // Tom Becker: awaiting exam
  {
    mrnIndex: 3, // Grace Liu: not cleared, weak and in pain
    exam: { pattern: "L5", side: "left", painNow: 6, daysAgo: 5 },
    diagnosis: { condition: "disc_radiculopathy", level: "L4-L5", confirmation: "imaging", notes: "MRI: L4-L5 left paracentral protrusion contacting the L5 root." },
    clearances: [{ level: "not_cleared", daysAgo: 5, reviewInDays: 14 }],
  },
  {
    mrnIndex: 4, // Olu Adeyemi: fully cleared
    exam: { pattern: "piriformis", side: "right", painNow: 1, daysAgo: 7 },
    diagnosis: { condition: "piriformis_syndrome", level: null, confirmation: "clinical", notes: "" },
    clearances: [
      { level: "restricted", daysAgo: 21, reviewInDays: null, restrictions: { maxRunMinutes: 20, runsPerWeek: 3 } },
      { level: "full", daysAgo: 7, reviewInDays: 28 },
    ],
  },
  {
    mrnIndex: 5, // Megan O'Brien: healed
    exam: { pattern: "none", side: "left", painNow: 0, daysAgo: 8 },
    diagnosis: { condition: "disc_radiculopathy", level: "L5-S1", confirmation: "clinical", notes: "Resolved with self-care." },
    clearances: [{ level: "full", daysAgo: 8, reviewInDays: 60 }],
  },
  {
    mrnIndex: 6, // Rosa Delgado: emergency red flag from her exam
    exam: { pattern: "S1", side: "left", painNow: 7, daysAgo: 1, redFlags: ["saddle_numbness", "bladder_dysfunction"] },
    clearances: [{ level: "not_cleared", daysAgo: 1, reviewInDays: 7, note: "Sent to the emergency department." }],
  },
  {
    mrnIndex: 7, // Marcus Bell: stenosis, cleared with limits
    exam: { pattern: "stenosis", side: "right", painNow: 2, daysAgo: 12 },
    diagnosis: { condition: "stenosis_with_claudication", level: "L4-L5", confirmation: "imaging", notes: "Symptoms ease on bending forward." },
    clearances: [{ level: "restricted", daysAgo: 12, reviewInDays: 16, restrictions: { maxRunMinutes: 25, runsPerWeek: 3, maxEffortRpe: 5, flatGroundOnly: true } }],
  },
  {
    mrnIndex: 8, // Hannah Kowalski: cleared with limits
    exam: { pattern: "S1", side: "right", painNow: 2, daysAgo: 15 },
    diagnosis: { condition: "disc_radiculopathy", level: "L5-S1", confirmation: "clinical", notes: "" },
    clearances: [{ level: "restricted", daysAgo: 15, reviewInDays: 10, restrictions: { maxRunMinutes: 20, runsPerWeek: 3, painCeiling: 3, noSpeedWork: true } }],
  },
  {
    mrnIndex: 9, // Diego Alvarez: fully cleared, but the review is overdue past the clinic's grace period
    exam: { pattern: "L4", side: "left", painNow: 1, daysAgo: 31 },
    diagnosis: { condition: "lumbago_with_sciatica", level: null, confirmation: "clinical", notes: "" },
    clearances: [{ level: "full", daysAgo: 30, reviewInDays: -10 }],
  },
  {
    mrnIndex: 10, // Aisha Mohammed: a draft exam in progress
    exam: { pattern: "L5", side: "left", painNow: 4, daysAgo: 0, draft: true },
  },
  {
    mrnIndex: 11, // Elena Petrova: not cleared
    exam: { pattern: "L5", side: "right", painNow: 5, daysAgo: 3 },
    diagnosis: { condition: "sciatica_cause_unknown", level: null, confirmation: "clinical", notes: "" },
    clearances: [{ level: "not_cleared", daysAgo: 3, reviewInDays: 10 }],
  },
  {
    mrnIndex: 12, // Jamal Carter: healed
    exam: { pattern: "none", side: "right", painNow: 0, daysAgo: 9 },
    diagnosis: { condition: "piriformis_syndrome", level: null, confirmation: "clinical", notes: "" },
    clearances: [{ level: "full", daysAgo: 9, reviewInDays: 45 }],
  },
  {
    mrnIndex: 13, // Kenji Watanabe: cleared with limits, then reported a red flag at home: suspended
    exam: { pattern: "L5", side: "left", painNow: 3, daysAgo: 16 },
    diagnosis: { condition: "disc_radiculopathy", level: "L4-L5", confirmation: "clinical", notes: "" },
    clearances: [{ level: "restricted", daysAgo: 15, reviewInDays: 14, restrictions: { maxRunMinutes: 20, runsPerWeek: 3, maxEffortRpe: 4 } }],
  },
];

const other = (side: Side): Side => (side === "left" ? "right" : "left");

/** A complete exam whose findings fit the pattern on the given side. */
export function demoExam(pattern: Pattern, side: Side, painNow: number, onsetDate: string, flags: RedFlagId[] = []): Exam {
  const sided = <T>(affected: T, normal: T) => ({ [side]: affected, [other(side)]: normal }) as { left: T; right: T };
  const strength = (root: string, weak: number) => sided(pattern === root ? weak : 5, 5);
  const exam: Exam = {
    history: {
      onsetDate,
      mechanism: pattern === "piriformis" ? "running" : pattern === "stenosis" ? "gradual" : "lifting",
      mechanismNotes: "",
      trauma: false,
      side,
      painPattern: pattern === "stenosis" ? "back_dominant" : "leg_dominant",
      painNow,
      painWorst: Math.min(10, painNow + 3),
      nsaidRisks: {},
      currentMedicines: {},
    },
    redFlags: Object.fromEntries(RED_FLAG_IDS.map((id) => [id, flags.includes(id)])) as Record<RedFlagId, boolean>,
    redFlagsLongStanding: {},
    slr: sided(
      ["L4", "L5", "S1"].includes(pattern) ? { result: "positive" as const, angle: 45 } : { result: "negative" as const, angle: null },
      { result: "negative" as const, angle: null },
    ),
    crossedSlr: "negative",
    slump: ["L5", "S1"].includes(pattern) ? "positive" : "negative",
    femoralStretch: sided(pattern === "L4" ? "positive" : "negative", "negative"),
    strength: {
      L2: { left: 5, right: 5 },
      L3: { left: 5, right: 5 },
      L4: strength("L4", 4),
      L5: strength("L5", painNow >= 6 ? 3 : 4),
      S1: strength("S1", 4),
    },
    reflexes: {
      patellar: sided(pattern === "L4" ? "reduced" : "normal", "normal"),
      achilles: sided(pattern === "S1" ? "reduced" : "normal", "normal"),
    },
    sensation: {
      L4: sided(pattern === "L4" ? "reduced" : "normal", "normal"),
      L5: sided(pattern === "L5" ? "reduced" : "normal", "normal"),
      S1: sided(pattern === "S1" ? "reduced" : "normal", "normal"),
    },
    footMechanics: { left: "over_pronation", right: "neutral" },
    posture: pattern === "stenosis" ? "Stands slightly flexed; extension reproduces leg pain." : "Mild antalgic lean away from the painful side.",
    gait: pattern === "none" ? "Normal running gait on the treadmill." : "Shortened stride on the affected side when jogging.",
    notes: "",
  };
  return examSignSchema(onsetDate).parse(exam);
}

export function examColumns(exam: Exam) {
  return {
    painNow: exam.history.painNow,
    hasMotorDeficit: hasMotorDeficit(exam),
    redFlags: activeRedFlags(exam.redFlags),
    suggestedLevel: suggestRootLevel(exam).level,
  };
}
