import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { Restrictions } from "@/lib/domain/clearance";
import { clinicalSeq } from "./columns";
import { episodes } from "./episodes";
import { patients } from "./patients";
import { users } from "./users";

export const clearanceLevel = pgEnum("clearance_level", ["not_cleared", "restricted", "full"]);

/**
 * Clearance to run. Every decision is a new signed version numbered per patient; the unique
 * (patient, version) pair is the optimistic lock: two physicians deciding from the same version
 * cannot both write the next one. Withdrawal is a version at "not_cleared", marked withdrawn.
 * Whether a clearance is in force is never stored: lib/domain/care-state.ts derives it.
 */
export const clearances = pgTable(
  "clearances",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    episodeId: uuid().references(() => episodes.id, { onDelete: "set null" }),
    version: integer().notNull(),
    level: clearanceLevel().notNull(),
    restrictions: jsonb().$type<Restrictions>(),
    reviewDate: date({ mode: "string" }),
    overrideReason: text().notNull().default(""),
    note: text().notNull().default(""),
    withdrawn: boolean().notNull().default(false),
    seq: clinicalSeq(),
    signedById: uuid().notNull().references(() => users.id),
    signedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("clearances_patient_version").on(t.patientId, t.version), index("clearances_patient_idx").on(t.patientId, t.version)],
);
