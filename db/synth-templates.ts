/**
 * The JSON the synthetic clinic writes, built once in Node by the app's own domain code (the demo
 * seed's helpers and the zod schemas), so every exam, plan, clearance and questionnaire the SQL
 * copies is one the app parses. The SQL only fills in dates and picks a variant per patient.
 */
import { createHash } from "node:crypto";
import { icd10For, regionForLevel, type DiagnosisId, type SuspectedLevel } from "../lib/domain/diagnoses";
import { planSchema, type Plan, type PlanItem } from "../lib/domain/plan";
import { catalogueEntry, planTemplates, runningDoseForClearance, type CatalogueId, type Dose } from "../lib/domain/plan-catalogue";
import { patientRedFlagIds, redFlags, type RedFlagId } from "../lib/domain/red-flags";
import { startBack, type StartBackAnswers } from "../lib/domain/scores";
import { stageCap } from "../lib/domain/walk-run";
import { demoExam, examColumns, restrictionsOf } from "./seed-clinical";

export const PATTERNS = ["L4", "L5", "S1", "piriformis", "stenosis", "none"] as const;
export const SIDES = ["left", "right"] as const;
/** Pain at the exam: 0–8 (above that the synthetic clinic sends nobody home). */
export const PAINS = 9;
/** Red flags found at an exam: none, cauda equina (emergency tier), signs of infection (urgent tier). */
export const EXAM_FLAGS: RedFlagId[][] = [[], ["saddle_numbness", "bladder_dysfunction"], ["fever", "recent_infection"]];

/** A placeholder the SQL replaces with each patient's onset date. */
const ONSET = "2000-01-01";

/** A version-4-shaped UUID from a name: the same keys on every run (plan item keys must be RFC UUIDs). */
export function namedUuid(name: string): string {
  const hex = createHash("sha256").update(`runclear-synth:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The index of an exam variant, as the SQL computes it from pattern, side, pain and flags. */
export function examIndex(pattern: number, side: number, pain: number, flags: number): number {
  return ((pattern * SIDES.length + side) * PAINS + pain) * EXAM_FLAGS.length + flags;
}

function examTemplates() {
  const out: { idx: number; signed: unknown; draft: unknown; painNow: number; hasMotorDeficit: boolean; redFlags: string[]; suggestedLevel: string | null }[] = [];
  PATTERNS.forEach((pattern, p) =>
    SIDES.forEach((side, s) => {
      for (let pain = 0; pain < PAINS; pain++) {
        EXAM_FLAGS.forEach((flags, f) => {
          const findings = demoExam(pattern, side, pain, ONSET, flags);
          const columns = examColumns(findings);
          out.push({
            idx: examIndex(p, s, pain, f),
            signed: findings,
            draft: { history: findings.history, redFlags: findings.redFlags },
            painNow: columns.painNow,
            hasMotorDeficit: columns.hasMotorDeficit,
            redFlags: columns.redFlags,
            suggestedLevel: columns.suggestedLevel ?? null,
          });
        });
      }
    }),
  );
  return out;
}

/** The diagnosis each exam pattern points to, per side (DOMAIN.md §4). */
const DIAGNOSIS_OF: Record<(typeof PATTERNS)[number], { condition: DiagnosisId; level: SuspectedLevel | null }> = {
  L4: { condition: "disc_radiculopathy", level: "L3-L4" },
  L5: { condition: "disc_radiculopathy", level: "L4-L5" },
  S1: { condition: "disc_radiculopathy", level: "L5-S1" },
  piriformis: { condition: "piriformis_syndrome", level: null },
  stenosis: { condition: "stenosis_with_claudication", level: "L4-L5" },
  none: { condition: "sciatica_cause_unknown", level: null },
};

function diagnosisTemplates() {
  return PATTERNS.flatMap((pattern, p) =>
    SIDES.map((side, s) => {
      const d = DIAGNOSIS_OF[pattern];
      return { pattern: p, side: s, condition: d.condition, level: d.level, icd10: icd10For(d.condition, side, d.level ? regionForLevel(d.level) : undefined) };
    }),
  );
}

/** Limits a restricted clearance carries; the walk/run stage never goes past the cap they allow. */
export const RESTRICTIONS = [
  restrictionsOf({ maxRunMinutes: 20, runsPerWeek: 3, maxEffortRpe: 4, painCeiling: 3, flatGroundOnly: true, noSpeedWork: true, notes: "Walk 5 minutes before and after each run." }),
  restrictionsOf({ maxRunMinutes: 30, runsPerWeek: 4, weeklyDistanceKm: 20, maxEffortRpe: 5, painCeiling: 3 }),
  restrictionsOf({ maxRunMinutes: 25, runsPerWeek: 3, maxEffortRpe: 5, flatGroundOnly: true }),
  restrictionsOf({ maxRunMinutes: 20, runsPerWeek: 3, painCeiling: 3, noSpeedWork: true }),
];

/** Which plan template each exam pattern starts from, without and with a therapist. */
export const TEMPLATE_OF: Record<(typeof PATTERNS)[number], [string, string]> = {
  L4: ["disc-herniation-self-care", "disc-herniation-physical-therapy"],
  L5: ["disc-herniation-self-care", "disc-herniation-physical-therapy"],
  S1: ["disc-herniation-self-care", "disc-herniation-physical-therapy"],
  piriformis: ["piriformis-self-care", "piriformis-self-care"],
  stenosis: ["stenosis-physical-therapy", "stenosis-physical-therapy"],
  none: ["disc-herniation-self-care", "disc-herniation-self-care"],
};

function item(templateId: string, index: number, catalogueId: CatalogueId, dose?: Dose): PlanItem {
  const entry = catalogueEntry(catalogueId);
  return { key: namedUuid(`plan:${templateId}:${index}`), catalogueId, dose: dose ?? entry.defaultDose, instructions: entry.instruction, justification: "" };
}

/**
 * Per template: version 1 as written, version 2 with running added within each restriction
 * variant's limits (when first cleared), version 3 with the walk lengthened (a later review).
 * Dates are placeholders: the SQL sets the start date and the goals' target dates.
 */
function planVersions() {
  const out: { template: string; restriction: number; version: number; plan: Plan; changes: string[] }[] = [];
  for (const template of planTemplates) {
    const v1 = planSchema.parse({
      startDate: ONSET,
      courseWeeks: template.courseWeeks,
      goals: template.goals.map((g) => ({ description: g.description, targetDate: ONSET })),
      items: template.items.map((i, n) => item(template.id, n, i.catalogueId, i.dose)),
    });
    out.push({ template: template.id, restriction: -1, version: 1, plan: v1, changes: [] });
    RESTRICTIONS.forEach((r, n) => {
      const running = runningDoseForClearance({ level: "restricted", restrictions: r });
      if (!running) throw new Error(`synthetic clinic: restriction ${n} allows no running`);
      const v2 = planSchema.parse({ ...v1, items: [...v1.items, item(template.id, 100, "running", running)] });
      const v3 = planSchema.parse({
        ...v2,
        items: v2.items.map((i) => (i.catalogueId === "brisk-walk" ? { ...i, dose: { kind: "walking", minutes: 40, timesPerDay: 1, daysPerWeek: 5 } } : i)),
      });
      out.push({ template: template.id, restriction: n, version: 2, plan: v2, changes: ["Added Running."] });
      out.push({ template: template.id, restriction: n, version: 3, plan: v3, changes: ["Brisk walk: dose changed."] });
    });
  }
  return out;
}

/** The plan items a patient ticks off at home (not advice, not the run itself), per template. */
function loggableKeys() {
  return planTemplates.map((t) => ({
    template: t.id,
    keys: t.items.flatMap((i, n) => (i.dose.kind !== "advice" && i.dose.kind !== "running" ? [namedUuid(`plan:${t.id}:${n}`)] : [])),
  }));
}

const START_BACK: StartBackAnswers[] = [
  { agree: [true, false, false, false, false, false, false, false], bothersome: "slightly" },
  { agree: [true, true, true, true, true, false, false, false], bothersome: "moderately" },
  { agree: [true, false, true, false, true, true, true, true], bothersome: "very_much" },
];

/** A check-in's red-flag answers: none, or one flag the patient may report, of each tier. */
function checkInAnswers() {
  const tierOf = (id: RedFlagId) => redFlags.find((f) => f.id === id)!.tier;
  const emergency = patientRedFlagIds.find((id) => tierOf(id) === "emergency")!;
  const urgent = patientRedFlagIds.find((id) => tierOf(id) === "urgent")!;
  const answers = (flag: RedFlagId | null) => Object.fromEntries(patientRedFlagIds.map((id) => [id, id === flag]));
  return { none: answers(null), flagged: [emergency, urgent].map((flag) => ({ flag, answers: answers(flag) })) };
}

export function synthTemplates() {
  return {
    exams: examTemplates(),
    diagnoses: diagnosisTemplates(),
    restrictions: RESTRICTIONS.map((r, n) => ({ idx: n, restrictions: r, stageCap: stageCap(r) })),
    plans: planVersions(),
    loggable: loggableKeys(),
    startBack: START_BACK.map((answers, n) => {
      const score = startBack(answers);
      return { idx: n, answers, total: score.total, psychosocial: score.psychosocial };
    }),
    checkIns: checkInAnswers(),
  };
}

export type SynthTemplates = ReturnType<typeof synthTemplates>;
