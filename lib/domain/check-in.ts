import { z } from "zod";
import { highestTier, patientRedFlagIds, type RedFlagId, type RedFlagTier } from "./red-flags";

export const LEG_SYMPTOMS = ["pain_down_leg", "tingling", "numbness", "weakness"] as const;
export type LegSymptom = (typeof LEG_SYMPTOMS)[number];

export const legSymptomLabels: Record<LegSymptom, string> = {
  pain_down_leg: "Pain going down my leg",
  tingling: "Pins and needles or tingling",
  numbness: "Numbness",
  weakness: "Weakness in my leg or foot",
};

const answer = z.enum(["yes", "no"], "Answer yes or no.");

/** Asked at every check-in: new or worse numbness or weakness tells the care team (DOMAIN.md §6). */
export const NEURO_QUESTION = "Compared with before, is any numbness or weakness in your leg or foot new, or worse?";

/**
 * A check-in from home. Every red-flag question must be answered: an unanswered one must never
 * read as "no" (see lib/domain/red-flags.ts).
 */
export const checkInSchema = z.object({
  idempotencyKey: z.uuid("Reload the page and try again."),
  painNow: z.coerce.number("Choose your pain from 0 to 10.").int().min(0, "Choose your pain from 0 to 10.").max(10, "Choose your pain from 0 to 10."),
  legSymptoms: z.array(z.enum(LEG_SYMPTOMS)).default([]),
  neuroWorse: answer,
  redFlags: z.object(Object.fromEntries(patientRedFlagIds.map((id) => [id, answer])) as Record<RedFlagId, typeof answer>),
});
export type CheckInInput = z.input<typeof checkInSchema>;

/** The red flags answered "yes". */
export function reportedRedFlags(answers: Partial<Record<RedFlagId, "yes" | "no">>): RedFlagId[] {
  return patientRedFlagIds.filter((id) => answers[id] === "yes");
}

export interface CheckInOutcome {
  /** The tier of the most serious sign reported: what the patient is told to do at once. */
  tier: RedFlagTier | null;
  redFlags: RedFlagId[];
  /** New or worse numbness or weakness, not a red flag by itself: the care team is told. */
  careTeamAlerted: boolean;
}

export function checkInOutcome(redFlags: RedFlagId[], neuroWorse: boolean): CheckInOutcome {
  return { tier: highestTier(redFlags), redFlags, careTeamAlerted: redFlags.length > 0 || neuroWorse };
}
