import { describe, expect, it } from "vitest";
import {
  codeNoteFor,
  confirmationMethods,
  DIAGNOSIS_IDS,
  diagnoses,
  icd10For,
  needsRegion,
  regionForLevel,
  sciaticaSnomed,
  suspectedLevels,
  type DiagnosisId,
  type SpinalRegion,
  type SuspectedLevel,
} from "@/lib/domain/diagnoses";
import type { SymptomSide } from "@/lib/domain/exam";

describe("icd10For: ICD-10-CM codes (DOMAIN.md §4)", () => {
  it.each<[DiagnosisId, SymptomSide, SpinalRegion | undefined, string | null]>([
    // Disc disorder with radiculopathy: by region, whatever the side.
    ["disc_radiculopathy", "left", "lumbar", "M51.16"],
    ["disc_radiculopathy", "right", "lumbar", "M51.16"],
    ["disc_radiculopathy", "both", "lumbar", "M51.16"],
    ["disc_radiculopathy", "left", "lumbosacral", "M51.17"],
    ["disc_radiculopathy", "both", "lumbosacral", "M51.17"],
    ["disc_radiculopathy", "left", undefined, null],
    // Lumbar spinal stenosis, without / with neurogenic claudication.
    ["stenosis_without_claudication", "left", "lumbar", "M48.061"],
    ["stenosis_without_claudication", "both", "lumbar", "M48.061"],
    ["stenosis_with_claudication", "right", "lumbar", "M48.062"],
    ["stenosis_with_claudication", "both", "lumbar", "M48.062"],
    ["stenosis_with_claudication", "both", "lumbosacral", null],
    ["spondylolisthesis", "left", "lumbar", "M43.16"],
    ["spondylolisthesis", "both", "lumbar", "M43.16"],
    ["spondylolisthesis", "left", "lumbosacral", null],
    // Lesion of sciatic nerve (piriformis syndrome): one code per side, including bilateral.
    ["piriformis_syndrome", "right", undefined, "G57.01"],
    ["piriformis_syndrome", "left", undefined, "G57.02"],
    ["piriformis_syndrome", "both", undefined, "G57.03"],
    // Sciatica, cause not established: no bilateral code, so "both" is "unspecified side".
    ["sciatica_cause_unknown", "right", undefined, "M54.31"],
    ["sciatica_cause_unknown", "left", undefined, "M54.32"],
    ["sciatica_cause_unknown", "both", undefined, "M54.30"],
    // Lumbago with sciatica: same.
    ["lumbago_with_sciatica", "right", undefined, "M54.41"],
    ["lumbago_with_sciatica", "left", undefined, "M54.42"],
    ["lumbago_with_sciatica", "both", undefined, "M54.40"],
    // Codes to be verified are never guessed.
    ["degenerative_disc_disease", "left", "lumbar", null],
    ["degenerative_disc_disease", "both", "lumbosacral", null],
    ["trauma", "right", undefined, null],
  ])("%s, %s side, %s region → %s", (id, side, region, code) => {
    expect(icd10For(id, side, region)).toBe(code);
  });
});

describe("diagnosis list", () => {
  it("lists every cause once", () => {
    expect(diagnoses.map((d) => d.id)).toEqual([...DIAGNOSIS_IDS]);
  });

  it.each<DiagnosisId>(["degenerative_disc_disease", "trauma"])("%s has no code and tells the physician to code it in the EHR", (id) => {
    const diagnosis = diagnoses.find((d) => d.id === id);
    expect(diagnosis).toMatchObject({ code: null, codeNote: expect.stringContaining("EHR") });
    expect(codeNoteFor(id)).toContain("EHR");
  });

  it.each<[DiagnosisId, SpinalRegion | undefined, string | null]>([
    ["disc_radiculopathy", undefined, "Choose the suspected level to see the code."],
    ["disc_radiculopathy", "lumbosacral", null],
    ["spondylolisthesis", "lumbosacral", "No verified code for the lumbosacral region (L5-S1): code this in the EHR."],
    ["spondylolisthesis", "lumbar", null],
    ["piriformis_syndrome", undefined, null],
  ])("codeNoteFor(%s, %s) is %j", (id, region, note) => {
    expect(codeNoteFor(id, region)).toBe(note);
  });

  it.each<[DiagnosisId, boolean]>([
    ["disc_radiculopathy", true],
    ["stenosis_without_claudication", true],
    ["spondylolisthesis", true],
    ["piriformis_syndrome", false],
    ["sciatica_cause_unknown", false],
    ["trauma", false],
  ])("needsRegion(%s) is %s", (id, expected) => {
    expect(needsRegion(id)).toBe(expected);
  });

  it("gives every diagnosis a label for the physician and one for the patient", () => {
    for (const d of diagnoses) {
      expect(d.label.length).toBeGreaterThan(0);
      expect(d.patientLabel.length).toBeGreaterThan(0);
    }
  });
});

describe("recording the diagnosis", () => {
  it.each<[SuspectedLevel, SpinalRegion, string]>([
    ["L3-L4", "lumbar", "M51.16"],
    ["L4-L5", "lumbar", "M51.16"],
    ["L5-S1", "lumbosacral", "M51.17"],
  ])("a disc at %s is %s: %s", (level, region, code) => {
    expect(regionForLevel(level)).toBe(region);
    expect(icd10For("disc_radiculopathy", "left", regionForLevel(level))).toBe(code);
  });

  it("offers the suspected levels and the ways it was confirmed", () => {
    expect(suspectedLevels).toEqual(["L3-L4", "L4-L5", "L5-S1"]);
    expect(confirmationMethods).toEqual(["clinical", "imaging"]);
  });

  it("codes sciatica in SNOMED CT as 23056005", () => {
    expect(sciaticaSnomed).toEqual({ system: "http://snomed.info/sct", code: "23056005", display: "Sciatica" });
  });
});
