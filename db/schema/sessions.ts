import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Server-side record of each signed-in session. The JWT cookie only names its session;
 * sign-out, deactivation, the idle timeout and the absolute limit are decided here.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text().primaryKey(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/**
 * Every sign-in attempt, kept in the database so throttling holds across app instances. A second
 * factor, a password change and any other re-authentication are attempts too (`kind`), counted
 * together: a stolen session cannot try passwords through a side door.
 */
export const LOGIN_ATTEMPT_KINDS = ["sign_in", "second_factor", "password_change", "reauthentication"] as const;
export type LoginAttemptKind = (typeof LOGIN_ATTEMPT_KINDS)[number];

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    kind: text().$type<LoginAttemptKind>().notNull().default("sign_in"),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.attemptedAt),
    index("login_attempts_ip_idx").on(t.ip, t.attemptedAt),
    index("login_attempts_pair_idx").on(t.email, t.ip, t.attemptedAt),
    check("login_attempts_kind", sql`${t.kind} in ('sign_in', 'second_factor', 'password_change', 'reauthentication')`),
  ],
);
