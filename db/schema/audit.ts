import { sql } from "drizzle-orm";
import { bigint, boolean, index, pgEnum, pgSequence, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditOutcome = pgEnum("audit_outcome", ["allowed", "denied", "success", "failure"]);
export type AuditOutcome = (typeof auditOutcome.enumValues)[number];

/**
 * The audit trail: one row per chart view, PHI read, write, sign-in and denial.
 * Append-only by database triggers and grants; each row's `hash` covers its own fields and is set
 * by the database, never the app. Rows are chained after the fact by signed checkpoints
 * (`audit_checkpoints`). `prev_hash` links only the rows written before checkpoints existed.
 * Holds who and what, never passwords or clinical values.
 */
export const auditEventSeq = pgSequence("audit_events_seq");

export const auditEvents = pgTable(
  "audit_events",
  {
    // The trigger takes the next number again once it holds its shared lock (see the sealer).
    seq: bigint({ mode: "number" }).primaryKey().default(sql`nextval('audit_events_seq')`),
    occurredAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorRole: text(),
    // What the caller typed as their email on a failed sign-in; otherwise the account's email.
    actorLabel: text(),
    action: text().notNull(),
    patientId: uuid(),
    resource: text(),
    outcome: auditOutcome().notNull(),
    emergency: boolean().notNull().default(false),
    ip: text(),
    userAgent: text(),
    // Both set by the trigger; the defaults only satisfy the insert type.
    prevHash: text().notNull().default(""),
    hash: text().notNull().default(""),
  },
  (t) => [
    index("audit_events_patient_idx").on(t.patientId, t.seq),
    index("audit_events_actor_idx").on(t.actorUserId, t.seq),
    index("audit_events_action_idx").on(t.action, t.seq),
    index("audit_events_time_idx").on(t.occurredAt),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * Signed checkpoints that seal the trail (db/audit-chain.ts): the sealer folds every row, in `seq`
 * order, into a running SHA-256 digest and signs (last seq, digest, row count) with an HMAC whose
 * key is outside the database. Append-only like the trail; the app's role may only insert.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastSeq: bigint({ mode: "number" }).notNull(),
  lastHash: text().notNull(),
  rowCount: bigint({ mode: "number" }).notNull(),
  mac: text().notNull(),
});

export type AuditCheckpoint = typeof auditCheckpoints.$inferSelect;
