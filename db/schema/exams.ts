import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { ExamDraft } from "@/lib/domain/exam";
import { episodes } from "./episodes";
import { patients } from "./patients";
import { users } from "./users";

export const examStatus = pgEnum("exam_status", ["draft", "signed"]);

/**
 * An examination (DOMAIN.md §3). Saved as a draft any number of times, then signed; a trigger
 * refuses any change to a signed exam, so corrections are signed addenda. The findings live in
 * `findings` (validated by lib/domain/exam.ts); the columns beside it are copies taken at
 * signing that the worklist and the clearance rules query.
 */
export const exams = pgTable(
  "exams",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    episodeId: uuid().notNull().references(() => episodes.id, { onDelete: "cascade" }),
    status: examStatus().notNull().default("draft"),
    findings: jsonb().$type<ExamDraft>().notNull().default({}),
    // Optimistic lock: every save names the version it started from.
    version: integer().notNull().default(1),
    authorId: uuid().notNull().references(() => users.id),
    painNow: integer(),
    hasMotorDeficit: boolean(),
    redFlags: text().array().notNull().default(sql`'{}'::text[]`),
    suggestedLevel: text(),
    signedById: uuid().references(() => users.id),
    signedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("exams_patient_idx").on(t.patientId, t.createdAt),
    index("exams_patient_signed_idx").on(t.patientId, t.signedAt).where(sql`${t.status} = 'signed'`),
    // The target of exam_addenda's (exam_id, patient_id) key: an addendum names its exam's patient.
    unique("exams_id_patient").on(t.id, t.patientId),
    check("exams_signed_complete", sql`(${t.status} = 'signed') = (${t.signedAt} is not null and ${t.signedById} is not null and ${t.painNow} is not null)`),
  ],
);

/**
 * A signed correction or addition to a signed exam; never changed once written. It carries its
 * patient, like every patient-owned row, and the composite key makes that the exam's patient, so
 * the table can be sharded by patient with its exam (README, "Past one database").
 */
export const examAddenda = pgTable(
  "exam_addenda",
  {
    id: uuid().primaryKey().defaultRandom(),
    examId: uuid().notNull(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    authorId: uuid().notNull().references(() => users.id),
    text: text().notNull(),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("exam_addenda_exam_idx").on(t.examId, t.signedAt),
    foreignKey({ name: "exam_addenda_exam_patient_fk", columns: [t.examId, t.patientId], foreignColumns: [exams.id, exams.patientId] }).onDelete("cascade"),
  ],
);
