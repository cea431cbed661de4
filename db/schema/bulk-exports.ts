import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const bulkExportStatus = pgEnum("bulk_export_status", ["in_progress", "complete", "failed", "cancelled"]);
export type BulkExportStatus = (typeof bulkExportStatus.enumValues)[number];

export interface BulkExportFile {
  type: string;
  /** The file's name in the job's folder ("Observation.ndjson"). */
  file: string;
  count: number;
}

/**
 * A FHIR Bulk Data export of the whole clinic (`$export`), run in the background a batch of
 * patients at a time. The NDJSON files live in the data folder under exports/<id>/; this row is
 * what the status endpoint reports. `heartbeatAt` moves with every batch: a job whose process
 * stopped is told apart from a slow one.
 */
export const bulkExports = pgTable(
  "bulk_exports",
  {
    id: uuid().primaryKey().defaultRandom(),
    requestedById: uuid()
      .notNull()
      .references(() => users.id),
    status: bulkExportStatus().notNull().default("in_progress"),
    /** The resource types asked for (`_type`); empty for all. */
    types: text().array().notNull(),
    since: timestamp({ withTimezone: true }),
    /** The request as the client sent it, echoed in the manifest. */
    request: text().notNull(),
    patientsTotal: integer().notNull().default(0),
    patientsDone: integer().notNull().default(0),
    files: jsonb().$type<BulkExportFile[]>().notNull().default([]),
    error: text(),
    transactionTime: timestamp({ withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("bulk_exports_requested_by_idx").on(t.requestedById, t.transactionTime)],
);
