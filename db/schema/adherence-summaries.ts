import { bigint, date, integer, jsonb, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AdherenceSummary } from "@/lib/domain/caseload";
import { patients } from "./patients";

/**
 * Each patient's adherence figures and follow-up flags (lib/domain/caseload.ts
 * `summarizeActivity`) as a list last derived them, so the worklist and the caseload do not read
 * and walk five weeks of every shown patient's logs on every view. It is a cache, never a source:
 * a row is used only while the patient's change mark (drizzle/0017, 0021), their local date, the
 * review grace their state was derived with and the rules' version (lib/domain/caseload.ts
 * `LIST_RULES_VERSION`) are the ones it was made with; otherwise the list derives the figures
 * again and rewrites it. It holds the patient's skip notes of the last 7 days, as the caseload
 * shows them, until the next list view after a change. The state in force beside them (permission, red
 * flags, alerts) is never kept: every list derives it afresh.
 */
export const adherenceSummaries = pgTable("adherence_summaries", {
  patientId: uuid().primaryKey().references(() => patients.id, { onDelete: "cascade" }),
  asOf: date({ mode: "string" }).notNull(),
  changes: bigint({ mode: "number" }).notNull(),
  graceDays: integer().notNull(),
  rules: integer().notNull(),
  summary: jsonb().$type<AdherenceSummary>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
