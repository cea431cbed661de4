import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { Plan } from "@/lib/domain/plan";
import { episodes } from "./episodes";
import { patients } from "./patients";
import { users } from "./users";

/**
 * The care plan, one row per saved version (DOMAIN.md §1, §7). The newest version is the one the
 * patient follows; (patient, version) is unique, so two editors saving from the same version
 * cannot both win.
 */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    episodeId: uuid().references(() => episodes.id, { onDelete: "set null" }),
    version: integer().notNull(),
    plan: jsonb().$type<Plan>().notNull(),
    changes: text().array().notNull().default(sql`'{}'::text[]`),
    templateId: text(),
    createdById: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("plan_versions_patient_version").on(t.patientId, t.version), index("plan_versions_patient_idx").on(t.patientId, t.version)],
);

export const referralStatus = pgEnum("referral_status", ["requested", "scheduled", "completed", "declined", "cancelled"]);
export const escalationKind = pgEnum("escalation_kind", ["imaging", "epidural_steroid_injection", "surgical_opinion"]);

/** A physical therapy referral: the therapist joins the care team and sees the patient in their caseload. */
export const therapyReferrals = pgTable(
  "therapy_referrals",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    therapistId: uuid().notNull().references(() => users.id),
    sessionsPerWeek: integer().notNull(),
    weeks: integer().notNull(),
    goals: text().notNull(),
    notes: text().notNull().default(""),
    status: referralStatus().notNull().default("requested"),
    startDate: date({ mode: "string" }).notNull(),
    createdById: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("therapy_referrals_patient_idx").on(t.patientId, t.createdAt),
    check("therapy_referrals_dose", sql`${t.sessionsPerWeek} between 1 and 7 and ${t.weeks} between 1 and 52`),
  ],
);

/** Escalation on the treatment ladder: imaging, epidural steroid injection, surgical opinion. */
export const escalationReferrals = pgTable(
  "escalation_referrals",
  {
    id: uuid().primaryKey().defaultRandom(),
    patientId: uuid().notNull().references(() => patients.id, { onDelete: "cascade" }),
    kind: escalationKind().notNull(),
    reason: text().notNull(),
    status: referralStatus().notNull().default("requested"),
    statusNote: text().notNull().default(""),
    createdById: uuid().notNull().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("escalation_referrals_patient_idx").on(t.patientId, t.createdAt)],
);
