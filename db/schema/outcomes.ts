import { boolean, date, integer, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { episodes } from "./episodes";
import { patients } from "./patients";

/**
 * One row per patient, maintained in the same transaction as every write that changes an input
 * (questionnaires, runs, check-ins, stage changes, diagnosis, episode events), so the clinic
 * outcomes dashboard reads a bounded table instead of scanning every log on each view. Screens
 * about one patient never read it: they read `careState`. Rebuildable from the facts at any time.
 */
export const patientOutcomes = pgTable("patient_outcomes", {
  patientId: uuid()
    .primaryKey()
    .references(() => patients.id, { onDelete: "cascade" }),
  episodeId: uuid().references(() => episodes.id, { onDelete: "set null" }),
  episodeStartedOn: date({ mode: "string" }),
  episodeStatus: text(),
  rootCause: text(),
  /** The walk/run stage in force, null outside the programme. */
  programmeStage: integer(),
  /** The first day of continuous running (the last stage) in this episode. */
  continuousOn: date({ mode: "string" }),
  baselineOdi: real(),
  latestOdi: real(),
  baselinePain: integer(),
  latestPain: integer(),
  /** Share of due plan items done over the last 28 days, 0–100. */
  adherencePercent: real(),
  notImprovingAtWeek6: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
