import { z } from "zod";
import { redFlagLabel, type RedFlagId } from "@/lib/domain/red-flags";

export const CLEARANCE_LEVELS = ["not_cleared", "restricted", "full"] as const;
export type ClearanceLevel = (typeof CLEARANCE_LEVELS)[number];

export interface Restrictions {
  maxRunMinutes: number | null;
  runsPerWeek: number | null;
  weeklyDistanceKm: number | null;
  /** Rating of perceived exertion, 1–10. */
  maxEffortRpe: number | null;
  /** Stop the run when pain goes above this, 0–10. */
  painCeiling: number | null;
  flatGroundOnly: boolean;
  noSpeedWork: boolean;
  notes: string;
}

/** A clearance rests on an exam signed within this many calendar days. */
export const EXAM_VALID_DAYS = 30;
/** Full clearance needs pain at rest at or below this (DOMAIN.md §6 return-to-run entry criteria). */
export const MAX_PAIN_AT_REST_FOR_FULL = 2;
/**
 * Running with limits while still symptomatic (DOMAIN.md §1 step 3) needs pain at rest at or
 * below this: a product choice from the pain-monitoring rule (§6), where pain above 5/10 means
 * stepping back, so a runner above it at rest would start every run past the step-back line.
 */
export const MAX_PAIN_AT_REST_FOR_RESTRICTED = 5;
/** A review date further ahead leaves a cleared runner unreviewed too long (product choice). */
export const MAX_REVIEW_MONTHS = 6;

const NOTE_MAX = 1000;

function wholeNumber(min: number, max: number, message: string) {
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

// The upper bounds only catch typing slips; the clinical limit is the physician's choice.
export const restrictionsSchema = z.object({
  maxRunMinutes: wholeNumber(1, 240, "Enter minutes per run from 1 to 240, or leave it empty.").nullable(),
  runsPerWeek: wholeNumber(1, 7, "Enter runs per week from 1 to 7, or leave it empty.").nullable(),
  weeklyDistanceKm: z
    .number({ error: "Enter a distance in km, or leave it empty." })
    .positive({ error: "Enter a distance above 0 km, or leave it empty." })
    .max(250, { error: "Enter a weekly distance of at most 250 km." })
    .nullable(),
  maxEffortRpe: wholeNumber(1, 10, "Enter an effort from 1 to 10, or leave it empty.").nullable(),
  painCeiling: wholeNumber(0, 10, "Enter a pain limit from 0 to 10, or leave it empty.").nullable(),
  flatGroundOnly: z.boolean({ error: "Answer yes or no." }),
  noSpeedWork: z.boolean({ error: "Answer yes or no." }),
  notes: z.string().trim().max(NOTE_MAX, { error: `Keep notes under ${NOTE_MAX} characters.` }),
}) satisfies z.ZodType<Restrictions>;

/** The same day `months` later (the last day of a shorter month); dates are YYYY-MM-DD. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

function hasNumericLimit(r: Restrictions): boolean {
  return [r.maxRunMinutes, r.runsPerWeek, r.weeklyDistanceKm, r.maxEffortRpe, r.painCeiling].some((v) => v !== null);
}

/** The physician's clearance form; `today` is YYYY-MM-DD. Restrictions are kept only when restricted. */
export function clearanceDecisionSchema(today: string) {
  return z
    .object({
      level: z.enum(CLEARANCE_LEVELS, { error: "Choose not cleared, cleared with limits, or fully cleared." }),
      restrictions: restrictionsSchema.nullish(),
      reviewDate: z.iso
        .date({ error: "Enter a review date." })
        .refine((date) => date > today, { error: "Choose a review date after today." })
        .refine((date) => date <= addMonths(today, MAX_REVIEW_MONTHS), {
          error: `Choose a review date within ${MAX_REVIEW_MONTHS} months, by ${addMonths(today, MAX_REVIEW_MONTHS)}.`,
        }),
      overrideReason: z
        .string()
        .trim()
        .max(NOTE_MAX, { error: `Keep the reason under ${NOTE_MAX} characters.` })
        .default(""),
    })
    .superRefine((decision, ctx) => {
      if (decision.level !== "restricted") return;
      if (!decision.restrictions) {
        ctx.addIssue({ code: "custom", path: ["restrictions"], message: "Set the limits for running." });
      } else if (!hasNumericLimit(decision.restrictions)) {
        ctx.addIssue({
          code: "custom",
          path: ["restrictions"],
          message: "Set at least one limit: minutes per run, runs per week, weekly distance, effort or pain limit.",
        });
      }
    })
    .transform((decision) => ({
      ...decision,
      restrictions: decision.level === "restricted" ? (decision.restrictions ?? null) : null,
    }));
}

export type ClearanceDecision = z.output<ReturnType<typeof clearanceDecisionSchema>>;

export type ClearanceProblemCode = "red_flag_active" | "no_recent_exam" | "pain_at_rest_too_high" | "motor_deficit" | "bilateral_signs";

export interface ClearanceProblem {
  code: ClearanceProblemCode;
  message: string;
  /** True when a physician's recorded reason lets the clearance go ahead despite this problem. */
  overridable: boolean;
}

export interface SignedExamSummary {
  signedAt: Date;
  painNow: number;
  hasMotorDeficit: boolean;
  /** Symptoms or signs in both legs: stenosis, or a central disc pressing on both sides. */
  hasBilateralSigns: boolean;
}

export interface ClearanceCheckInput {
  level: ClearanceLevel;
  /** Red flags not yet resolved. */
  activeRedFlags: readonly RedFlagId[];
  lastSignedExam: SignedExamSummary | null;
  now: Date;
  overrideReason?: string;
}

export interface ClearanceEvaluation {
  allowed: boolean;
  problems: ClearanceProblem[];
  /** The clearance goes ahead only as an override: a reason must be (and, if allowed, was) recorded. */
  needsOverride: boolean;
}

const DAY_MS = 86_400_000;

// Calendar days (UTC), so an exam signed on 1 March still counts on 31 March whatever the hour.
function calendarDaysBetween(from: Date, to: Date): number {
  return Math.floor(to.getTime() / DAY_MS) - Math.floor(from.getTime() / DAY_MS);
}

function problemsFor(input: ClearanceCheckInput): ClearanceProblem[] {
  const problems: ClearanceProblem[] = [];
  if (input.activeRedFlags.length > 0) {
    // Red flags mean emergency care now (DOMAIN.md §2): no reason can make running safe.
    problems.push({
      code: "red_flag_active",
      message:
        `Unresolved red flag: ${input.activeRedFlags.map(redFlagLabel).join("; ")}. ` +
        "A patient with a red flag cannot be cleared to run.",
      overridable: false,
    });
  }
  const exam = input.lastSignedExam;
  if (!exam) {
    problems.push({
      code: "no_recent_exam",
      message: "There is no signed examination in this episode (since it was opened or last reopened). Sign an exam before clearing the patient to run.",
      overridable: false,
    });
    return problems;
  }
  const age = calendarDaysBetween(exam.signedAt, input.now);
  if (age > EXAM_VALID_DAYS) {
    problems.push({
      code: "no_recent_exam",
      message: `The last signed exam is ${age} days old. Clearance needs an exam signed in the last ${EXAM_VALID_DAYS} days.`,
      overridable: false,
    });
  }
  const painLimit = input.level === "full" ? MAX_PAIN_AT_REST_FOR_FULL : MAX_PAIN_AT_REST_FOR_RESTRICTED;
  const levelName = input.level === "full" ? "Full clearance" : "Clearance with limits";
  if (exam.painNow > painLimit) {
    problems.push({
      code: "pain_at_rest_too_high",
      message:
        `Pain at rest is ${exam.painNow}/10. ${levelName} needs ${painLimit}/10 or less` +
        (input.level === "full" ? ": clear with limits, or record why you are going ahead." : ": record why you are going ahead."),
      overridable: true,
    });
  }
  if (exam.hasMotorDeficit) {
    problems.push({
      code: "motor_deficit",
      message: `The last exam shows muscle weakness. ${levelName} with weakness needs a recorded reason.`,
      overridable: true,
    });
  }
  if (exam.hasBilateralSigns) {
    problems.push({
      code: "bilateral_signs",
      message: `The last exam shows symptoms or signs in both legs. ${levelName} with bilateral signs needs a recorded reason.`,
      overridable: true,
    });
  }
  return problems;
}

/**
 * Whether a physician may record this clearance. Not clearing is always allowed. Any clearance
 * needs no unresolved red flag of either tier and an exam signed in the last 30 days, with no
 * override (DOMAIN.md §10.4). Both levels are checked against that exam: pain at rest (≤ 2/10 for
 * full, ≤ 5/10 with limits), no motor deficit, no bilateral signs, unless a reason is recorded.
 */
export function evaluateClearance(input: ClearanceCheckInput): ClearanceEvaluation {
  if (input.level === "not_cleared") return { allowed: true, problems: [], needsOverride: false };
  const problems = problemsFor(input);
  const blocked = problems.some((p) => !p.overridable);
  const needsOverride = !blocked && problems.length > 0;
  const reasonGiven = (input.overrideReason ?? "").trim() !== "";
  return { allowed: !blocked && (!needsOverride || reasonGiven), problems, needsOverride };
}

/** Due on the review date itself, so the physician sees it before it has passed. Dates are YYYY-MM-DD. */
export function isReviewDue(reviewDate: string, today: string): boolean {
  return reviewDate <= today;
}

export type ReturnToRunCriterion = "cleared" | "no_red_flags" | "pain_at_rest" | "brisk_walk";

export interface ReturnToRunItem {
  id: ReturnToRunCriterion;
  clinicianLabel: string;
  patientLabel: string;
}

/** Suggested entry criteria for the walk/run progression; the physician signs off (DOMAIN.md §6). */
export const returnToRunChecklist: readonly ReturnToRunItem[] = [
  { id: "cleared", clinicianLabel: "Cleared to run", patientLabel: "Your doctor has cleared you to run" },
  { id: "no_red_flags", clinicianLabel: "No red flags", patientLabel: "None of the warning signs on your checklist" },
  {
    id: "pain_at_rest",
    clinicianLabel: `Pain at rest ≤ ${MAX_PAIN_AT_REST_FOR_FULL}/10`,
    patientLabel: `Pain while resting is ${MAX_PAIN_AT_REST_FOR_FULL} out of 10 or less`,
  },
  {
    id: "brisk_walk",
    clinicianLabel: "30 min brisk walking without worsening symptoms",
    patientLabel: "You can walk briskly for 30 minutes without your symptoms getting worse",
  },
];

export interface ReturnToRunStatus {
  level: ClearanceLevel;
  activeRedFlags: readonly RedFlagId[];
  painAtRest: number;
  briskWalk30MinWithoutWorsening: boolean;
}

/** The entry criteria not yet met, in checklist order; empty when the patient may start. */
export function unmetReturnToRunCriteria(status: ReturnToRunStatus): ReturnToRunCriterion[] {
  const met: Record<ReturnToRunCriterion, boolean> = {
    cleared: status.level !== "not_cleared",
    no_red_flags: status.activeRedFlags.length === 0,
    pain_at_rest: status.painAtRest <= MAX_PAIN_AT_REST_FOR_FULL,
    brisk_walk: status.briskWalk30MinWithoutWorsening,
  };
  return returnToRunChecklist.map((c) => c.id).filter((id) => !met[id]);
}
