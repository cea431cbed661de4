import { checkMedication } from "@/lib/domain/medication-guardrails";
import { itemName, type Plan, type PlanContext } from "@/lib/domain/plan";
import { catalogueEntry, planTemplates, runningDoseForClearance, type CatalogueId, type Dose, type PlanGoal, type PlanTemplate } from "@/lib/domain/plan-catalogue";
import { courseEndDate } from "./course";

/**
 * The plan as the editor holds it. Numbers a physician has cleared stay NaN rather than turning
 * into 0, so they reach the server as null and come back with the schema's "must be a number".
 */
export interface DraftItem {
  key: string;
  catalogueId: CatalogueId;
  dose: Dose;
  instructions: string;
  justification: string;
}

/** `key` exists only in the browser, so React can tell goal rows apart; it is never saved. */
export interface DraftGoal {
  key: string;
  description: string;
  targetDate: string;
}

export interface PlanDraft {
  startDate: string;
  courseWeeks: number;
  goals: DraftGoal[];
  items: DraftItem[];
}

// The middle of the usual 4–8 weeks (DOMAIN.md §1), for a plan written from nothing.
const DEFAULT_COURSE_WEEKS = 6;

export function draftFromPlan(plan: Plan | null, today: string): PlanDraft {
  if (!plan) return { startDate: today, courseWeeks: DEFAULT_COURSE_WEEKS, goals: [], items: [] };
  return {
    startDate: plan.startDate,
    courseWeeks: plan.courseWeeks,
    // Saved goals carry no key; their saved order is stable until the physician edits it.
    goals: plan.goals.map((goal, i) => ({ key: `saved-${i}`, ...goal })),
    items: plan.items.map((item) => ({ ...item, dose: { ...item.dose } })),
  };
}

export function newItem(catalogueId: CatalogueId, dose: Dose): DraftItem {
  return { key: crypto.randomUUID(), catalogueId, dose: { ...dose }, instructions: catalogueEntry(catalogueId).instruction, justification: "" };
}

/** A catalogue item as it starts in a plan; running starts at the clearance's limits, and null when not cleared. */
export function itemFromCatalogue(catalogueId: CatalogueId, context: PlanContext): DraftItem | null {
  const entry = catalogueEntry(catalogueId);
  if (entry.category !== "running") return newItem(catalogueId, entry.defaultDose);
  const dose = runningDoseForClearance(context.clearance);
  return dose ? newItem(catalogueId, dose) : null;
}

function goalsFrom(goals: readonly PlanGoal[], targetDate: string): DraftGoal[] {
  return goals.map((goal) => ({ key: crypto.randomUUID(), description: goal.description, targetDate }));
}

/** Replaces items, goals and course length; the start date is the physician's to keep. */
export function applyTemplate(draft: PlanDraft, template: PlanTemplate): PlanDraft {
  const target = courseEndDate(draft.startDate, template.courseWeeks) ?? "";
  return {
    ...draft,
    courseWeeks: template.courseWeeks,
    goals: goalsFrom(template.goals, target),
    items: template.items.map((item) => newItem(item.catalogueId, item.dose)),
  };
}

// Every template shares the return-to-running recovery goals (DOMAIN.md §5–6), so any one supplies them.
const USUAL_GOALS = planTemplates[0]?.goals ?? [];

/** The usual recovery goals, due at the end of the course. */
export function withUsualGoals(draft: PlanDraft): PlanDraft {
  return { ...draft, goals: [...draft.goals, ...goalsFrom(USUAL_GOALS, courseEndDate(draft.startDate, draft.courseWeeks) ?? "")] };
}

function needsJustification(dose: Dose, chronic: boolean): boolean {
  return dose.kind === "medicine" && checkMedication({ drug: dose.drug, maxDays: dose.maxDays, chronic }).requiresJustification;
}

/**
 * The JSON the save form sends. A justification is sent only while the guardrails ask for one,
 * so reasons typed for a drug since replaced are not recorded against the new one.
 */
export function serializeDraft(draft: PlanDraft, chronic: boolean): string {
  return JSON.stringify({
    startDate: draft.startDate,
    courseWeeks: draft.courseWeeks,
    goals: draft.goals.map(({ description, targetDate }) => ({ description, targetDate })),
    items: draft.items.map(({ key, catalogueId, dose, instructions, justification }) => ({
      key,
      catalogueId,
      dose,
      instructions,
      justification: needsJustification(dose, chronic) ? justification : "",
    })),
  });
}

/** Each item's name as its labels use it, numbered when two items share one. */
export function itemLabels(items: readonly DraftItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const name = itemName(item);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
