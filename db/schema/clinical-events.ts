import { index, pgEnum, pgSequence, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinicalSeq } from "./columns";
import { episodes } from "./episodes";
import { patients } from "./patients";
import { users } from "./users";

/**
 * The order clinical facts happened in, across tables: every red flag, clearance and episode
 * event takes the next number as it is written under the patient's row lock. "Decided after the
 * latest red flag" (DOMAIN.md §10.1) compares these numbers, never two clocks.
 */
export const clinicalEventSeq = pgSequence("clinical_event_seq");

export const episodeEventKind = pgEnum("episode_event_kind", ["healed", "reopened"]);

/** Each time a physician marks an episode healed or reopens it, with the reason for reopening. */
export const episodeEvents = pgTable(
  "episode_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    episodeId: uuid().notNull().references(() => episodes.id, { onDelete: "cascade" }),
    kind: episodeEventKind().notNull(),
    reason: text().notNull().default(""),
    // On healing: the km run in the 7 days before, where the graded return to training starts from.
    weeklyKmAtHealing: real(),
    actorId: uuid().references(() => users.id),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    seq: clinicalSeq(),
  },
  (t) => [
    index("episode_events_episode_idx").on(t.episodeId, t.seq),
    // The return to training reads each patient's latest healing (recovery facts), per patient.
    index("episode_events_patient_idx").on(t.patientId, t.kind, t.seq),
  ],
);
