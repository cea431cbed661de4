import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { episodes } from "./episodes";
import { patients } from "./patients";
import { users } from "./users";

/** The root cause (DOMAIN.md §4). Each save is a new row; the newest is the current diagnosis. */
export const diagnoses = pgTable(
  "diagnoses",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    episodeId: uuid().notNull().references(() => episodes.id, { onDelete: "cascade" }),
    condition: text().notNull(),
    icd10Code: text(),
    side: text().notNull(),
    level: text(),
    confirmation: text().notNull(),
    notes: text().notNull().default(""),
    recordedById: uuid().notNull().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("diagnoses_patient_idx").on(t.patientId, t.recordedAt)],
);
