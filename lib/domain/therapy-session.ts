import { z } from "zod";
import { catalogueEntry, doseKindFor, exerciseDoseSchema, walkingDoseSchema, type Dose, type PlanCategory } from "./plan-catalogue";
import { itemName, type Plan, type PlanItem } from "./plan";
import { addDays, type LocalDate } from "./schedule";

/**
 * What a physical therapist may do for an assigned patient (DOMAIN.md §8): record therapy
 * sessions, and adjust the dose of home exercises inside the physician's plan. Clearance,
 * medicines, running and advice stay the physician's.
 */

export const THERAPY_ATTENDANCE = ["attended", "no_show"] as const;
export type TherapyAttendance = (typeof THERAPY_ATTENDANCE)[number];

export const attendanceLabels: Record<TherapyAttendance, string> = { attended: "Attended", no_show: "Did not attend" };

// Sessions are often written up days later from paper notes, so any day in the past year is
// accepted; anything older is almost surely a mistyped year, and far older than the 4–8 weeks
// most episodes take to settle (DOMAIN.md §1). A referral date would be a tighter bound, but
// therapists also join a care team at registration, without a referral.
export const SESSION_LOOKBACK_DAYS = 365;
export const EXERCISES_MIN = 5;
export const TEXT_MAX = 2000;
export const REASON_MIN = 10;
export const REASON_MAX = 500;

const isValidSoFar = (payload: { issues: readonly unknown[] }) => payload.issues.length === 0;

/** The therapist's session form; `today` is the patient's local date (YYYY-MM-DD). */
export function therapySessionSchema(today: LocalDate) {
  const earliest = addDays(today, -SESSION_LOOKBACK_DAYS);
  const fields = z.object({
    idempotencyKey: z.uuid("Reload the page and try again."),
    sessionDate: z.iso
      .date("Enter the date of the session.")
      // Only a real date is also judged as too late or too early.
      .refine((date) => date <= today, { message: "The session date cannot be in the future.", when: isValidSoFar })
      .refine((date) => date >= earliest, { message: "Choose a date within the last year.", when: isValidSoFar }),
    attendance: z.enum(THERAPY_ATTENDANCE, "Choose whether the patient attended."),
    exercisesInClinic: z.string("List the exercises done in the clinic.").trim().max(TEXT_MAX, "Keep the exercises under 2,000 characters.").default(""),
    notes: z.string("Notes must be text.").trim().max(TEXT_MAX, "Keep the notes under 2,000 characters.").default(""),
  });
  // Judged whenever these two fields parse, so a bad date does not hide this message.
  const attendanceAndExercises = fields.pick({ attendance: true, exercisesInClinic: true });
  const when = (payload: { value: unknown }) => attendanceAndExercises.safeParse(payload.value).success;
  return fields
    .refine((s) => s.attendance !== "attended" || s.exercisesInClinic.length >= EXERCISES_MIN, {
      path: ["exercisesInClinic"],
      message: "List the exercises done in the clinic.",
      when,
    })
    .refine((s) => s.attendance !== "no_show" || s.exercisesInClinic === "", {
      // The form hides this field for a no-show; text here would be recorded against a session that did not happen.
      path: ["exercisesInClinic"],
      message: "A missed session has no exercises: choose Attended, or clear this field.",
      when,
    });
}

// ---------------------------------------------------------------------------------------------
// Dose adjustments

/** The home exercises a therapist may dose: stretches, strength and core work, walking. */
export const THERAPIST_DOSED_CATEGORIES: readonly PlanCategory[] = ["stretch", "strength", "walking"];

export function isTherapistDosed(item: Pick<PlanItem, "catalogueId">): boolean {
  return THERAPIST_DOSED_CATEGORIES.includes(catalogueEntry(item.catalogueId).category);
}

/** The numbers of this dose a therapist may change: the ones it already has, never its shape. */
export function adjustableFields(dose: Dose): string[] {
  if (dose.kind === "exercise") return ["sets", dose.holdSeconds !== undefined ? "holdSeconds" : "reps", "timesPerDay", "daysPerWeek"];
  if (dose.kind === "walking") return ["minutes", "timesPerDay", "daysPerWeek"];
  return [];
}

export const doseAdjustmentSchema = z.strictObject(
  {
    itemKey: z.uuid("Choose an exercise from the plan."),
    dose: z.record(z.string(), z.unknown(), "Enter the new dose."),
    // Judged in adjustDose, so a missing reason and a bad number are shown together.
    reason: z.string("Say why the dose changes.").trim().default(""),
  },
  // Only an exercise's dose numbers can change here; instructions and the items themselves are the physician's.
  { error: (issue) => (issue.code === "unrecognized_keys" ? "Only a dose can be changed here: the rest of the plan is the physician's." : undefined) },
);
export type DoseAdjustment = z.output<typeof doseAdjustmentSchema>;

export type DoseAdjustmentResult =
  | { ok: true; plan: Plan; item: PlanItem }
  | { ok: false; notFound: true }
  | { ok: false; notFound?: false; fieldErrors: Record<string, string[]> };

/**
 * The plan with one home exercise's dose changed, and nothing else: no other item, no
 * instructions, no change of how the exercise is measured. The new dose keeps the catalogue's
 * bounds (lib/domain/plan-catalogue.ts).
 */
export function adjustDose(plan: Plan, adjustment: DoseAdjustment): DoseAdjustmentResult {
  const item = plan.items.find((i) => i.key === adjustment.itemKey);
  if (!item) return { ok: false, notFound: true };
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (fieldErrors[path] ??= []).push(message);
  if (adjustment.reason.length < REASON_MIN) add("reason", "Say why the dose changes (at least 10 characters): the physician reads it in the plan history.");
  if (adjustment.reason.length > REASON_MAX) add("reason", "Keep the reason under 500 characters.");
  const dosed = isTherapistDosed(item);
  if (!dosed) add("itemKey", `${itemName(item)} is not a home exercise: only stretches, strength exercises and walking can be adjusted by a therapist. Ask the physician to change it.`);
  const dose = dosed ? newDose(item, adjustment.dose, add) : null;
  if (!dose || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const adjusted: PlanItem = { ...item, dose };
  return { ok: true, item: adjusted, plan: { ...plan, items: plan.items.map((i) => (i.key === item.key ? adjusted : i)) } };
}

/** The item's dose with the therapist's numbers, or null with the reasons added. */
function newDose(item: PlanItem, numbers: Record<string, unknown>, add: (path: string, message: string) => void): Dose | null {
  const fields = adjustableFields(item.dose);
  const foreign = Object.keys(numbers).filter((field) => !fields.includes(field));
  for (const field of foreign) add(`dose.${field}`, "Only the numbers of this exercise's dose can change, not how it is measured.");
  if (foreign.length) return null;
  const schema = doseKindFor(catalogueEntry(item.catalogueId).category) === "walking" ? walkingDoseSchema : exerciseDoseSchema;
  const parsed = schema.safeParse({ ...item.dose, ...numbers });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(["dose", ...issue.path.map(String)].join("."), issue.message);
    return null;
  }
  const before: Record<string, unknown> = item.dose;
  const after: Record<string, unknown> = parsed.data;
  if (fields.every((field) => before[field] === after[field])) {
    add("dose", "This is the current dose: change at least one number.");
    return null;
  }
  return parsed.data;
}
