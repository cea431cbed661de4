import { bigint, boolean, date, integer, pgTable, real, timestamp, uuid } from "drizzle-orm/pg-core";
import { patients } from "./patients";

/**
 * Where each patient stands in a caseload's order of need (lib/domain/caseload.ts `byRank`), so a
 * caseload of hundreds ranks its patients without deriving every one's state on every view. It is
 * a cache, never a source: a row is trusted only while the patient's change mark (drizzle/0017,
 * 0021), their local date, the clinic's review grace and the rules' version (lib/domain/caseload.ts
 * `LIST_RULES_VERSION`) are the ones it was made with; otherwise
 * the caseload derives the patient again and rewrites it. The state in force of the rows a
 * caseload shows is always derived afresh.
 */
export const caseloadRanks = pgTable("caseload_ranks", {
  patientId: uuid().primaryKey().references(() => patients.id, { onDelete: "cascade" }),
  asOf: date({ mode: "string" }).notNull(),
  changes: bigint({ mode: "number" }).notNull(),
  graceDays: integer().notNull(),
  /** Rows kept before the version was (migration 0024) have 0: made again on the next view. */
  rules: integer().notNull().default(0),
  healed: boolean().notNull(),
  openRedFlags: integer().notNull(),
  needScore: integer().notNull(),
  last7: real(),
  /** A safety alert or a follow-up flag. */
  attention: boolean().notNull(),
  /** An open red flag or a safety alert. */
  urgent: boolean().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
