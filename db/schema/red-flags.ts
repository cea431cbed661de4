import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { checkIns } from "./check-ins";
import { clinicalSeq } from "./columns";
import { exams } from "./exams";
import { patients } from "./patients";
import { users } from "./users";

export const redFlagSource = pgEnum("red_flag_source", ["exam", "check_in"]);

/**
 * A red flag raised for a patient (DOMAIN.md §2). While unresolved the patient is urgent: top of
 * the worklist, an emergency banner on the chart, and no clearance in force. Its tier is that of
 * its most serious flag (lib/domain/red-flags.ts), never stored.
 */
export const redFlagAlerts = pgTable(
  "red_flag_alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    source: redFlagSource().notNull(),
    examId: uuid().references(() => exams.id, { onDelete: "set null" }),
    checkInId: uuid().references(() => checkIns.id, { onDelete: "set null" }),
    flags: text().array().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    raisedById: uuid().references(() => users.id),
    // A red flag the patient reported must be seen: a physician acknowledges it, then resolves it.
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedById: uuid().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedById: uuid().references(() => users.id),
    resolution: text(),
    seq: clinicalSeq(),
  },
  (t) => [
    index("red_flag_alerts_open_idx").on(t.patientId).where(sql`${t.resolvedAt} is null`),
    index("red_flag_alerts_patient_idx").on(t.patientId, t.raisedAt),
  ],
);

export const knownSymptomSource = pgEnum("known_symptom_source", ["exam", "red_flag_resolution"]);

/**
 * A red-flag symptom a physician recorded as long-standing and assessed (for example bilateral
 * leg symptoms of known stenosis): check-ins then ask only whether it got worse (DOMAIN.md §2).
 * Ended when a later exam answers the flag again.
 */
export const knownSymptoms = pgTable(
  "known_symptoms",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    flag: text().notNull(),
    note: text().notNull().default(""),
    source: knownSymptomSource().notNull(),
    recordedById: uuid().notNull().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("known_symptoms_one_current").on(t.patientId, t.flag).where(sql`${t.endedAt} is null`)],
);
