import type { Restrictions } from "./clearance";
import { emergencySentence, type ClinicSettings } from "./clinic-settings";
import type { PauseReason, Permission } from "./care-state";
import { redFlag } from "./red-flags";
import type { LocalDate } from "./schedule";

/**
 * The state in force in words: for the patient (what to do, plainly) and for clinicians (a badge
 * and why a decision is or is not in force). Built only from `careState`'s permission.
 */

export type PermissionTone = "cleared" | "stop" | "urgent" | "emergency";

export interface PatientPermissionText {
  headline: string;
  tone: PermissionTone;
  sentences: string[];
  /**
   * The standing advice to call the emergency number at any emergency sign, kept apart from the
   * sentences so no screen can style it like "stretch before you run"; null when the card itself
   * is the emergency (an open red flag says what to do in its own sentences).
   */
  emergencyAdvice: string | null;
}

type FormatDate = (date: LocalDate) => string;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export function limitsOf(r: Restrictions): string[] {
  const limits: string[] = [];
  if (r.maxRunMinutes !== null) limits.push(`at most ${plural(r.maxRunMinutes, "minute", "minutes")} per run`);
  if (r.runsPerWeek !== null) limits.push(`no more than ${plural(r.runsPerWeek, "run", "runs")} a week`);
  if (r.weeklyDistanceKm !== null) limits.push(`at most ${r.weeklyDistanceKm} km a week`);
  if (r.maxEffortRpe !== null) limits.push(`an effort no harder than ${r.maxEffortRpe} out of 10`);
  if (r.flatGroundOnly) limits.push("flat ground only");
  if (r.noSpeedWork) limits.push("no fast running or intervals");
  return limits;
}

const KEEP_TO_PLAN = "Keep to the walking and exercises in your plan.";

/** Why the patient may not run, and what to do, in their words. */
function pausedText(reason: PauseReason, settings: ClinicSettings, formatDate: FormatDate): Omit<PatientPermissionText, "emergencyAdvice"> {
  switch (reason.code) {
    case "red_flag_open": {
      const signs = listOf(reason.flags.map((id) => redFlag(id).patientSign));
      const found = reason.source === "check_in" ? `You reported ${signs}.` : `Your doctor found a warning sign at your examination: ${signs}.`;
      if (reason.tier === "emergency") {
        return {
          headline: "Do not run. Get emergency care now.",
          tone: "emergency",
          sentences: [
            found,
            `If you have not been seen yet, call ${settings.emergencyNumber} or go to the nearest emergency department now. Do not wait for your care team.`,
            "Your care team has been told. Do not run until your doctor has checked you and cleared you again.",
            emergencySentence(settings, "emergency"),
          ],
        };
      }
      return {
        headline: "Do not run. Get a medical review today.",
        tone: "urgent",
        sentences: [
          found,
          emergencySentence(settings, "urgent"),
          "Your care team has been told. Do not run until your doctor has checked you and cleared you again.",
          emergencySentence(settings, "emergency"),
        ],
      };
    }
    case "awaiting_exam":
      return { headline: "Please do not run yet", tone: "stop", sentences: ["Until your doctor has examined you and decided, please do not run.", KEEP_TO_PLAN] };
    case "no_decision":
      return { headline: "Please do not run yet", tone: "stop", sentences: ["Your doctor has not decided yet whether you can run. Until they do, please do not run.", KEEP_TO_PLAN] };
    case "not_cleared":
      return {
        headline: "Not cleared to run yet",
        tone: "stop",
        sentences: ["Your doctor has not cleared you to run yet.", `${KEEP_TO_PLAN} Ask your care team before you try running.`],
      };
    case "withdrawn":
      return {
        headline: "Your clearance to run was withdrawn",
        tone: "stop",
        sentences: ["Your doctor has withdrawn your clearance to run. Please do not run until they clear you again.", KEEP_TO_PLAN],
      };
    case "earlier_episode":
      return {
        headline: "Please do not run until your doctor decides again",
        tone: "stop",
        sentences: ["Your earlier clearance was for a past episode of sciatica. Your doctor needs to decide again for this one.", KEEP_TO_PLAN],
      };
    case "before_red_flag":
      return {
        headline: "Please do not run until your doctor clears you again",
        tone: "stop",
        sentences: [
          "Since your doctor last cleared you, a warning sign was reported. It has been looked at, but your doctor needs to decide again whether you can run.",
          KEEP_TO_PLAN,
        ],
      };
    case "before_reopen":
      return {
        headline: "Please do not run until your doctor clears you again",
        tone: "stop",
        sentences: ["Your care for this episode has been reopened. Your doctor needs to decide again whether you can run.", KEEP_TO_PLAN],
      };
    case "review_overdue":
      return {
        headline: "Please do not run until your review",
        tone: "stop",
        sentences: [
          `Your clearance to run needed a review by ${formatDate(reason.reviewDate)}. Please book your review with your care team; until then, do not run.`,
          KEEP_TO_PLAN,
        ],
      };
  }
}

/** What the patient may do today, plainly, with the emergency advice every clearance card carries. */
export function describePermissionForPatient(permission: Permission, settings: ClinicSettings, formatDate: FormatDate): PatientPermissionText {
  const emergency = emergencySentence(settings, "emergency");
  if (permission.status === "paused") {
    const text = pausedText(permission.reason, settings, formatDate);
    return { ...text, emergencyAdvice: permission.reason.code === "red_flag_open" ? null : emergency };
  }
  if (permission.status === "return_to_training") {
    return {
      headline: "Healed: back to your usual running, gradually",
      tone: "cleared",
      sentences: [
        "Your doctor has marked this episode healed.",
        // DOMAIN.md §1 step 4: weekly volume up by at most about 10 % a week.
        "Build back up gently: add no more than about a tenth to your weekly distance each week.",
        "Stop and contact your care team if the pain, numbness or weakness in your leg comes back.",
      ],
      emergencyAdvice: emergency,
    };
  }
  if (permission.level === "full") {
    return {
      headline: "Cleared to run",
      tone: "cleared",
      sentences: [
        "Your doctor has cleared you to run without limits.",
        "Build back up gently: add no more than about a tenth to your weekly distance each week.",
        "Stop and contact your care team if the pain, numbness or weakness in your leg comes back or gets worse.",
      ],
      emergencyAdvice: emergency,
    };
  }
  const r = permission.restrictions;
  const limits = r ? limitsOf(r) : [];
  const sentences = [limits.length > 0 ? `You may run, with these limits: ${listOf(limits)}.` : "You may run, within the limits below."];
  if (r?.painCeiling != null) sentences.push(`Stop the run if your pain goes above ${r.painCeiling} out of 10.`);
  if (r && r.notes !== "") sentences.push(`Your doctor's note: ${r.notes}`);
  // DOMAIN.md §1 step 3: while still symptomatic, stretch before every run and keep runs easy.
  sentences.push("Stretch your legs and lower back before every run, and keep your runs easy.");
  sentences.push("Stop and contact your care team if the pain, numbness or weakness in your leg gets worse.");
  return { headline: "Cleared to run, with limits", tone: "cleared", sentences, emergencyAdvice: emergency };
}

const PAUSE_LABELS: Record<PauseReason["code"], string> = {
  red_flag_open: "Not cleared: red flag open",
  awaiting_exam: "Not cleared: awaiting exam",
  no_decision: "Not cleared: no decision yet",
  not_cleared: "Not cleared",
  withdrawn: "Not cleared: withdrawn",
  earlier_episode: "Not cleared: no decision this episode",
  before_red_flag: "Not cleared: decide again after red flag",
  before_reopen: "Not cleared: decide again after reopening",
  review_overdue: "Not cleared: review overdue",
};

/**
 * Why an episode cannot be marked healed now, or null when it can (DOMAIN.md §10.2 and §10.3).
 * Never with a red flag open; and only while a full clearance is in force, since a healed
 * runner goes back to their usual training: healing must never hand running back to a patient
 * whose clearance was withdrawn, refused, limited or left to lapse.
 */
export function healBlocker(permission: Permission): string | null {
  if (permission.status === "paused" && permission.reason.code === "red_flag_open") {
    return "A red flag is open: record how it was resolved before marking the episode healed.";
  }
  if (permission.status !== "cleared" || permission.level !== "full") {
    return "A healed runner goes back to their usual training, so the episode can be marked healed only while the patient is fully cleared to run. Decide a full clearance first.";
  }
  return null;
}

/** The badge clinicians see: the state in force, never the decision alone. */
export function permissionLabel(permission: Permission): string {
  if (permission.status === "return_to_training") return "Healed: back to training";
  if (permission.status === "cleared") return `${permission.level === "full" ? "Fully cleared" : "Cleared with limits"}${permission.reviewDue ? " · review due" : ""}`;
  return PAUSE_LABELS[permission.reason.code];
}

/** Why a paused permission is paused, for the clinician; null when the patient may run. */
export function pauseExplanation(permission: Permission, formatDate: FormatDate): string | null {
  if (permission.status !== "paused") return null;
  const r = permission.reason;
  switch (r.code) {
    case "red_flag_open":
      return `${r.tier === "emergency" ? "An emergency" : "An urgent"} red flag is open. No clearance is in force until a physician records how it was resolved and decides again.`;
    case "awaiting_exam":
      return "The patient has not had a signed examination yet.";
    case "no_decision":
      return "No clearance has been decided for this episode.";
    case "not_cleared":
      return "The latest decision is not cleared.";
    case "withdrawn":
      return "The clearance was withdrawn.";
    case "earlier_episode":
      return "The latest clearance was decided in an earlier episode; decide again for this one.";
    case "before_red_flag":
      return "The latest clearance was decided before the latest red flag was raised; it does not come back by itself. Decide again.";
    case "before_reopen":
      return "The latest clearance was decided before the episode was reopened. Decide again.";
    case "review_overdue":
      return `The review date (${formatDate(r.reviewDate)}) passed more than the clinic's grace period ago (grace ended ${formatDate(r.graceEnded)}).`;
  }
}
