import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const bulkExportStatus = pgEnum("bulk_export_status", ["in_progress", "complete", "failed", "cancelled"]);
export type BulkExportStatus = (typeof bulkExportStatus.enumValues)[number];

export interface BulkExportFile {
  type: string;
  /** The file's name in its download URL ("Observation.ndjson"). */
  file: string;
  count: number;
}

/**
 * A FHIR Bulk Data export of the whole clinic (`$export`), run in the background a batch of
 * patients at a time. Its NDJSON files are rows of `bulk_export_chunks`, in the database every
 * app instance shares, so any instance can report and serve a job another one ran; this row is
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

/**
 * The NDJSON files of an export, in pieces of whole lines: a file is its chunks in `seq` order.
 * Each batch of patients adds at most one chunk per file (more only past a megabyte), so a job
 * holds one batch in memory and a download reads one chunk at a time. They go with their job.
 */
export const bulkExportChunks = pgTable(
  "bulk_export_chunks",
  {
    exportId: uuid()
      .notNull()
      .references(() => bulkExports.id, { onDelete: "cascade" }),
    /** The file: its resource type ("Observation"). */
    type: text().notNull(),
    seq: integer().notNull(),
    ndjson: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.type, t.seq] })],
);
