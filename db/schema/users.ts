import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { patients } from "./patients";

export const userRole = pgEnum("user_role", ["physician", "therapist", "patient", "admin"]);
export type UserRole = (typeof userRole.enumValues)[number];

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("users_role_idx").on(t.role),
    check("users_patient_link", sql`(${t.role} = 'patient') = (${t.patientId} is not null)`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
