import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    // An administrator's review of the grant (separation of duties).
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedById: uuid().references(() => users.id),
    reviewNote: text(),
  },
  (t) => [
    index("emergency_access_user_idx").on(t.userId, t.patientId, t.expiresAt),
    index("emergency_access_patient_idx").on(t.patientId, t.grantedAt),
    index("emergency_access_granted_idx").on(t.grantedAt),
  ],
);

/**
 * Every request for emergency access that named a patient, granted or not, for the per-physician
 * rate limit: a failed MRN and date-of-birth match counts too, so MRNs cannot be enumerated.
 */
export const emergencyAccessAttempts = pgTable(
  "emergency_access_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    granted: boolean().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("emergency_access_attempts_user_idx").on(t.userId, t.attemptedAt)],
);
