import { z } from "zod";
import { patientRedFlagIds, type RedFlagId } from "./red-flags";

export const LEG_SYMPTOMS = ["pain_down_leg", "tingling", "numbness", "weakness"] as const;
export type LegSymptom = (typeof LEG_SYMPTOMS)[number];

export const legSymptomLabels: Record<LegSymptom, string> = {
  pain_down_leg: "Pain going down my leg",
  tingling: "Pins and needles or tingling",
  numbness: "Numbness",
  weakness: "Weakness in my leg or foot",
};

const answer = z.enum(["yes", "no"], "Answer yes or no.");

/**
 * A check-in from home. Every red-flag question must be answered: an unanswered one must never
 * read as "no" (see lib/domain/red-flags.ts).
 */
export const checkInSchema = z.object({
  idempotencyKey: z.uuid("Reload the page and try again."),
  painNow: z.coerce.number("Choose your pain from 0 to 10.").int().min(0, "Choose your pain from 0 to 10.").max(10, "Choose your pain from 0 to 10."),
  legSymptoms: z.array(z.enum(LEG_SYMPTOMS)).default([]),
  redFlags: z.object(Object.fromEntries(patientRedFlagIds.map((id) => [id, answer])) as Record<RedFlagId, typeof answer>),
});
export type CheckInInput = z.input<typeof checkInSchema>;

/** The red flags answered "yes". */
export function reportedRedFlags(answers: Partial<Record<RedFlagId, "yes" | "no">>): RedFlagId[] {
  return patientRedFlagIds.filter((id) => answers[id] === "yes");
}
