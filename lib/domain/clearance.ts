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
        .refine((date) => date > today, { error: "Choose a review date after today." }),
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

export type ClearanceProblemCode = "red_flag_active" | "no_recent_exam" | "pain_at_rest_too_high" | "motor_deficit";

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
      message: "There is no signed examination. Sign an exam before clearing the patient to run.",
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
  if (input.level !== "full") return problems;
  if (exam.painNow > MAX_PAIN_AT_REST_FOR_FULL) {
    problems.push({
      code: "pain_at_rest_too_high",
      message:
        `Pain at rest is ${exam.painNow}/10. Full clearance needs ${MAX_PAIN_AT_REST_FOR_FULL}/10 or less: ` +
        "clear with limits, or record why you are overriding.",
      overridable: true,
    });
  }
  if (exam.hasMotorDeficit) {
    problems.push({
      code: "motor_deficit",
      message:
        "The last exam shows muscle weakness. Full clearance needs normal strength: " +
        "clear with limits, or record why you are overriding.",
      overridable: true,
    });
  }
  return problems;
}

/**
 * Whether a physician may record this clearance. Not clearing is always allowed. Any clearance
 * needs no unresolved red flag and an exam signed in the last 30 days, with no override. Full
 * clearance also needs pain at rest ≤ 2/10 and no motor deficit, unless a reason is recorded.
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

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function limitsOf(r: Restrictions): string[] {
  const limits: string[] = [];
  if (r.maxRunMinutes !== null) limits.push(`at most ${plural(r.maxRunMinutes, "minute", "minutes")} per run`);
  if (r.runsPerWeek !== null) limits.push(`no more than ${plural(r.runsPerWeek, "run", "runs")} a week`);
  if (r.weeklyDistanceKm !== null) limits.push(`at most ${r.weeklyDistanceKm} km a week`);
  if (r.maxEffortRpe !== null) limits.push(`an effort no harder than ${r.maxEffortRpe} out of 10`);
  if (r.flatGroundOnly) limits.push("flat ground only");
  if (r.noSpeedWork) limits.push("no fast running or intervals");
  return limits;
}

const EMERGENCY_ADVICE =
  "Get emergency care straight away if you notice numbness around your groin or bottom, new trouble passing urine or controlling your bladder or bowels, or weakness in both legs.";

/** Plain-language sentences telling the patient what their clearance lets them do. */
export function describeClearanceForPatient(level: ClearanceLevel, restrictions: Restrictions | null): string[] {
  if (level === "not_cleared") {
    return [
      "Your doctor has not cleared you to run yet.",
      "Keep to the walking and exercises in your plan, and ask your care team before you try running.",
      EMERGENCY_ADVICE,
    ];
  }
  if (level === "full") {
    return [
      "Your doctor has cleared you to run without limits.",
      // DOMAIN.md §1 step 4: weekly volume up by at most about 10 % a week.
      "Build back up gently: add no more than about a tenth to your weekly distance each week.",
      "Stop and contact your care team if the pain, numbness or weakness in your leg comes back or gets worse.",
      EMERGENCY_ADVICE,
    ];
  }
  const limits = restrictions ? limitsOf(restrictions) : [];
  const statedBelow = restrictions !== null && (restrictions.painCeiling !== null || restrictions.notes !== "");
  const sentences = [
    limits.length > 0
      ? `You may run, with these limits: ${listOf(limits)}.`
      : statedBelow
        ? "You may run, with the limits below."
        : "You may run, within the limits your care team has explained to you.",
  ];
  if (restrictions?.painCeiling != null) {
    sentences.push(`Stop the run if your pain goes above ${restrictions.painCeiling} out of 10.`);
  }
  if (restrictions && restrictions.notes !== "") sentences.push(`Your doctor's note: ${restrictions.notes}`);
  // DOMAIN.md §1 step 3: while still symptomatic, stretch before every run and keep runs easy.
  sentences.push("Stretch your legs and lower back before every run, and keep your runs easy.");
  sentences.push("Stop and contact your care team if the pain, numbness or weakness in your leg gets worse.");
  sentences.push(EMERGENCY_ADVICE);
  return sentences;
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
