import { z } from "zod";
import { checkMedication, type MedicationCheck } from "./medication-guardrails";
import {
  catalogue,
  catalogueEntry,
  describeDose,
  doseKindFor,
  doseSchema,
  runningDoseWithinClearance,
  type CatalogueId,
  type Dose,
  type RunningClearance,
} from "./plan-catalogue";

/**
 * A care plan version: what the patient does for the next weeks (DOMAIN.md §1, §7). Items keep
 * a stable `key` across versions so a change of dose reads as a change, not a remove and add.
 */

const CATALOGUE_IDS = catalogue.map((e) => e.id) as [CatalogueId, ...CatalogueId[]];

export const planItemSchema = z
  .object({
    key: z.uuid("Each item needs an identifier."),
    catalogueId: z.enum(CATALOGUE_IDS, "Choose an item from the catalogue."),
    dose: doseSchema,
    instructions: z.string().trim().min(1, "Write the instructions the patient will read.").max(1500, "Keep instructions under 1,500 characters."),
    /** Why a medicine the guardrails warn about is prescribed anyway (NICE NG59). */
    justification: z.string().trim().max(1500, "Keep the justification under 1,500 characters.").default(""),
  })
  .superRefine((item, ctx) => {
    if (item.dose.kind !== doseKindFor(catalogueEntry(item.catalogueId).category)) {
      ctx.addIssue({ code: "custom", path: ["dose"], message: "This dose does not fit this kind of item." });
    }
  });
export type PlanItem = z.output<typeof planItemSchema>;

export const planGoalSchema = z.object({
  description: z.string().trim().min(3, "Describe the goal.").max(300, "Keep the goal under 300 characters."),
  targetDate: z.iso.date("Enter a target date."),
});
export type PlanGoalEntry = z.output<typeof planGoalSchema>;

export const planSchema = z.object({
  startDate: z.iso.date("Enter the date the plan starts."),
  courseWeeks: z.number("Enter the course length in weeks.").int().min(1, "At least 1 week.").max(26, "At most 26 weeks."),
  goals: z.array(planGoalSchema).max(10, "At most 10 goals."),
  items: z.array(planItemSchema).min(1, "Add at least one item to the plan.").max(40, "At most 40 items."),
});
export type Plan = z.output<typeof planSchema>;

export interface PlanContext {
  clearance: RunningClearance;
  /** Sciatica lasting 12 weeks or more changes the opioid advice (NICE NG59). */
  chronic: boolean;
}

export interface MedicationFinding {
  itemKey: string;
  drug: string;
  check: MedicationCheck;
}

export interface PlanReview {
  /** Refusals, keyed by the field they belong to (e.g. `items.3.dose.minutesPerRun`). */
  fieldErrors: Record<string, string[]>;
  /** Guardrail findings for every medicine item, advice included, to show beside it. */
  medications: MedicationFinding[];
}

/**
 * The rules a plan must meet beyond its shape: running never beyond the clearance, and a
 * recorded justification for any medicine NICE NG59 advises against for sciatica.
 */
export function reviewPlan(plan: Plan, context: PlanContext): PlanReview {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (fieldErrors[path] ??= []).push(message);
  const medications: MedicationFinding[] = [];
  plan.items.forEach((item, i) => {
    if (item.dose.kind === "running") {
      for (const problem of runningDoseWithinClearance(item.dose, context.clearance)) {
        add(`items.${i}.dose${problem.field ? `.${problem.field}` : ""}`, problem.message);
      }
    }
    if (item.dose.kind === "medicine") {
      const check = checkMedication({ drug: item.dose.drug, maxDays: item.dose.maxDays, chronic: context.chronic });
      medications.push({ itemKey: item.key, drug: item.dose.drug, check });
      if (check.requiresJustification && item.justification === "") {
        add(`items.${i}.justification`, `${check.reasons.join(" ")} Record why you are prescribing it anyway.`);
      }
    }
  });
  return { fieldErrors, medications };
}

/** The item's name as the patient reads it: a medicine by its drug. */
export function itemName(item: Pick<PlanItem, "catalogueId" | "dose">): string {
  return item.dose.kind === "medicine" && item.dose.drug ? item.dose.drug : catalogueEntry(item.catalogueId).name;
}

// Stored plans come back from jsonb with their keys reordered, so compare by content.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function sameDose(a: Dose, b: Dose): boolean {
  return canonical(a) === canonical(b);
}

/** What changed from one version to the next, in words for the history. */
export function describeChanges(before: Plan | null, after: Plan): string[] {
  if (!before) return [`First plan: ${after.items.length} items over ${after.courseWeeks} weeks.`];
  const changes: string[] = [];
  const old = new Map(before.items.map((i) => [i.key, i]));
  const next = new Map(after.items.map((i) => [i.key, i]));
  for (const item of after.items) {
    const was = old.get(item.key);
    if (!was) changes.push(`Added ${itemName(item)} (${describeDose(item.dose)}).`);
    else if (!sameDose(was.dose, item.dose)) changes.push(`Changed ${itemName(item)}: ${describeDose(was.dose)} → ${describeDose(item.dose)}.`);
    else if (was.instructions !== item.instructions) changes.push(`Reworded the instructions for ${itemName(item)}.`);
  }
  for (const item of before.items) if (!next.has(item.key)) changes.push(`Removed ${itemName(item)}.`);
  if (before.courseWeeks !== after.courseWeeks) changes.push(`Course ${before.courseWeeks} → ${after.courseWeeks} weeks.`);
  if (before.startDate !== after.startDate) changes.push(`Start date ${before.startDate} → ${after.startDate}.`);
  if (canonical(before.goals) !== canonical(after.goals)) changes.push("Goals changed.");
  return changes.length ? changes : ["Saved with no changes."];
}
