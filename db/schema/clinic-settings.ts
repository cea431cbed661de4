import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Settings of the clinic this installation serves: one row. The emergency number and the
 * urgent-advice line depend on the country (DOMAIN.md §2) and appear in every emergency sentence.
 */
export const clinicSettings = pgTable(
  "clinic_settings",
  {
    id: smallint().primaryKey().default(1),
    // The letterhead of every printed document (plan, exam note, referral and clearance letters).
    clinicName: text().notNull().default("RunClear Clinic"),
    emergencyNumber: text().notNull().default("911"),
    urgentLineName: text().notNull().default("your care team"),
    urgentLineNumber: text().notNull().default(""),
    // Days a clearance stays in force after its review date has passed (DOMAIN.md §10.1).
    reviewGraceDays: integer().notNull().default(7),
    // Physicians and administrators must use two-factor sign-in (issue 12, point 6).
    twoFactorRequired: boolean().notNull().default(false),
    // Clinicians and administrators read every time in the clinic's zone; patients in their own.
    timeZone: text().notNull().default("UTC"),
    // How dates and times are written (lib/ui/format.ts), for example en-US or en-GB.
    locale: text().notNull().default("en-US"),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid().references(() => users.id),
  },
  (t) => [
    check("clinic_settings_one_row", sql`${t.id} = 1`),
    check("clinic_settings_grace", sql`${t.reviewGraceDays} between 0 and 30`),
  ],
);
