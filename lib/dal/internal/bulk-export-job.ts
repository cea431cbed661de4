import "server-only";
import { and, asc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { bulkExportChunks, bulkExports, type BulkExportFile } from "@/db/schema/bulk-exports";
import { patients } from "@/db/schema/patients";
import type { Role } from "@/lib/auth/roles";
import { COMPARTMENT_TYPES } from "@/lib/fhir/bundle";
import { compartmentResources } from "@/lib/fhir/resources";
import { writeAudit } from "./audit-log";
import { loadFhirFacts } from "./fhir-facts";

/**
 * Runs one clinic export in the background (FHIR Bulk Data `$export`): patients are read a batch
 * at a time in id order (a keyset, never an offset), each batch's facts loaded in a fixed number
 * of queries and written out as NDJSON lines, one file per resource type, stored as chunks in the
 * database (`bulk_export_chunks`) so that every app instance serves the files of a job whichever
 * instance ran it. Memory holds one batch, whatever the size of the clinic. Checks nothing:
 * lib/dal/bulk-export.ts authorizes the start.
 */
function exportBatch(): number {
  return Number(process.env.RUNCLEAR_EXPORT_BATCH ?? 200) || 200;
}

/** A file's text is stored once this much of it is waiting, and at the end of every batch. */
const CHUNK_CHARS = 1 << 20;

export interface ExportRequester {
  id: string;
  role: Role;
  email: string;
  ip: string | null;
  userAgent: string | null;
}

/** Finished exports are kept a day (the manifest's Expires), then their row goes, and its chunks with it. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export async function purgeExpiredExports(database: Awaited<ReturnType<typeof db>>): Promise<void> {
  await database.delete(bulkExports).where(and(ne(bulkExports.status, "in_progress"), lt(bulkExports.heartbeatAt, new Date(Date.now() - KEEP_MS))));
}

/** The files of a job that was cancelled or failed: nobody may download them, so they go. */
export async function dropExportChunks(database: Awaited<ReturnType<typeof db>>, id: string): Promise<void> {
  await database.delete(bulkExportChunks).where(eq(bulkExportChunks.exportId, id));
}

export async function runBulkExport(id: string, requester: ExportRequester): Promise<void> {
  const database = await db();
  // Per file: the lines waiting to be stored, the chunks stored so far and the resources in it.
  const files = new Map<string, { pending: string[]; chars: number; chunks: number; count: number }>();
  const store = async (type: string) => {
    const file = files.get(type)!;
    if (!file.pending.length) return;
    await database.insert(bulkExportChunks).values({ exportId: id, type, seq: file.chunks, ndjson: file.pending.join("") });
    file.chunks++;
    file.pending = [];
    file.chars = 0;
  };
  const storeAll = async () => {
    for (const type of files.keys()) await store(type);
  };
  let stopped = true;
  try {
    const [job] = await database.select().from(bulkExports).where(eq(bulkExports.id, id));
    if (!job) return;
    const types = new Set(job.types.length ? job.types : COMPARTMENT_TYPES);
    const since = job.since?.getTime() ?? null;
    const batchSize = exportBatch();
    const write = async (type: string, line: string) => {
      let file = files.get(type);
      if (!file) files.set(type, (file = { pending: [], chars: 0, chunks: 0, count: 0 }));
      file.count++;
      file.pending.push(line);
      file.chars += line.length;
      if (file.chars >= CHUNK_CHARS) await store(type);
    };
    let after = "00000000-0000-0000-0000-000000000000";
    let done = 0;
    for (;;) {
      const batch = await database.select({ id: patients.id }).from(patients).where(gt(patients.id, after)).orderBy(asc(patients.id)).limit(batchSize);
      if (!batch.length) break;
      const ids = batch.map((p) => p.id);
      // Each batch from one snapshot, so a patient's permission and red flags agree.
      const facts = await database.transaction((tx) => loadFhirFacts(tx, ids, job.transactionTime), { isolationLevel: "repeatable read", accessMode: "read only" });
      for (const patientId of ids) {
        const record = facts.get(patientId);
        if (!record) continue;
        for (const resource of compartmentResources(record)) {
          if (!types.has(resource.resourceType as (typeof COMPARTMENT_TYPES)[number])) continue;
          if (since !== null && Date.parse(resource.meta!.lastUpdated!) < since) continue;
          await write(resource.resourceType, `${JSON.stringify(resource)}\n`);
        }
        // Each record that left the clinic is in that patient's audit trail.
        await writeAudit(
          { actor: requester, action: "fhir.bulk_export", patientId, resource: `bulk export ${id}`, outcome: "allowed", ip: requester.ip, userAgent: requester.userAgent },
          database,
        );
      }
      await storeAll();
      done += ids.length;
      after = ids.at(-1)!;
      const [state] = await database
        .update(bulkExports)
        .set({ patientsDone: done, heartbeatAt: new Date() })
        .where(eq(bulkExports.id, id))
        .returning({ status: bulkExports.status });
      if (state?.status !== "in_progress") return; // cancelled while running
    }
    await storeAll();
    const manifest: BulkExportFile[] = [...files.entries()]
      .map(([type, f]) => ({ type, file: `${type}.ndjson`, count: f.count }))
      .sort((a, b) => COMPARTMENT_TYPES.indexOf(a.type as never) - COMPARTMENT_TYPES.indexOf(b.type as never));
    const completed = await database
      .update(bulkExports)
      .set({ status: "complete", files: manifest, patientsTotal: sql`greatest(${bulkExports.patientsTotal}, ${done})`, completedAt: new Date(), heartbeatAt: new Date() })
      .where(and(eq(bulkExports.id, id), eq(bulkExports.status, "in_progress")))
      .returning({ id: bulkExports.id });
    if (!completed.length) return; // cancelled between the last batch and now
    stopped = false;
    await writeAudit({ actor: requester, action: "fhir.bulk_export.complete", resource: `bulk export ${id}: ${done} patients`, outcome: "success", ip: requester.ip, userAgent: requester.userAgent }, database);
  } catch (error) {
    console.error("Bulk export failed", id, error);
    await database
      .update(bulkExports)
      .set({ status: "failed", error: "The export stopped on a server error. Start a new one; nothing was changed.", heartbeatAt: new Date() })
      .where(and(eq(bulkExports.id, id), eq(bulkExports.status, "in_progress")))
      .catch(() => undefined);
  } finally {
    // Cancelled or failed: what was stored of its files goes (nothing can download it).
    if (stopped) await dropExportChunks(database, id).catch(() => undefined);
  }
}
