import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgEnum, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { patients } from "./patients";

export const activityKind = pgEnum("activity_kind", ["item", "run"]);
export const activityStatus = pgEnum("activity_status", ["done", "skipped"]);

/**
 * What the patient did at home, by their local date: a plan item done or skipped (with a
 * reason), or a run with its effort and pain. A run that broke the clearance keeps the breach
 * codes, so the care team sees it. The idempotency key makes a double tap or retry land once.
 */
export const activityLogs = pgTable(
  "activity_logs",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    idempotencyKey: uuid().notNull().unique(),
    kind: activityKind().notNull(),
    localDate: date({ mode: "string" }).notNull(),
    itemKey: text(),
    status: activityStatus(),
    skipReason: text(),
    minutes: integer(),
    distanceKm: real(),
    rpe: integer(),
    // Pain scores are 0–10 or null when left blank: blank is unknown, never 0 (DOMAIN.md §6).
    painBefore: integer(),
    painDuring: integer(),
    painAfter: integer(),
    // Pain the morning after a run (DOMAIN.md §6): no worse than before means the run was tolerated.
    morningPain: integer(),
    newNumbnessOrWeakness: boolean().notNull().default(false),
    // The walk/run stage the session was prescribed at when logged; null outside the programme.
    programmeStage: integer(),
    breaches: text().array(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activity_logs_patient_date_idx").on(t.patientId, t.localDate),
    // The walk/run programme reads a patient's programme runs since the sign-off, however long ago:
    // a few rows among the patient's many logs (lib/dal/internal/programme-facts.ts).
    index("activity_logs_programme_runs_idx").on(t.patientId, t.createdAt).where(sql`${t.kind} = 'run' and ${t.programmeStage} is not null`),
  ],
);
