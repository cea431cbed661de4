import { DIAGNOSIS_IDS, codeNoteFor, diagnosisById, icd10For, regionForLevel, suspectedLevels } from "@/lib/domain/diagnoses";
import { SYMPTOM_SIDES } from "@/lib/domain/exam";

/**
 * What the ICD-10-CM box shows while the physician fills the form: the code the server will
 * store (recordDiagnosis derives it with the same functions), or why there is none yet.
 */
export function codePreview(condition: string, side: string, level: string): string {
  const id = DIAGNOSIS_IDS.find((d) => d === condition);
  if (!id) return "Choose a condition to see the code.";
  const chosenSide = SYMPTOM_SIDES.find((s) => s === side);
  const chosenLevel = suspectedLevels.find((l) => l === level);
  const region = chosenLevel ? regionForLevel(chosenLevel) : undefined;
  if ("codesBySide" in diagnosisById(id)) {
    if (!chosenSide) return "Choose the side to see the code.";
    return icd10For(id, chosenSide, region) ?? "No code for this side.";
  }
  // Not coded by side: any side gives the same answer.
  return icd10For(id, chosenSide ?? "both", region) ?? codeNoteFor(id, region) ?? "No code can be suggested here.";
}
