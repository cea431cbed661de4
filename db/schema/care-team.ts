import { index, pgEnum, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { patients } from "./patients";
import { users } from "./users";

export const careTeamRole = pgEnum("care_team_role", ["physician", "therapist"]);
export type CareTeamRole = (typeof careTeamRole.enumValues)[number];

/** Which physicians and therapists look after which patient (DOMAIN.md §8). */
export const careTeamMembers = pgTable(
  "care_team_members",
  {
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    userId: uuid().notNull().references(() => users.id, { onDelete: "restrict" }),
    role: careTeamRole().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.userId] }), index("care_team_user_idx").on(t.userId, t.patientId)],
);
