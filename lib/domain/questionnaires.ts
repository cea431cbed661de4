import { z } from "zod";
import { addDays, type LocalDate } from "./schedule";
import { bothersomeAnswers, odiAnswersSchema, odiBand, odiChange, odiScore, startBack, startBackAnswersSchema, type OdiBand, type StartBackRisk } from "./scores";

/**
 * The two validated questionnaires (DOMAIN.md §5) in the patient's plain words, when they are
 * due, and the plan each STarT Back risk group points to. Scoring stays in `scores.ts`.
 */

export type QuestionnaireKind = "odi" | "start_back";
export const QUESTIONNAIRE_KINDS: readonly QuestionnaireKind[] = ["odi", "start_back"];

export const questionnaireTitles: Record<QuestionnaireKind, string> = {
  odi: "How your back and leg affect daily life (Oswestry)",
  start_back: "Your back pain in the last 2 weeks (STarT Back)",
};

export const questionnaireShortNames: Record<QuestionnaireKind, string> = { odi: "Oswestry (ODI)", start_back: "STarT Back" };

/** URL segment of each kind: /me/questionnaires/odi, /me/questionnaires/start-back. */
export const questionnaireSlugs: Record<QuestionnaireKind, string> = { odi: "odi", start_back: "start-back" };
export function kindOfSlug(slug: string): QuestionnaireKind | null {
  return (Object.keys(questionnaireSlugs) as QuestionnaireKind[]).find((k) => questionnaireSlugs[k] === slug) ?? null;
}

export interface OdiSection {
  title: string;
  /** Six statements, scored 0 (first) to 5 (last). */
  statements: readonly [string, string, string, string, string, string];
}

/**
 * The ten Oswestry sections, each with six statements from no difficulty (0) to the most (5),
 * in plain words. The patient picks the one statement that fits them best today.
 */
export const ODI_SECTIONS: readonly OdiSection[] = [
  {
    title: "Pain right now",
    statements: [
      "I have no pain at the moment.",
      "The pain is very mild at the moment.",
      "The pain is moderate at the moment.",
      "The pain is fairly severe at the moment.",
      "The pain is very severe at the moment.",
      "The pain is the worst I can imagine at the moment.",
    ],
  },
  {
    title: "Looking after yourself (washing, dressing)",
    statements: [
      "I can look after myself normally without extra pain.",
      "I can look after myself normally, but it is very painful.",
      "Looking after myself is painful, and I am slow and careful.",
      "I need some help, but manage most of it myself.",
      "I need help every day with most of looking after myself.",
      "I do not get dressed, I wash with difficulty and stay in bed.",
    ],
  },
  {
    title: "Lifting",
    statements: [
      "I can lift heavy things without extra pain.",
      "I can lift heavy things, but it gives me extra pain.",
      "Pain stops me lifting heavy things off the floor, but I can if they are placed conveniently, for example on a table.",
      "Pain stops me lifting heavy things, but I can manage light to medium things if they are placed conveniently.",
      "I can lift only very light things.",
      "I cannot lift or carry anything at all.",
    ],
  },
  {
    title: "Walking",
    statements: [
      "Pain does not stop me walking any distance.",
      "Pain stops me walking more than about 1.5 km (1 mile).",
      "Pain stops me walking more than about 800 m (half a mile).",
      "Pain stops me walking more than about 400 m (a quarter of a mile).",
      "I can walk only with a stick or crutches.",
      "I am in bed most of the time.",
    ],
  },
  {
    title: "Sitting",
    statements: [
      "I can sit in any chair as long as I like.",
      "I can sit in my favourite chair as long as I like.",
      "Pain stops me sitting for more than an hour.",
      "Pain stops me sitting for more than half an hour.",
      "Pain stops me sitting for more than 10 minutes.",
      "Pain stops me sitting at all.",
    ],
  },
  {
    title: "Standing",
    statements: [
      "I can stand as long as I want without extra pain.",
      "I can stand as long as I want, but it gives me extra pain.",
      "Pain stops me standing for more than an hour.",
      "Pain stops me standing for more than half an hour.",
      "Pain stops me standing for more than 10 minutes.",
      "Pain stops me standing at all.",
    ],
  },
  {
    title: "Sleeping",
    statements: [
      "My sleep is never disturbed by pain.",
      "My sleep is sometimes disturbed by pain.",
      "Because of pain I sleep less than 6 hours.",
      "Because of pain I sleep less than 4 hours.",
      "Because of pain I sleep less than 2 hours.",
      "Pain stops me sleeping at all.",
    ],
  },
  {
    title: "Sex life (if it applies to you)",
    statements: [
      "My sex life is normal and causes no extra pain.",
      "My sex life is normal but causes some extra pain.",
      "My sex life is nearly normal but is very painful.",
      "My sex life is severely limited by pain.",
      "My sex life is nearly absent because of pain.",
      "Pain prevents any sex life at all.",
    ],
  },
  {
    title: "Social life",
    statements: [
      "My social life is normal and gives me no extra pain.",
      "My social life is normal, but it makes the pain worse.",
      "Pain affects my social life only in my more energetic interests, such as sport.",
      "Pain has limited my social life, and I do not go out as often.",
      "Pain has limited my social life to my home.",
      "I have no social life because of pain.",
    ],
  },
  {
    title: "Travelling",
    statements: [
      "I can travel anywhere without pain.",
      "I can travel anywhere, but it gives me extra pain.",
      "Pain is bad, but I manage journeys over 2 hours.",
      "Pain limits me to journeys of less than an hour.",
      "Pain limits me to short necessary journeys under 30 minutes.",
      "Pain stops me travelling except to receive treatment.",
    ],
  },
];

/** STarT Back items 1–8: agree or disagree, thinking about the last 2 weeks. */
export const START_BACK_STATEMENTS: readonly string[] = [
  "My back pain has spread down my leg(s) at some time in the last 2 weeks.",
  "I have had pain in the shoulder or neck at some time in the last 2 weeks.",
  "I have only walked short distances because of my back pain.",
  "In the last 2 weeks, I have dressed more slowly than usual because of back pain.",
  "It's not really safe for a person with a condition like mine to be physically active.",
  "Worrying thoughts have been going through my mind a lot of the time.",
  "I feel that my back pain is terrible and it's never going to get any better.",
  "In general I have not enjoyed all the things I used to enjoy.",
];

export const START_BACK_BOTHERSOME_QUESTION = "Overall, how bothersome has your back pain been in the last 2 weeks?";
export const bothersomeLabels: Record<(typeof bothersomeAnswers)[number], string> = {
  not_at_all: "Not at all",
  slightly: "Slightly",
  moderately: "Moderately",
  very_much: "Very much",
  extremely: "Extremely",
};

/** The screens of each questionnaire: one section (ODI) or one statement (STarT Back) each. */
export const questionnaireSteps: Record<QuestionnaireKind, number> = { odi: ODI_SECTIONS.length, start_back: START_BACK_STATEMENTS.length + 1 };

// ---------------------------------------------------------------------------------------------
// Answers as they travel: drafts are partial, a submission is checked whole.

/** An ODI answer per section: 0–5, or null for a section the patient chose to leave blank. */
export const odiDraftSchema = z.object({ answers: z.array(z.number().int().min(0).max(5).nullable()).max(10) });
export const startBackDraftSchema = z.object({
  agree: z.array(z.boolean().nullable()).max(8),
  bothersome: z.enum(bothersomeAnswers).nullable(),
});

export const draftSchemas = { odi: odiDraftSchema, start_back: startBackDraftSchema } as const;
export type OdiDraft = z.infer<typeof odiDraftSchema>;
export type StartBackDraft = z.infer<typeof startBackDraftSchema>;
export type QuestionnaireDraft = OdiDraft | StartBackDraft;

export const submissionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("odi"), idempotencyKey: z.uuid(), answers: odiAnswersSchema }),
  z.object({
    kind: z.literal("start_back"),
    idempotencyKey: z.uuid(),
    answers: startBackAnswersSchema,
  }),
]);
export type QuestionnaireSubmission = z.input<typeof submissionSchema>;

export interface Scored {
  /** ODI percent (null when two or more sections are blank) or the STarT Back total. */
  score: number | null;
  /** STarT Back psychosocial subscore; null for ODI. */
  subscore: number | null;
}

export function scoreSubmission(submission: z.output<typeof submissionSchema>): Scored {
  if (submission.kind === "odi") return { score: odiScore(submission.answers), subscore: null };
  const result = startBack(submission.answers);
  return { score: result.total, subscore: result.psychosocial };
}

export { startBackRisk } from "./scores";

// ---------------------------------------------------------------------------------------------
// When a questionnaire is due

/** Asked again this many days after the last one (and at baseline, after the first exam). */
export const QUESTIONNAIRE_INTERVAL_DAYS = 14;

export interface DueFacts {
  today: LocalDate;
  /** The episode is under care and its first exam is signed: the baseline can be asked. */
  examined: boolean;
  /** The latest completion of each kind in this episode, by the patient's calendar. */
  latest: Partial<Record<QuestionnaireKind, LocalDate>>;
  /** A clinician asked for it after the latest completion. */
  requested: Partial<Record<QuestionnaireKind, boolean>>;
}

export interface DueQuestionnaire {
  kind: QuestionnaireKind;
  reason: "baseline" | "fortnightly" | "requested";
  /** The day it became due. */
  since: LocalDate;
}

/**
 * Baseline once the first exam of the episode is signed, then every two weeks after the last
 * completion, or at once when a clinician asks. Nothing is due outside an examined episode.
 */
export function questionnairesDue(facts: DueFacts): DueQuestionnaire[] {
  if (!facts.examined) return [];
  return QUESTIONNAIRE_KINDS.flatMap((kind): DueQuestionnaire[] => {
    const last = facts.latest[kind];
    if (facts.requested[kind]) return [{ kind, reason: "requested", since: facts.today }];
    if (!last) return [{ kind, reason: "baseline", since: facts.today }];
    const next = addDays(last, QUESTIONNAIRE_INTERVAL_DAYS);
    return next <= facts.today ? [{ kind, reason: "fortnightly", since: next }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// What clinicians read

export const odiBandLabels: Record<OdiBand, string> = {
  minimal: "minimal disability",
  moderate: "moderate disability",
  severe: "severe disability",
  crippling: "crippling back pain",
  bed_bound: "bed-bound or exaggerating",
};

export interface OdiSummary {
  latest: { score: number; band: OdiBand; date: LocalDate };
  baseline: { score: number; date: LocalDate };
  change: ReturnType<typeof odiChange> | null;
}

/** The latest scored ODI against the episode's first scored one; null before any is scored. */
export function summarizeOdi(history: readonly { date: LocalDate; score: number | null }[]): OdiSummary | null {
  const scored = history.filter((h): h is { date: LocalDate; score: number } => h.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  if (!first || !last) return null;
  return {
    latest: { score: last.score, band: odiBand(last.score), date: last.date },
    baseline: { score: first.score, date: first.date },
    change: scored.length > 1 ? odiChange(first.score, last.score) : null,
  };
}

/** NICE NG59: the STarT Back risk group points to light or more intensive support. */
export const startBackPlan: Record<StartBackRisk, { label: string; templateKind: "self-care" | "physical therapy"; advice: string }> = {
  low: { label: "Low risk", templateKind: "self-care", advice: "Self-care: advice, reassurance and the home plan." },
  medium: { label: "Medium risk", templateKind: "physical therapy", advice: "Physical therapy with an exercise programme." },
  high: {
    label: "High risk",
    templateKind: "physical therapy",
    advice: "Physical therapy with a psychologically informed approach (addressing worry, fear of movement and low mood alongside exercise).",
  },
};

export type GoalStatus = "met" | "not_met" | "not_measured";

/**
 * A plan goal about the Oswestry score ("Disability score (Oswestry) down by at least 10
 * points"): met when the latest ODI is at least that many points below the baseline. Null for a
 * goal that is not about the ODI, so other goals are left to the clinician.
 */
export function odiGoalStatus(description: string, summary: OdiSummary | null): { points: number; status: GoalStatus } | null {
  if (!/oswestry|\bodi\b/i.test(description)) return null;
  const points = Number(/(\d+)\s*(points?|pts)?/i.exec(description.replace(/\(oswestry\)/i, ""))?.[1] ?? 10);
  if (!summary?.change) return { points, status: "not_measured" };
  return { points, status: -summary.change.points >= points ? "met" : "not_met" };
}
