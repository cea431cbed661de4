import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { patients } from "./patients";

export const userRole = pgEnum("user_role", ["physician", "therapist", "patient", "admin"]);
export type UserRole = (typeof userRole.enumValues)[number];

/** What an administrator did to a staff account that a second administrator must confirm. */
export const staffAccessChange = pgEnum("staff_access_change", ["created", "role_changed", "password_reset", "two_factor_reset"]);
export type StaffAccessChange = (typeof staffAccessChange.enumValues)[number];

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: userRole().notNull(),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    mustChangePassword: boolean().notNull().default(false),
    // Sessions issued before this instant are refused (sign-out everywhere, deactivation, reset).
    sessionsValidAfter: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Set only for role = patient: the record this account may see.
    patientId: uuid().references(() => patients.id, { onDelete: "restrict" }).unique(),
    // Separation of duties: a staff account reaches patient records and admin functions only once
    // an administrator other than the one who last created it, changed its role or reset its
    // password or two-factor sign-in has confirmed it. Null = waiting. Patients need no confirmation.
    accessConfirmedAt: timestamp({ withTimezone: true }),
    accessConfirmedById: uuid().references((): AnyPgColumn => users.id),
    accessChange: staffAccessChange(),
    accessChangedById: uuid().references((): AnyPgColumn => users.id),
    accessChangedAt: timestamp({ withTimezone: true }),
    // Set when an administrator resets two-factor sign-in: the person must set it up again.
    twoFactorEnrolmentRequired: boolean().notNull().default(false),
    // Granted by an administrator to a physician: sees the whole clinic's outcomes dashboard.
    clinicalLead: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("users_role_idx").on(t.role),
    check("users_patient_link", sql`(${t.role} = 'patient') = (${t.patientId} is not null)`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    // Nobody confirms their own account or a change they made themselves.
    check("users_access_confirmer", sql`${t.accessConfirmedById} is distinct from ${t.id} and (${t.accessConfirmedById} is null or ${t.accessConfirmedById} is distinct from ${t.accessChangedById})`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
