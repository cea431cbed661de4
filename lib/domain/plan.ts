import { z } from "zod";
import type { Permission } from "./care-state";
import {
  analgesicClasses,
  checkMedication,
  currentMedicineNotices,
  type CurrentMedicineClass,
  type DrugClass,
  type MedicationCheck,
  type PatientMedicineRisk,
} from "./medication-guardrails";
import { ceilingsFor, dailyMg, type DoseCeiling } from "./medication-ceilings";
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
import { addDays, type LocalDate } from "./schedule";

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
  .refine((item) => item.dose.kind === doseKindFor(catalogueEntry(item.catalogueId).category), {
    path: ["dose"],
    message: "This dose does not fit this kind of item.",
    // Judged whenever the two fields it compares are readable, even if others failed, so every
    // problem of an item comes back in one answer (zod skips it otherwise).
    when: ({ value }) => {
      const item = value as { catalogueId?: unknown; dose?: { kind?: unknown } } | null;
      return CATALOGUE_IDS.includes(item?.catalogueId as CatalogueId) && typeof item?.dose?.kind === "string";
    },
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
  /** The clearance in force, from the care state: running never goes beyond it. */
  permission: Permission;
  /** Sciatica lasting 12 weeks or more changes the opioid advice (NICE NG59). */
  chronic: boolean;
  patient: PatientMedicineRisk;
  /** Medicines the history says the patient already takes for their sciatica. */
  currentMedicines: readonly CurrentMedicineClass[];
  /** The patient's today. */
  today: LocalDate;
  /** The version being replaced; null for the first plan. Date limits apply to what changes. */
  previous: Plan | null;
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
  /** Things the prescriber should know that do not block the save. */
  notices: string[];
}

/** A plan starts no earlier than this many days back (a plan is written for what comes next). */
export const PLAN_START_MAX_DAYS_BACK = 7;
export const PLAN_START_MAX_DAYS_AHEAD = 30;
/** Goals may fall this far past the course's end: a product margin for a slow last week. */
export const GOAL_MARGIN_DAYS = 14;

export function planEndDate(plan: Pick<Plan, "startDate" | "courseWeeks">): LocalDate {
  return addDays(plan.startDate, plan.courseWeeks * 7 - 1);
}

type ItemsOnly = { items: readonly Pick<PlanItem, "catalogueId" | "dose">[] };

/** The running limits a plan is held to: the clearance in force, none after healing, and none while paused (running then shows paused). */
export function runningClearanceOf(permission: Permission): RunningClearance {
  if (permission.status === "cleared") return { level: permission.level, restrictions: permission.restrictions };
  return { level: permission.status === "return_to_training" ? "full" : "not_cleared", restrictions: null };
}

function medicineClasses(plan: ItemsOnly, exceptIndex: number): DrugClass[] {
  return plan.items.flatMap((item, i) => (i !== exceptIndex && item.dose.kind === "medicine" ? analgesicClasses(item.dose) : []));
}

/** The guardrail check of one medicine item, with the rest of the plan and the patient in view. */
export function checkPlanMedicine(plan: ItemsOnly, index: number, context: Pick<PlanContext, "chronic" | "patient">): MedicationCheck | null {
  const item = plan.items[index];
  if (!item || item.dose.kind !== "medicine") return null;
  return checkMedication({
    dose: item.dose,
    prescribed: catalogueEntry(item.catalogueId).category === "prescription_medicine",
    chronic: context.chronic,
    patient: context.patient,
    otherClasses: medicineClasses(plan, index),
  });
}

/**
 * The rules a plan must meet beyond its shape: running never beyond the clearance in force, a
 * recorded justification for any medicine the guardrails warn about (NICE NG59, dose ceilings),
 * and dates inside their bounds. Every problem of the draft is returned at once.
 */
export function reviewPlan(plan: Plan, context: PlanContext): PlanReview {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (fieldErrors[path] ??= []).push(message);
  const medications: MedicationFinding[] = [];
  const notices = currentMedicineNotices(context.currentMedicines);
  const end = planEndDate(plan);
  const { permission, today, previous } = context;

  if (!previous || previous.startDate !== plan.startDate) {
    if (plan.startDate < addDays(today, -PLAN_START_MAX_DAYS_BACK)) add("startDate", `A plan can start at most ${PLAN_START_MAX_DAYS_BACK} days ago, on ${addDays(today, -PLAN_START_MAX_DAYS_BACK)} or later.`);
    if (plan.startDate > addDays(today, PLAN_START_MAX_DAYS_AHEAD)) add("startDate", `A plan can start at most ${PLAN_START_MAX_DAYS_AHEAD} days ahead.`);
  }
  plan.goals.forEach((goal, i) => {
    if (goal.targetDate < plan.startDate) add(`goals.${i}.targetDate`, "Set the target on or after the plan's start date.");
    else if (goal.targetDate > addDays(end, GOAL_MARGIN_DAYS)) add(`goals.${i}.targetDate`, `Set the target inside the course, by ${addDays(end, GOAL_MARGIN_DAYS)} at the latest.`);
  });
  plan.items.forEach((item, i) => {
    if (item.dose.kind === "running") {
      if (permission.status === "cleared") {
        for (const problem of runningDoseWithinClearance(item.dose, { level: permission.level, restrictions: permission.restrictions })) {
          add(`items.${i}.dose${problem.field ? `.${problem.field}` : ""}`, problem.message);
        }
      } else if (permission.status === "paused" && !notices.some((n) => n.startsWith("Running is paused"))) {
        notices.push("Running is paused: no clearance is in force, so the patient sees running as paused until one is.");
      }
    }
    if (item.dose.kind === "medicine") {
      const check = checkPlanMedicine(plan, i, context)!;
      medications.push({ itemKey: item.key, drug: item.dose.drug, check });
      if (check.requiresJustification && item.justification === "") {
        const why = check.warnings.join(" ");
        add(`items.${i}.justification`, /Record /.test(why) ? why : `${why} Record why you are prescribing it anyway.`);
      }
      if (item.dose.startDate < plan.startDate || item.dose.startDate > end) add(`items.${i}.dose.startDate`, `Start the medicine within the plan, between ${plan.startDate} and ${end}.`);
    }
  });
  for (const total of combinedDailyBreaches(plan)) {
    for (const i of total.itemIndexes) {
      if (plan.items[i]!.justification === "") add(`items.${i}.justification`, `${total.message} Record why you are prescribing it anyway.`);
    }
  }
  return { fieldErrors, medications, notices };
}

/**
 * DOMAIN.md §7 and §10.5: a ceiling holds for what the plan gives in a day, not item by item.
 * Two items of one ingredient (ibuprofen 400 mg three times a day, twice) can each be under the
 * ceiling and together above it; each such item then needs a recorded reason.
 */
function combinedDailyBreaches(plan: ItemsOnly): { itemIndexes: number[]; message: string }[] {
  const byIngredient = new Map<string, { ceiling: DoseCeiling; indexes: number[]; mg: number; prescribed: boolean }>();
  plan.items.forEach((item, i) => {
    if (item.dose.kind !== "medicine") return;
    const [ceiling, ...others] = ceilingsFor(item.dose.drug);
    if (!ceiling || others.length > 0) return;
    const entry = byIngredient.get(ceiling.ingredient) ?? { ceiling, indexes: [], mg: 0, prescribed: false };
    entry.indexes.push(i);
    entry.mg += dailyMg(item.dose);
    entry.prescribed ||= catalogueEntry(item.catalogueId).category === "prescription_medicine";
    byIngredient.set(ceiling.ingredient, entry);
  });
  return [...byIngredient.values()]
    .filter((e) => e.indexes.length > 1)
    .flatMap(({ ceiling, indexes, mg, prescribed }) => {
      const max = prescribed && ceiling.prescribedDailyMaxMg ? ceiling.prescribedDailyMaxMg : ceiling.dailyMaxMg;
      if (mg <= max) return [];
      return [{ itemIndexes: indexes, message: `Together, the plan's ${indexes.length} ${ceiling.ingredient} items give ${mg.toLocaleString("en-US")} mg a day, above the usual ceiling of ${max.toLocaleString("en-US")} mg (${ceiling.source}).` }];
    });
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

/**
 * The parts of a draft that pass the schema, so the rules can judge them even while other parts
 * are refused: the physician then sees every problem of the draft in one answer, not in rounds
 * (schema first, then the clearance and guardrails). `items` and `goals` keep each kept row's
 * index in the draft as sent.
 */
export interface PartialPlan {
  plan: Plan;
  itemIndexes: number[];
  goalIndexes: number[];
  /** False when the start date or course length failed: date rules are then left for later. */
  datesValid: boolean;
}

export function partialPlanOf(input: unknown, today: LocalDate): PartialPlan {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const start = planSchema.shape.startDate.safeParse(raw.startDate);
  const weeks = planSchema.shape.courseWeeks.safeParse(raw.courseWeeks);
  const kept = <T>(list: unknown, schema: z.ZodType<T>) =>
    (Array.isArray(list) ? list : []).flatMap((value: unknown, index) => {
      const parsed = schema.safeParse(value);
      return parsed.success ? [{ value: parsed.data, index }] : [];
    });
  const items = kept(raw.items, planItemSchema);
  const goals = kept(raw.goals, planGoalSchema);
  return {
    plan: {
      startDate: start.success ? start.data : today,
      courseWeeks: weeks.success ? weeks.data : 1,
      goals: goals.map((g) => g.value),
      items: items.map((i) => i.value),
    },
    itemIndexes: items.map((i) => i.index),
    goalIndexes: goals.map((g) => g.index),
    datesValid: start.success && weeks.success,
  };
}

const DATE_RULE = /^(startDate|goals\.\d+\.targetDate|items\.\d+\.dose\.startDate)$/;

/** reviewPlan on the parts that parsed, its error paths put back on the rows as sent. */
export function reviewPartialPlan(partial: PartialPlan, context: PlanContext): Record<string, string[]> {
  const { fieldErrors } = reviewPlan(partial.plan, context);
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    if (!partial.datesValid && DATE_RULE.test(path)) continue;
    const sent = path.replace(/^(items|goals)\.(\d+)(?=\.|$)/, (_, list: string, index: string) =>
      `${list}.${(list === "items" ? partial.itemIndexes : partial.goalIndexes)[Number(index)]}`,
    );
    (out[sent] ??= []).push(...messages);
  }
  return out;
}
