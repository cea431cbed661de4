import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { exams } from "./exams";
import { patients } from "./patients";
import { users } from "./users";

export const redFlagSource = pgEnum("red_flag_source", ["exam", "check_in"]);

/**
 * A red flag raised for a patient (DOMAIN.md §2). While unresolved the patient is urgent: top of
 * the worklist, an emergency banner on the chart, and no clearance to run.
 */
export const redFlagAlerts = pgTable(
  "red_flag_alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    source: redFlagSource().notNull(),
    examId: uuid().references(() => exams.id, { onDelete: "set null" }),
    flags: text().array().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    raisedById: uuid().references(() => users.id),
    // A red flag the patient reported must be seen: a physician acknowledges it, then resolves it.
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedById: uuid().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedById: uuid().references(() => users.id),
    resolution: text(),
  },
  (t) => [
    index("red_flag_alerts_open_idx").on(t.patientId).where(sql`${t.resolvedAt} is null`),
    index("red_flag_alerts_patient_idx").on(t.patientId, t.raisedAt),
  ],
);
