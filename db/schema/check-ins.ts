import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RedFlagAnswers } from "@/lib/domain/red-flags";
import { patients } from "./patients";

/**
 * A patient's symptom check-in from home: pain now, leg symptoms, and the red-flag questions.
 * The client's idempotency key makes a double tap or a retry land once.
 */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    idempotencyKey: uuid().notNull().unique(),
    painNow: integer().notNull(),
    legSymptoms: text().array().notNull(),
    // Numbness or weakness in the leg reported as new or worse: the care team is told (DOMAIN.md §6).
    neuroWorse: boolean().notNull().default(false),
    redFlagAnswers: jsonb().$type<RedFlagAnswers>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("check_ins_patient_idx").on(t.patientId, t.createdAt)],
);
