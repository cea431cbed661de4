import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, timestamp, uuid } from "drizzle-orm/pg-core";
import { episodes } from "./episodes";
import { patients } from "./patients";
import { users } from "./users";

/** The validated outcome questionnaires (DOMAIN.md §5). */
export const questionnaireKind = pgEnum("questionnaire_kind", ["odi", "start_back"]);
export type QuestionnaireKind = (typeof questionnaireKind.enumValues)[number];

/**
 * One completed questionnaire with every answer as given, so it can be scored again. The score is
 * what `lib/domain/scores.ts` gave on submission, kept for trends and the outcomes figures:
 * ODI percent (null when two or more sections were left blank) or the STarT Back total with its
 * psychosocial subscore.
 */
export const questionnaireResponses = pgTable(
  "questionnaire_responses",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    episodeId: uuid().references(() => episodes.id, { onDelete: "set null" }),
    kind: questionnaireKind().notNull(),
    answers: jsonb().$type<unknown>().notNull(),
    score: real(),
    subscore: integer(),
    /** The patient's calendar day it was completed on. */
    localDate: date({ mode: "string" }).notNull(),
    idempotencyKey: uuid().notNull().unique(),
    completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("questionnaire_responses_patient_idx").on(t.patientId, t.kind, t.completedAt),
    check("questionnaire_responses_score_range", sql`${t.score} is null or ${t.score} between 0 and 100`),
  ],
);

/** A clinician asks the patient to complete a questionnaire now, outside the fortnightly rhythm. */
export const questionnaireRequests = pgTable(
  "questionnaire_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    kind: questionnaireKind().notNull(),
    requestedById: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("questionnaire_requests_patient_idx").on(t.patientId, t.kind, t.createdAt)],
);

/** Answers given so far to an unfinished questionnaire, so leaving the page loses nothing. */
export const questionnaireDrafts = pgTable(
  "questionnaire_drafts",
  {
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    kind: questionnaireKind().notNull(),
    answers: jsonb().$type<unknown>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.kind] })],
);
