import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { patients } from "./patients";
import { users } from "./users";

export const therapyAttendance = pgEnum("therapy_attendance", ["attended", "no_show"]);
export type TherapyAttendance = (typeof therapyAttendance.enumValues)[number];

/**
 * A physical therapy session as the therapist recorded it (DOMAIN.md §8), on the patient's local
 * date. A no-show has no exercises in clinic. The form's idempotency key makes a double
 * submit or a retry land once.
 */
export const therapySessions = pgTable(
  "therapy_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    therapistId: uuid().notNull().references(() => users.id),
    idempotencyKey: uuid().notNull().unique(),
    sessionDate: date({ mode: "string" }).notNull(),
    attendance: therapyAttendance().notNull(),
    exercisesInClinic: text().notNull().default(""),
    notes: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("therapy_sessions_patient_date_idx").on(t.patientId, t.sessionDate),
    check("therapy_sessions_no_show_empty", sql`${t.attendance} = 'attended' or ${t.exercisesInClinic} = ''`),
  ],
);
