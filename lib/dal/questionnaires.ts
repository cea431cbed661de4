import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { checkIns } from "@/db/schema/check-ins";
import { patients } from "@/db/schema/patients";
import { questionnaireDrafts, questionnaireRequests, questionnaireResponses } from "@/db/schema/questionnaires";
import {
  draftSchemas,
  odiGoalStatus,
  QUESTIONNAIRE_KINDS,
  questionnairesDue,
  scoreSubmission,
  startBackRisk,
  submissionSchema,
  summarizeOdi,
  type DueQuestionnaire,
  type GoalStatus,
  type OdiSummary,
  type QuestionnaireDraft,
  type QuestionnaireKind,
} from "@/lib/domain/questionnaires";
import { localDate, type LocalDate } from "@/lib/domain/schedule";
import type { StartBackRisk } from "@/lib/domain/scores";
import { auditOf, authorizePatient, authorizeRole, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { withPatientLocked } from "./internal/care-facts";
import { careOf } from "./internal/care-state-cache";
import { fieldErrorsOf, ValidationError } from "./errors";
import { preparedRead } from "./internal/prepared-read";
import { dateOf } from "./internal/sql-rows";

const kindSchema = z.enum(["odi", "start_back"], "Unknown questionnaire.");

interface EpisodeQuestionnaires {
  episodeId: string | null;
  episodeStartedOn: LocalDate | null;
  due: DueQuestionnaire[];
  responses: { id: string; kind: QuestionnaireKind; date: LocalDate; score: number | null; subscore: number | null }[];
}

type ResponseRow = [id: string, kind: QuestionnaireKind, date: LocalDate, score: number | null, subscore: number | null, completedAt: string];

/**
 * What the episode's questionnaires depend on, in one round trip: whether an exam of it has been
 * signed (the baseline is due after the first), its responses oldest first, and when each kind
 * was last asked for.
 */
const questionnaireFacts = preparedRead(["patientId", "episodeId"], (database, at) =>
  database
    .select({
      examined: sql<boolean>`exists (select 1 from exams e where e.patient_id = ${at.patientId} and e.episode_id = ${at.episodeId} and e.status = 'signed')`,
      responses: sql<ResponseRow[]>`coalesce((
        select json_agg(json_build_array(r.id, r.kind, r.local_date, r.score, r.subscore, r.completed_at) order by r.completed_at)
        from questionnaire_responses r where r.patient_id = ${at.patientId} and r.episode_id = ${at.episodeId}), '[]')`,
      requests: sql<[QuestionnaireKind, string][]>`coalesce((
        select json_agg(json_build_array(q.kind, q.at))
        from (select kind, max(created_at) as at from questionnaire_requests where patient_id = ${at.patientId} group by kind) q), '[]')`,
    })
    .from(patients)
    .where(eq(patients.id, at.patientId)),
);

/**
 * The current episode's completed questionnaires and what is due: baseline after its first signed
 * exam, then fortnightly, or when a clinician asked after the last completion. Checks nothing.
 */
async function episodeQuestionnaires(patientId: string): Promise<EpisodeQuestionnaires> {
  const { facts } = await careOf(patientId);
  const episode = facts.episode;
  if (!episode) return { episodeId: null, episodeStartedOn: null, due: [], responses: [] };
  const [row] = await questionnaireFacts({ patientId, episodeId: episode.id });
  const examined = row?.examined ?? false;
  const responses = (row?.responses ?? []).map(([id, kind, date, score, subscore, completedAt]) => ({ id, kind, date, score, subscore, completedAt: dateOf(completedAt) }));
  const requests = (row?.requests ?? []).map(([kind, at]) => ({ kind, at }));
  const latest: Partial<Record<QuestionnaireKind, LocalDate>> = {};
  const requested: Partial<Record<QuestionnaireKind, boolean>> = {};
  for (const kind of QUESTIONNAIRE_KINDS) {
    const last = responses.filter((r) => r.kind === kind).at(-1);
    if (last) latest[kind] = last.date;
    const asked = requests.find((r) => r.kind === kind)?.at;
    requested[kind] = Boolean(asked && (!last || new Date(asked) > last.completedAt));
  }
  return {
    episodeId: episode.id,
    episodeStartedOn: localDate(episode.openedAt, facts.timeZone),
    due: questionnairesDue({ today: facts.today, examined: episode.status === "active" && examined, latest, requested }),
    responses: responses.map(({ completedAt: _at, ...r }) => r),
  };
}

export interface MyQuestionnaires {
  due: (DueQuestionnaire & { started: boolean })[];
}

const draftKinds = preparedRead(["patientId"], (database, at) =>
  database.select({ kind: questionnaireDrafts.kind }).from(questionnaireDrafts).where(eq(questionnaireDrafts.patientId, at.patientId)),
);

/** What the signed-in patient is asked to fill in now, and whether they have begun it. */
export async function getMyQuestionnaires(): Promise<MyQuestionnaires> {
  const user = await authorizeRole("questionnaire.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "questionnaire.view", { roles: ["patient"] });
  const [{ due }, drafts] = await Promise.all([episodeQuestionnaires(access.patientId), draftKinds({ patientId: access.patientId })]);
  return { due: due.map((d) => ({ ...d, started: drafts.some((r) => r.kind === d.kind) })) };
}

/** The answers the patient gave so far to an unfinished questionnaire; null when none. */
export async function getMyQuestionnaireDraft(kind: QuestionnaireKind): Promise<QuestionnaireDraft | null> {
  const user = await authorizeRole("questionnaire.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "questionnaire.view", { roles: ["patient"] });
  const parsedKind = kindSchema.parse(kind);
  const [row] = await (await db())
    .select({ answers: questionnaireDrafts.answers })
    .from(questionnaireDrafts)
    .where(and(eq(questionnaireDrafts.patientId, access.patientId), eq(questionnaireDrafts.kind, parsedKind)));
  const draft = row ? draftSchemas[parsedKind].safeParse(row.answers) : null;
  return draft?.success ? draft.data : null;
}

export const draftInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("odi"), draft: draftSchemas.odi }),
  z.object({ kind: z.literal("start_back"), draft: draftSchemas.start_back }),
]);

/** Keeps what the patient answered so far, section by section, so leaving the page loses nothing. */
export async function saveQuestionnaireDraft(input: z.input<typeof draftInputSchema>): Promise<void> {
  const user = await authorizeRole("questionnaire.draft", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "questionnaire.draft", { roles: ["patient"] });
  const parsed = draftInputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Your answers could not be saved: reload the page and try again.", fieldErrorsOf(parsed.error));
  const { kind, draft } = parsed.data;
  const database = await db();
  await database.transaction(async (tx) => {
    await tx
      .insert(questionnaireDrafts)
      .values({ patientId: access.patientId, kind, answers: draft, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [questionnaireDrafts.patientId, questionnaireDrafts.kind], set: { answers: draft, updatedAt: new Date() } });
    await writeAudit(auditOf(access, "questionnaire.draft", `questionnaire:${kind}`), tx);
  });
}

export interface SubmittedQuestionnaire {
  kind: QuestionnaireKind;
  score: number | null;
  subscore: number | null;
}

/**
 * The patient completes a questionnaire: stored with every answer as given and its score, in the
 * current episode, under the patient's lock; the draft goes. A repeated idempotency key answers
 * as the first time and writes nothing.
 */
export async function submitQuestionnaire(input: unknown): Promise<SubmittedQuestionnaire> {
  const user = await authorizeRole("questionnaire.submit", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "questionnaire.submit", { roles: ["patient"] });
  const parsed = submissionSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Please answer the questions marked.", fieldErrorsOf(parsed.error));
  const submission = parsed.data;
  const { score, subscore } = scoreSubmission(submission);
  return withPatientLocked(access.patientId, async (tx, facts) => {
    if (!facts.episode) throw new ValidationError("There is no episode of care to record this in yet.");
    const inserted = await tx
      .insert(questionnaireResponses)
      .values({
        patientId: access.patientId,
        episodeId: facts.episode.id,
        kind: submission.kind,
        answers: submission.answers,
        score,
        subscore,
        localDate: facts.today,
        idempotencyKey: submission.idempotencyKey,
        completedAt: new Date(),
      })
      .onConflictDoNothing({ target: questionnaireResponses.idempotencyKey })
      .returning({ id: questionnaireResponses.id });
    if (!inserted.length) {
      const [earlier] = await tx
        .select({ kind: questionnaireResponses.kind, score: questionnaireResponses.score, subscore: questionnaireResponses.subscore })
        .from(questionnaireResponses)
        .where(and(eq(questionnaireResponses.idempotencyKey, submission.idempotencyKey), eq(questionnaireResponses.patientId, access.patientId)));
      if (!earlier) throw new ValidationError("Reload the page and try again.");
      return earlier;
    }
    await tx.delete(questionnaireDrafts).where(and(eq(questionnaireDrafts.patientId, access.patientId), eq(questionnaireDrafts.kind, submission.kind)));
    await writeAudit(auditOf(access, "questionnaire.submit", `questionnaire_response:${inserted[0]!.id}`), tx);
    return { kind: submission.kind, score, subscore };
  });
}

export const requestInputSchema = z.object({ patientId: z.uuid(), kind: kindSchema });

/** A physician or therapist on the care team asks the patient to fill one in now. */
export async function requestQuestionnaire(input: z.input<typeof requestInputSchema>): Promise<void> {
  const parsed = requestInputSchema.safeParse(input);
  const access = await authorizePatient(parsed.success ? parsed.data.patientId : "", "questionnaire.request", { roles: ["physician", "therapist"], careTeamOnly: true });
  if (!parsed.success) throw new ValidationError("Choose a questionnaire.", fieldErrorsOf(parsed.error));
  await (await db()).transaction(async (tx) => {
    await tx.insert(questionnaireRequests).values({ patientId: access.patientId, kind: parsed.data.kind, requestedById: access.user.id });
    await writeAudit(auditOf(access, "questionnaire.request", `questionnaire:${parsed.data.kind}`), tx);
  });
}

export interface OutcomeScores {
  episodeStartedOn: LocalDate | null;
  today: LocalDate;
  odi: { date: LocalDate; score: number | null }[];
  odiSummary: OdiSummary | null;
  startBack: { date: LocalDate; total: number; psychosocial: number; risk: StartBackRisk } | null;
  /** Pain now from check-ins in this episode, for the trend beside the ODI. */
  pain: { date: LocalDate; pain: number }[];
  due: DueQuestionnaire[];
  /** The plan's goals about the ODI, met or not from the scores. */
  goals: { description: string; points: number; status: GoalStatus }[];
}

const checkInPainSince = preparedRead(["patientId", "since"], (database, at) =>
  database
    .select({ createdAt: checkIns.createdAt, pain: checkIns.painNow })
    .from(checkIns)
    .where(and(eq(checkIns.patientId, at.patientId), gte(checkIns.createdAt, at.since)))
    .orderBy(asc(checkIns.createdAt)),
);

/** A clinician's view of the patient's outcome scores in this episode. */
export async function getOutcomeScores(patientId: string): Promise<OutcomeScores> {
  const access = await readPatient(patientId, "questionnaire.view", { roles: ["physician", "therapist"] });
  const { facts } = await careOf(access.patientId);
  const mine = await episodeQuestionnaires(access.patientId);
  const since = mine.episodeStartedOn ?? facts.today;
  const painRows = await checkInPainSince({ patientId: access.patientId, since: `${since}T00:00:00Z` });
  const odi = mine.responses.filter((r) => r.kind === "odi").map((r) => ({ date: r.date, score: r.score }));
  const lastStart = mine.responses.filter((r) => r.kind === "start_back" && r.score !== null && r.subscore !== null).at(-1);
  const odiSummary = summarizeOdi(odi);
  return {
    episodeStartedOn: mine.episodeStartedOn,
    today: facts.today,
    odi,
    odiSummary,
    startBack: lastStart ? { date: lastStart.date, total: lastStart.score!, psychosocial: lastStart.subscore!, risk: startBackRisk(lastStart.score!, lastStart.subscore!) } : null,
    pain: painRows.map((p) => ({ date: localDate(p.createdAt, facts.timeZone), pain: p.pain })),
    due: mine.due,
    // The plan in force is one of the facts read once per request.
    goals: (facts.plan?.goals ?? []).flatMap((g) => {
      const status = odiGoalStatus(g.description, odiSummary);
      return status ? [{ description: g.description, ...status }] : [];
    }),
  };
}
