import { bigint, index, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A user's authenticator (TOTP, RFC 6238). Secrets are stored encrypted with a key kept outside
 * the database (lib/auth/secret-box.ts), bound to the user's id, and never leave the DAL except to
 * their owner while setting up.
 */
export const twoFactorCredentials = pgTable("two_factor_credentials", {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: "cascade" }),
  // The confirmed secret; null while only an enrolment is pending.
  secret: text(),
  enabledAt: timestamp({ withTimezone: true }),
  // A secret shown for enrolment but not yet confirmed with a first code.
  pendingSecret: text(),
  pendingSince: timestamp({ withTimezone: true }),
  // The time step of the last accepted code: a code is accepted only for a later step, so a
  // used code cannot be replayed within its window.
  lastUsedStep: bigint({ mode: "number" }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored only as keyed hashes; each works once. */
export const twoFactorRecoveryCodes = pgTable(
  "two_factor_recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("two_factor_recovery_codes_user_idx").on(t.userId, t.codeHash)],
);

/**
 * The second step of a sign-in: after the password, the browser holds a short-lived challenge
 * (only its hash is stored) that can be completed with a code, a few tries at most.
 */
export const twoFactorChallenges = pgTable(
  "two_factor_challenges",
  {
    tokenHash: text().primaryKey(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    ip: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    failures: smallint().notNull().default(0),
  },
  (t) => [index("two_factor_challenges_user_idx").on(t.userId)],
);
