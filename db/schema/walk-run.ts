import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinicalSeq } from "./columns";
import { episodes } from "./episodes";
import { patients } from "./patients";
import { users } from "./users";

/**
 * The physician's sign-off of the return-to-run entry criteria (DOMAIN.md §6) for this episode:
 * the walk/run programme starts from it at stage 1. It counts only while it is newer (by `seq`)
 * than the latest red flag and the latest reopening.
 */
export const returnToRunSignoffs = pgTable(
  "return_to_run_signoffs",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    episodeId: uuid().notNull().references(() => episodes.id, { onDelete: "cascade" }),
    /** The criteria ids of `returnToRunChecklist` the physician confirmed: all of them. */
    criteria: text().array().notNull(),
    note: text().notNull().default(""),
    signedById: uuid().notNull().references(() => users.id),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    seq: clinicalSeq(),
  },
  (t) => [index("return_to_run_signoffs_patient_idx").on(t.patientId, t.seq)],
);

/** A physician or the assigned therapist sets the walk/run stage, with the reason. */
export const walkRunStageChanges = pgTable(
  "walk_run_stage_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    episodeId: uuid().notNull().references(() => episodes.id, { onDelete: "cascade" }),
    stage: integer().notNull(),
    reason: text().notNull(),
    setById: uuid().notNull().references(() => users.id),
    setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    seq: clinicalSeq(),
  },
  (t) => [index("walk_run_stage_changes_patient_idx").on(t.patientId, t.seq), check("walk_run_stage_changes_stage_range", sql`${t.stage} between 1 and 8`)],
);
