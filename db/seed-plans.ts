/**
 * The demo clinic's care plans and referrals, so every state is on screen: no plan yet, a first
 * plan, plans with several versions, a medicine prescribed with a recorded justification, a
 * physical therapy referral, and escalation referrals at different stages.
 */
import { randomUUID } from "node:crypto";
import { planSchema, type Plan, type PlanItem } from "../lib/domain/plan";
import { catalogueEntry, planTemplates, runningDoseForClearance, type CatalogueId, type Dose, type MedicineDose } from "../lib/domain/plan-catalogue";
import { addDays } from "../lib/domain/schedule";
import type { Restrictions } from "../lib/domain/clearance";

export interface DemoPlanChange {
  daysAgo: number;
  /** Applied to the previous version to make this one; `today` is the patient's. */
  change: (plan: Plan, today: string) => Plan;
}

export interface DemoPlans {
  mrnIndex: number;
  template: string;
  startDaysAgo: number;
  firstDaysAgo: number;
  later?: DemoPlanChange[];
  therapy?: { therapist: "morgan" | "singh"; sessionsPerWeek: number; weeks: number; goals: string; daysAgo: number };
  escalations?: { kind: "imaging" | "epidural_steroid_injection" | "surgical_opinion"; reason: string; status: "requested" | "scheduled" | "completed" | "declined"; statusNote: string; daysAgo: number }[];
}

function newItem(catalogueId: CatalogueId, dose?: Dose, justification = ""): PlanItem {
  const entry = catalogueEntry(catalogueId);
  return { key: randomUUID(), catalogueId, dose: dose ?? entry.defaultDose, instructions: entry.instruction, justification };
}

/** A medicine from the catalogue, started on the day the version adding it was saved. */
const addMedicine = (catalogueId: CatalogueId, daysAgo: number, dose?: Partial<MedicineDose>, justification = "") => (plan: Plan, today: string): Plan =>
  addItem(newItem(catalogueId, { ...(catalogueEntry(catalogueId).defaultDose as MedicineDose), ...dose, startDate: addDays(today, -daysAgo) }, justification))(plan);

const addItem = (item: PlanItem) => (plan: Plan): Plan => ({ ...plan, items: [...plan.items, item] });
const withRunning = (restrictions: Partial<Restrictions>) => (plan: Plan): Plan =>
  addItem(
    newItem(
      "running",
      runningDoseForClearance({
        level: "restricted",
        restrictions: { maxRunMinutes: restrictions.maxRunMinutes ?? null, runsPerWeek: restrictions.runsPerWeek ?? null, maxEffortRpe: restrictions.maxEffortRpe ?? null },
      })!,
    ),
  )(plan);
const changeDose = (catalogueId: CatalogueId, dose: Dose) => (plan: Plan): Plan => ({
  ...plan,
  items: plan.items.map((i) => (i.catalogueId === catalogueId ? { ...i, dose } : i)),
});

export const demoPlans: DemoPlans[] = [
  {
    mrnIndex: 0, // Sam Rivera: three versions, running added when cleared
    template: "disc-herniation-physical-therapy",
    startDaysAgo: 38,
    firstDaysAgo: 38,
    later: [
      // A week's course, finished two weeks ago: gone from the Today list, shown as finished.
      { daysAgo: 20, change: addMedicine("ibuprofen", 20) },
      { daysAgo: 9, change: withRunning({ maxRunMinutes: 20, runsPerWeek: 3, maxEffortRpe: 4 }) },
    ],
    therapy: { therapist: "morgan", sessionsPerWeek: 2, weeks: 6, goals: "Core and hip control; back to 30 minutes of easy running.", daysAgo: 37 },
  },
  {
    mrnIndex: 1, // Priya Natarajan
    template: "disc-herniation-self-care",
    startDaysAgo: 30,
    firstDaysAgo: 30,
    later: [{ daysAgo: 20, change: withRunning({ maxRunMinutes: 30, runsPerWeek: 4, maxEffortRpe: 5 }) }],
    therapy: { therapist: "singh", sessionsPerWeek: 1, weeks: 4, goals: "Progress loading of the calf and hip.", daysAgo: 29 },
  },
  {
    mrnIndex: 3, // Grace Liu: severe; a justified gabapentinoid and escalations
    template: "disc-herniation-physical-therapy",
    startDaysAgo: 25,
    firstDaysAgo: 25,
    later: [
      {
        daysAgo: 5,
        change: addMedicine(
          "prescription-medicine",
          5,
          { drug: "Pregabalin", amount: 75, unit: "mg", timesPerDay: 2, asNeeded: false, days: 14 },
          "Severe night pain despite paracetamol and ibuprofen; short trial agreed with the patient while awaiting the spinal opinion, stop at review.",
        ),
      },
    ],
    therapy: { therapist: "morgan", sessionsPerWeek: 2, weeks: 8, goals: "Maintain mobility while awaiting specialist review.", daysAgo: 24 },
    escalations: [
      { kind: "imaging", reason: "Progressive weakness of great-toe extension over two weeks.", status: "completed", statusNote: "MRI: L4-L5 left paracentral protrusion.", daysAgo: 12 },
      { kind: "surgical_opinion", reason: "Motor deficit with MRI-concordant disc protrusion, not improving.", status: "scheduled", statusNote: "Spinal clinic appointment booked.", daysAgo: 5 },
    ],
  },
  {
    mrnIndex: 4, // Olu Adeyemi
    template: "piriformis-self-care",
    startDaysAgo: 21,
    firstDaysAgo: 21,
    later: [{ daysAgo: 7, change: changeDose("brisk-walk", { kind: "walking", minutes: 40, timesPerDay: 1, daysPerWeek: 5 }) }],
  },
  { mrnIndex: 5, template: "disc-herniation-self-care", startDaysAgo: 60, firstDaysAgo: 60 }, // Megan O'Brien (healed)
  {
    mrnIndex: 7, // Marcus Bell
    template: "stenosis-physical-therapy",
    startDaysAgo: 28,
    firstDaysAgo: 28,
    therapy: { therapist: "morgan", sessionsPerWeek: 2, weeks: 8, goals: "Flexion-based programme; walking tolerance to 30 minutes.", daysAgo: 27 },
    escalations: [{ kind: "epidural_steroid_injection", reason: "Claudication limiting walking to 10 minutes.", status: "declined", statusNote: "Patient prefers to continue physiotherapy first.", daysAgo: 14 }],
  },
  {
    mrnIndex: 8, // Hannah Kowalski
    template: "disc-herniation-self-care",
    startDaysAgo: 22,
    firstDaysAgo: 22,
    later: [{ daysAgo: 15, change: withRunning({ maxRunMinutes: 20, runsPerWeek: 3 }) }],
    therapy: { therapist: "singh", sessionsPerWeek: 1, weeks: 6, goals: "Hip and core strength.", daysAgo: 21 },
  },
  { mrnIndex: 9, template: "disc-herniation-self-care", startDaysAgo: 40, firstDaysAgo: 40 }, // Diego Alvarez
  {
    mrnIndex: 11, // Elena Petrova
    template: "disc-herniation-self-care",
    startDaysAgo: 30,
    firstDaysAgo: 30,
    therapy: { therapist: "morgan", sessionsPerWeek: 2, weeks: 6, goals: "Reduce leg pain; restore walking tolerance.", daysAgo: 29 },
  },
  { mrnIndex: 12, template: "piriformis-self-care", startDaysAgo: 55, firstDaysAgo: 55 }, // Jamal Carter (healed)
  {
    mrnIndex: 13, // Kenji Watanabe
    template: "disc-herniation-self-care",
    startDaysAgo: 16,
    firstDaysAgo: 16,
    later: [{ daysAgo: 15, change: withRunning({ maxRunMinutes: 20, runsPerWeek: 3, maxEffortRpe: 4 }) }],
    therapy: { therapist: "singh", sessionsPerWeek: 2, weeks: 6, goals: "Core endurance for marathon training.", daysAgo: 15 },
  },
];

/** The first version of a demo plan, from its template, starting on `startDate`. */
export function planFromTemplate(templateId: string, startDate: string): Plan {
  const template = planTemplates.find((t) => t.id === templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const end = new Date(Date.parse(`${startDate}T00:00:00Z`) + template.courseWeeks * 7 * 86_400_000).toISOString().slice(0, 10);
  return planSchema.parse({
    startDate,
    courseWeeks: template.courseWeeks,
    goals: template.goals.map((g) => ({ description: g.description, targetDate: end })),
    items: template.items.map((i) => newItem(i.catalogueId, i.dose)),
  });
}
