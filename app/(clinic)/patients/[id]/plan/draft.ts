import { checkPlanMedicine, itemName, runningClearanceOf, type Plan, type PlanContext } from "@/lib/domain/plan";
import { catalogueEntry, doseForPlan, planTemplates, runningDoseForClearance, type CatalogueId, type Dose, type PlanGoal, type PlanTemplate } from "@/lib/domain/plan-catalogue";
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

/**
 * A catalogue item as it starts in a plan: running at the clearance's limits (an easy default
 * while none is in force, when it shows paused to the patient), a medicine from the plan's start.
 */
export function itemFromCatalogue(catalogueId: CatalogueId, context: PlanContext, startDate: string): DraftItem {
  const entry = catalogueEntry(catalogueId);
  if (entry.category !== "running") return newItem(catalogueId, doseForPlan(entry.defaultDose, startDate));
  const limits = runningClearanceOf(context.permission);
  const dose = runningDoseForClearance(limits.level === "not_cleared" ? { level: "full", restrictions: null } : limits);
  return newItem(catalogueId, dose ?? entry.defaultDose);
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

function needsJustification(draft: PlanDraft, index: number, context: PlanContext): boolean {
  return checkPlanMedicine(draft, index, context)?.requiresJustification ?? false;
}

/**
 * The JSON the save form sends. A justification is sent only while the guardrails ask for one,
 * so reasons typed for a drug since replaced are not recorded against the new one.
 */
export function serializeDraft(draft: PlanDraft, context: PlanContext): string {
  return JSON.stringify({
    startDate: draft.startDate,
    courseWeeks: draft.courseWeeks,
    goals: draft.goals.map(({ description, targetDate }) => ({ description, targetDate })),
    items: draft.items.map(({ key, catalogueId, dose, instructions, justification }, i) => ({
      key,
      catalogueId,
      dose,
      instructions,
      justification: needsJustification(draft, i, context) ? justification : "",
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
