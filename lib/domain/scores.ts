import { z } from "zod";

/** Outcome measures, scored exactly as DOMAIN §5 gives them. */

/** Pain severity, 0–10 verbal numeric rating, reported (LOINC). */
export const PAIN_NRS_LOINC = "72514-3";

export const painNrsSchema = z
  .number({ error: "Pick a pain score from 0 to 10" })
  .int("Pick a whole number from 0 to 10")
  .min(0, "Pick a pain score from 0 to 10")
  .max(10, "Pick a pain score from 0 to 10");

// ---------------------------------------------------------------------------------------------
// Oswestry Disability Index: 10 sections, each 0–5; null is a section left unanswered.

export const ODI_SECTIONS = 10;
/** A change of about 10 points is clinically meaningful (DOMAIN §5). */
export const ODI_MEANINGFUL_CHANGE = 10;

export const odiAnswersSchema = z
  .array(z.number().int().min(0, "Each answer scores 0 to 5").max(5, "Each answer scores 0 to 5").nullable())
  .length(ODI_SECTIONS, `The questionnaire has ${ODI_SECTIONS} sections`);

export type OdiAnswers = z.infer<typeof odiAnswersSchema>;

/** Percent, 0–100: total ÷ (5 × sections answered) × 100; null when two or more sections are unanswered. */
export function odiScore(answers: OdiAnswers): number | null {
  const parsed = odiAnswersSchema.parse(answers);
  const answered = parsed.filter((a): a is number => a !== null);
  if (ODI_SECTIONS - answered.length > 1) return null;
  const total = answered.reduce((sum, a) => sum + a, 0);
  // Multiplying first keeps whole-number scores whole: 7 / 50 × 100 gives 14.000000000000002.
  return (total * 100) / (5 * answered.length);
}

export type OdiBand = "minimal" | "moderate" | "severe" | "crippling" | "bed_bound";

/**
 * Bands 0–20, 21–40, 41–60, 61–80, 81–100. With one section unanswered the score moves in steps
 * of 2.2, which lands exactly on 20, 40, 60 and 80 and never strictly between a band's edges.
 */
export function odiBand(score: number): OdiBand {
  if (score <= 20) return "minimal";
  if (score <= 40) return "moderate";
  if (score <= 60) return "severe";
  if (score <= 80) return "crippling";
  return "bed_bound";
}

export interface OdiChange {
  points: number;
  direction: "better" | "worse" | "same";
  meaningful: boolean;
}

/** A lower ODI is better; a change of ODI_MEANINGFUL_CHANGE points or more counts as meaningful. */
export function odiChange(before: number, after: number): OdiChange {
  const points = after - before;
  return {
    points,
    direction: points < 0 ? "better" : points > 0 ? "worse" : "same",
    meaningful: Math.abs(points) >= ODI_MEANINGFUL_CHANGE,
  };
}

// ---------------------------------------------------------------------------------------------
// STarT Back screening tool: items 1–8 agree or disagree, item 9 how bothersome.

export const bothersomeAnswers = ["not_at_all", "slightly", "moderately", "very_much", "extremely"] as const;
export type Bothersome = (typeof bothersomeAnswers)[number];

export const startBackAnswersSchema = z.object({
  agree: z.array(z.boolean(), { error: "Answer agree or disagree" }).length(8, "Answer all 8 agree or disagree questions"),
  bothersome: z.enum(bothersomeAnswers, { error: "Say how bothersome the pain has been" }),
});

export type StartBackAnswers = z.infer<typeof startBackAnswersSchema>;
export type StartBackRisk = "low" | "medium" | "high";

export interface StartBackResult {
  total: number;
  psychosocial: number;
  risk: StartBackRisk;
}

export function startBack(answers: StartBackAnswers): StartBackResult {
  const { agree, bothersome } = startBackAnswersSchema.parse(answers);
  const item9 = bothersome === "very_much" || bothersome === "extremely" ? 1 : 0;
  const points = [...agree.map((a) => (a ? 1 : 0)), item9];
  const total = points.reduce<number>((sum, p) => sum + p, 0);
  // Items 5–9 are the psychosocial subscale.
  const psychosocial = points.slice(4).reduce<number>((sum, p) => sum + p, 0);
  return { total, psychosocial, risk: startBackRisk(total, psychosocial) };
}

/** The risk group from the total and the psychosocial subscore, also for stored responses (DOMAIN.md §5). */
export function startBackRisk(total: number, psychosocial: number): StartBackRisk {
  return psychosocial >= 4 ? "high" : total <= 3 ? "low" : "medium";
}
