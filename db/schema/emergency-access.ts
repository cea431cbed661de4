import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { patients } from "./patients";
import { users } from "./users";

/** Break-glass: a physician outside the care team opened a chart, with a reason, for a limited time. */
export const emergencyAccessGrants = pgTable(
  "emergency_access_grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    userId: uuid().notNull().references(() => users.id, { onDelete: "restrict" }),
    reason: text().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("emergency_access_user_idx").on(t.userId, t.patientId, t.expiresAt),
    index("emergency_access_patient_idx").on(t.patientId, t.grantedAt),
  ],
);
