import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { bulkExportChunks, bulkExports, type BulkExportFile, type BulkExportStatus } from "@/db/schema/bulk-exports";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { COMPARTMENT_TYPES, isCompartmentType, sinceSchema } from "@/lib/fhir/bundle";
import { authorizeRole } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { dropExportChunks, purgeExpiredExports, runBulkExport } from "./internal/bulk-export-job";
import { requestContext } from "./internal/request-context";
import { NotFoundError, ValidationError } from "./errors";

/**
 * The clinic's FHIR Bulk Data export (`$export`, asynchronous, NDJSON per type). Only a clinical
 * lead may run it: an administrator grants that role (DOMAIN.md §8 keeps administrators out of
 * clinical content, so they cannot export it themselves). A job is its requester's own: nobody
 * else sees its status or files.
 */

/** A job whose batches stopped moving for this long, in no running process, has stopped. */
const STALLED_AFTER_MS = 120_000;
const OUTPUT_FORMATS = ["application/fhir+ndjson", "application/ndjson", "ndjson"];

export const kickOffSchema = z.object({
  _type: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const types = (value ?? "").split(",").map((t) => t.trim()).filter(Boolean);
      const unknown = types.filter((t) => !isCompartmentType(t));
      if (unknown.length) ctx.addIssue({ code: "custom", message: `_type names types this server does not export: ${unknown.join(", ")}. It exports ${COMPARTMENT_TYPES.join(", ")}.` });
      return [...new Set(types)];
    }),
  _since: sinceSchema.optional(),
  _outputFormat: z
    .string()
    .optional()
    .refine((f) => f === undefined || OUTPUT_FORMATS.includes(f), "_outputFormat must be application/fhir+ndjson."),
});

async function requireClinicalLead(action: string) {
  const user = await authorizeRole(action, ["physician"]);
  const [me] = await (await db()).select({ clinicalLead: users.clinicalLead }).from(users).where(eq(users.id, user.id));
  if (!me?.clinicalLead) {
    await writeAudit({ actor: user, action, outcome: "denied" });
    throw new NotFoundError();
  }
  return user;
}

export interface BulkExportView {
  id: string;
  status: BulkExportStatus;
  requestedAt: Date;
  completedAt: Date | null;
  patientsTotal: number;
  patientsDone: number;
  files: BulkExportFile[];
  types: string[];
  since: Date | null;
  request: string;
  error: string | null;
}

function viewOf(row: typeof bulkExports.$inferSelect): BulkExportView {
  // A job left in progress by a process that stopped is reported as failed, not as waiting forever.
  // The heartbeat alone decides: another instance may be running it, and a job of this process
  // that hung stops moving too.
  const stalled = row.status === "in_progress" && Date.now() - row.heartbeatAt.getTime() > STALLED_AFTER_MS;
  return {
    id: row.id,
    status: stalled ? "failed" : row.status,
    requestedAt: row.transactionTime,
    completedAt: row.completedAt,
    patientsTotal: row.patientsTotal,
    patientsDone: row.patientsDone,
    files: row.files,
    types: row.types,
    since: row.since,
    request: row.request,
    error: stalled ? "The export stopped when the server restarted. Start a new one." : row.error,
  };
}

/** Kick-off: records the job and starts it; the caller polls the status. */
export async function startBulkExport(query: Record<string, string>, requestUrl: string): Promise<{ id: string }> {
  const user = await requireClinicalLead("fhir.bulk_export.start");
  const parsed = kickOffSchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join(" "));
  const database = await db();
  await purgeExpiredExports(database);
  const [{ total }] = (await database.select({ total: count() }).from(patients)) as [{ total: number }];
  const [job] = await database
    .insert(bulkExports)
    .values({ requestedById: user.id, types: parsed.data._type, since: parsed.data._since ? new Date(parsed.data._since) : null, request: requestUrl, patientsTotal: Number(total) })
    .returning({ id: bulkExports.id });
  const context = await requestContext();
  await writeAudit({ actor: user, action: "fhir.bulk_export.start", resource: `bulk export ${job!.id}: ${total} patients`, outcome: "allowed" });
  // Not awaited: the job outlives the request; its row reports how far it got.
  void runBulkExport(job!.id, { id: user.id, role: user.role, email: user.email, ip: context.ip, userAgent: context.userAgent });
  return { id: job!.id };
}

async function myJob(id: string, action: string) {
  const user = await requireClinicalLead(action);
  const uuid = z.uuid().safeParse(id);
  const [row] = uuid.success ? await (await db()).select().from(bulkExports).where(and(eq(bulkExports.id, id), eq(bulkExports.requestedById, user.id))) : [];
  if (!row) {
    await writeAudit({ actor: user, action, outcome: "denied" });
    throw new NotFoundError();
  }
  return { user, row };
}

export async function getBulkExport(id: string): Promise<BulkExportView> {
  return viewOf((await myJob(id, "fhir.bulk_export.status")).row);
}

export async function listMyBulkExports(): Promise<BulkExportView[]> {
  const user = await requireClinicalLead("fhir.bulk_export.list");
  const rows = await (await db()).select().from(bulkExports).where(eq(bulkExports.requestedById, user.id)).orderBy(desc(bulkExports.transactionTime)).limit(20);
  return rows.map(viewOf);
}

/** Cancels a running job or deletes a finished one's files (the Bulk Data DELETE). */
export async function deleteBulkExport(id: string): Promise<void> {
  const { user, row } = await myJob(id, "fhir.bulk_export.delete");
  const database = await db();
  // A running job is marked cancelled (its loop stops at the next batch and drops what it
  // stored); a finished one goes, its chunks with it.
  if (row.status === "in_progress") {
    await database.update(bulkExports).set({ status: "cancelled", files: [] }).where(eq(bulkExports.id, id));
    await dropExportChunks(database, id);
  } else await database.delete(bulkExports).where(eq(bulkExports.id, id));
  await writeAudit({ actor: user, action: "fhir.bulk_export.delete", resource: `bulk export ${id}`, outcome: "allowed" });
}

/** One NDJSON file of a finished job, streamed from the database a chunk at a time. */
export async function openBulkExportFile(id: string, file: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number }> {
  const { user, row } = await myJob(id, "fhir.bulk_export.download");
  const entry = viewOf(row).status === "complete" ? row.files.find((f) => f.file === file) : undefined;
  if (!entry) throw new NotFoundError();
  const database = await db();
  const ofFile = and(eq(bulkExportChunks.exportId, id), eq(bulkExportChunks.type, entry.type));
  const [stored] = await database
    .select({ chunks: count(), size: sql<number>`coalesce(sum(octet_length(${bulkExportChunks.ndjson})), 0)`.mapWith(Number) })
    .from(bulkExportChunks)
    .where(ofFile);
  if (!stored?.chunks) throw new NotFoundError();
  await writeAudit({ actor: user, action: "fhir.bulk_export.download", resource: `bulk export ${id}: ${entry.file}`, outcome: "allowed" });
  const encoder = new TextEncoder();
  let seq = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (seq === stored.chunks) return controller.close();
      const [chunk] = await database.select({ ndjson: bulkExportChunks.ndjson }).from(bulkExportChunks).where(and(ofFile, eq(bulkExportChunks.seq, seq)));
      // Deleted meanwhile: the download fails rather than ending short.
      if (!chunk) return controller.error(new NotFoundError());
      seq++;
      controller.enqueue(encoder.encode(chunk.ndjson));
    },
  });
  return { stream, size: stored.size };
}
