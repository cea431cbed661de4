import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { patients } from "./patients";

/**
 * One sciatica episode per patient at a time. Later clinical records (exams, diagnosis,
 * clearance, plan, logs) hang off it.
 *  - awaiting_exam: referred or registered, no signed exam yet
 *  - active: under care
 *  - healed: a physician marked it healed; training returns gradually (DOMAIN.md §1)
 */
export const episodeStatus = pgEnum("episode_status", ["awaiting_exam", "active", "healed"]);
export type EpisodeStatus = (typeof episodeStatus.enumValues)[number];

export const episodes = pgTable(
  "episodes",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    status: episodeStatus().notNull().default("awaiting_exam"),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    summary: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("episodes_patient_idx").on(t.patientId, t.openedAt),
    uniqueIndex("episodes_one_open_per_patient").on(t.patientId).where(sql`${t.status} <> 'healed'`),
    check("episodes_resolved_when_healed", sql`(${t.status} = 'healed') = (${t.resolvedAt} is not null)`),
  ],
);

export type Episode = typeof episodes.$inferSelect;
