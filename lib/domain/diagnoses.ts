import { z } from "zod";
import type { SymptomSide } from "@/lib/domain/exam";

// Root causes of sciatica and their ICD-10-CM codes (DOMAIN.md §4).

export const DIAGNOSIS_IDS = [
  "disc_radiculopathy",
  "stenosis_without_claudication",
  "stenosis_with_claudication",
  "spondylolisthesis",
  "degenerative_disc_disease",
  "piriformis_syndrome",
  "trauma",
  "sciatica_cause_unknown",
  "lumbago_with_sciatica",
] as const;
export type DiagnosisId = (typeof DIAGNOSIS_IDS)[number];
export const diagnosisIdSchema = z.enum(DIAGNOSIS_IDS, { error: "Choose a diagnosis from the list." });

export const SPINAL_REGIONS = ["lumbar", "lumbosacral"] as const;
export type SpinalRegion = (typeof SPINAL_REGIONS)[number];

export const suspectedLevels = ["L3-L4", "L4-L5", "L5-S1"] as const;
export type SuspectedLevel = (typeof suspectedLevels)[number];
export const suspectedLevelSchema = z.enum(suspectedLevels, { error: "Choose L3-L4, L4-L5 or L5-S1." });

// Clinical confirmation is a full answer on its own: NICE NG59 1.1.4 advises against routine
// imaging outside specialist care, so most diagnoses here will never have a scan behind them.
export const confirmationMethods = ["clinical", "imaging"] as const;
export type ConfirmationMethod = (typeof confirmationMethods)[number];
export const confirmationMethodSchema = z.enum(confirmationMethods, { error: "Choose clinical or imaging." });

export const ICD10_CM_SYSTEM = "http://hl7.org/fhir/sid/icd-10-cm";

// SNOMED CT 23056005 |Sciatica (disorder)|: verify against the current SNOMED CT release before
// it is sent in a FHIR Condition (DOMAIN.md §4 marks it "verify").
export const sciaticaSnomed = { system: "http://snomed.info/sct", code: "23056005", display: "Sciatica" } as const;

type Coding =
  /** One code whatever the side. */
  | { code: string }
  /** Split by spinal region, not by side; null where no verified code exists for that region. */
  | { codesByRegion: Record<SpinalRegion, string | null>; codeNote?: string }
  | { codesBySide: Record<SymptomSide, string> }
  | { code: null; codeNote: string };

export type Diagnosis = { id: DiagnosisId; label: string; patientLabel: string } & Coding;

// Degenerative disc disease (M51.3-) was split into new sub-codes and injury codes need a
// 7th character for the encounter; DOMAIN.md §4 says both changed in recent releases and must be
// verified. A wrong code on a claim or a FHIR export is worse than none, so the physician codes
// these in the EHR until they are checked.
const CODE_IN_EHR = "No code is suggested here: code this in the EHR against the current ICD-10-CM release.";

// DOMAIN.md §4 lists only the lumbar-region codes for stenosis and spondylolisthesis. The
// lumbosacral region (an L5-S1 level) has its own codes in those families that have not been
// verified here, and giving the lumbar code for it would be wrong.
const LUMBOSACRAL_IN_EHR = "No verified code for the lumbosacral region (L5-S1): code this in the EHR.";

export const diagnoses: readonly Diagnosis[] = [
  {
    id: "disc_radiculopathy",
    label: "Intervertebral disc disorder with radiculopathy (e.g. disc herniation)",
    patientLabel: "A disc in your lower back pressing on a nerve",
    codesByRegion: { lumbar: "M51.16", lumbosacral: "M51.17" },
  },
  {
    id: "stenosis_without_claudication",
    label: "Spinal stenosis, lumbar region, without neurogenic claudication",
    patientLabel: "Narrowing of the spinal canal in your lower back",
    codesByRegion: { lumbar: "M48.061", lumbosacral: null },
    codeNote: LUMBOSACRAL_IN_EHR,
  },
  {
    id: "stenosis_with_claudication",
    label: "Spinal stenosis, lumbar region, with neurogenic claudication",
    patientLabel: "Narrowing of the spinal canal in your lower back, causing leg pain when you walk",
    codesByRegion: { lumbar: "M48.062", lumbosacral: null },
    codeNote: LUMBOSACRAL_IN_EHR,
  },
  {
    id: "spondylolisthesis",
    label: "Spondylolisthesis, lumbar region",
    patientLabel: "One bone in your lower back has slipped forward over the one below",
    codesByRegion: { lumbar: "M43.16", lumbosacral: null },
    codeNote: LUMBOSACRAL_IN_EHR,
  },
  {
    id: "degenerative_disc_disease",
    label: "Degenerative disc disease, lumbar",
    patientLabel: "Wear of the discs in your lower back",
    code: null,
    codeNote: CODE_IN_EHR,
  },
  {
    id: "piriformis_syndrome",
    label: "Lesion of sciatic nerve (piriformis syndrome)",
    patientLabel: "The sciatic nerve squeezed by a muscle deep in the buttock (piriformis)",
    codesBySide: { right: "G57.01", left: "G57.02", both: "G57.03" },
  },
  {
    id: "trauma",
    label: "Injury (e.g. fall, road traffic accident)",
    patientLabel: "An injury to your back",
    code: null,
    codeNote: CODE_IN_EHR,
  },
  {
    id: "sciatica_cause_unknown",
    label: "Sciatica, cause not established",
    patientLabel: "Sciatica without a clear cause found",
    // ICD-10-CM has no bilateral sciatica code: M54.30 is "unspecified side", the closest fit.
    codesBySide: { right: "M54.31", left: "M54.32", both: "M54.30" },
  },
  {
    id: "lumbago_with_sciatica",
    label: "Lumbago with sciatica",
    patientLabel: "Low back pain with sciatica",
    // As above: no bilateral code in M54.4-; M54.40 is "unspecified side".
    codesBySide: { right: "M54.41", left: "M54.42", both: "M54.40" },
  },
];

export function diagnosisById(id: DiagnosisId): Diagnosis {
  const diagnosis = diagnoses.find((d) => d.id === id);
  if (!diagnosis) throw new Error(`Unknown diagnosis: ${id}`);
  return diagnosis;
}

/** Whether the code depends on the region, so the form must ask for it. */
export function needsRegion(id: DiagnosisId): boolean {
  return "codesByRegion" in diagnosisById(id);
}

// Coding convention: the L5–S1 disc sits at the lumbosacral junction; the others are lumbar.
export function regionForLevel(level: SuspectedLevel): SpinalRegion {
  return level === "L5-S1" ? "lumbosacral" : "lumbar";
}

/**
 * The ICD-10-CM code for a diagnosis on a side, or null when none can be given here: a cause
 * the physician codes in the EHR, or a region-coded diagnosis whose region is unknown or has no
 * verified code. The region follows from the suspected level (`regionForLevel`).
 */
export function icd10For(id: DiagnosisId, side: SymptomSide, region?: SpinalRegion): string | null {
  const diagnosis = diagnosisById(id);
  if ("codesBySide" in diagnosis) return diagnosis.codesBySide[side];
  if ("codesByRegion" in diagnosis) return region ? diagnosis.codesByRegion[region] : null;
  return diagnosis.code;
}

/** Why `icd10For` gave no code, to show next to the empty code field. */
export function codeNoteFor(id: DiagnosisId, region?: SpinalRegion): string | null {
  const diagnosis = diagnosisById(id);
  if ("codesByRegion" in diagnosis) {
    if (!region) return "Choose the suspected level to see the code.";
    return diagnosis.codesByRegion[region] === null ? (diagnosis.codeNote ?? CODE_IN_EHR) : null;
  }
  return "codeNote" in diagnosis ? diagnosis.codeNote : null;
}
