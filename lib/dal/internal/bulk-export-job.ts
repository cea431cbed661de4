import "server-only";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { and, asc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { dataDir } from "@/db/paths";
import { bulkExports, type BulkExportFile } from "@/db/schema/bulk-exports";
import { patients } from "@/db/schema/patients";
import type { Role } from "@/lib/auth/roles";
import { COMPARTMENT_TYPES } from "@/lib/fhir/bundle";
import { compartmentResources } from "@/lib/fhir/resources";
import { writeAudit } from "./audit-log";
import { loadFhirFacts } from "./fhir-facts";

/**
 * Runs one clinic export in the background (FHIR Bulk Data `$export`): patients are read a batch
 * at a time in id order (a keyset, never an offset), each batch's facts loaded in a fixed number
 * of queries and written out as NDJSON lines, one file per resource type. Memory holds one batch,
 * whatever the size of the clinic. Checks nothing: lib/dal/bulk-export.ts authorizes the start.
 */
export const EXPORT_BATCH = Number(process.env.RUNCLEAR_EXPORT_BATCH ?? 200) || 200;

export function exportFolder(id: string): string {
  return path.join(dataDir(), "exports", id);
}

export interface ExportRequester {
  id: string;
  role: Role;
  email: string;
  ip: string | null;
  userAgent: string | null;
}

/** Finished exports are kept a day (the manifest's Expires), then their files and row go. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export async function purgeExpiredExports(database: Awaited<ReturnType<typeof db>>): Promise<void> {
  const old = await database
    .delete(bulkExports)
    .where(and(ne(bulkExports.status, "in_progress"), lt(bulkExports.heartbeatAt, new Date(Date.now() - KEEP_MS))))
    .returning({ id: bulkExports.id });
  await Promise.all(old.map((job) => fs.promises.rm(exportFolder(job.id), { recursive: true, force: true })));
}

export async function runBulkExport(id: string, requester: ExportRequester): Promise<void> {
  const database = await db();
  const files = new Map<string, { stream: fs.WriteStream; count: number }>();
  try {
    const [job] = await database.select().from(bulkExports).where(eq(bulkExports.id, id));
    if (!job) return;
    const types = new Set(job.types.length ? job.types : COMPARTMENT_TYPES);
    const since = job.since?.getTime() ?? null;
    const folder = exportFolder(id);
    await fs.promises.mkdir(folder, { recursive: true });
    // A file that cannot be written (the disk is full, the export was deleted meanwhile) fails
    // the job instead of leaving it waiting for a drain that never comes.
    let failure: Error | null = null;
    const write = async (type: string, line: string) => {
      let file = files.get(type);
      if (!file) {
        const stream = fs.createWriteStream(path.join(folder, `${type}.ndjson`));
        stream.on("error", (error) => (failure ??= error));
        files.set(type, (file = { stream, count: 0 }));
      }
      if (failure) throw failure;
      file.count++;
      if (!file.stream.write(line)) {
        const stream = file.stream;
        await Promise.race([once(stream, "drain"), once(stream, "error"), once(stream, "close")]);
        if (failure) throw failure;
      }
    };
    let after = "00000000-0000-0000-0000-000000000000";
    let done = 0;
    for (;;) {
      const batch = await database.select({ id: patients.id }).from(patients).where(gt(patients.id, after)).orderBy(asc(patients.id)).limit(EXPORT_BATCH);
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
      done += ids.length;
      after = ids.at(-1)!;
      const [state] = await database
        .update(bulkExports)
        .set({ patientsDone: done, heartbeatAt: new Date() })
        .where(eq(bulkExports.id, id))
        .returning({ status: bulkExports.status });
      if (state?.status !== "in_progress") return; // cancelled while running
    }
    await Promise.all([...files.values()].map((f) => finished(f.stream.end())));
    const manifest: BulkExportFile[] = [...files.entries()]
      .map(([type, f]) => ({ type, file: `${type}.ndjson`, count: f.count }))
      .sort((a, b) => COMPARTMENT_TYPES.indexOf(a.type as never) - COMPARTMENT_TYPES.indexOf(b.type as never));
    await database
      .update(bulkExports)
      .set({ status: "complete", files: manifest, patientsTotal: sql`greatest(${bulkExports.patientsTotal}, ${done})`, completedAt: new Date(), heartbeatAt: new Date() })
      .where(and(eq(bulkExports.id, id), eq(bulkExports.status, "in_progress")));
    await writeAudit({ actor: requester, action: "fhir.bulk_export.complete", resource: `bulk export ${id}: ${done} patients`, outcome: "success", ip: requester.ip, userAgent: requester.userAgent }, database);
  } catch (error) {
    console.error("Bulk export failed", id, error);
    await database
      .update(bulkExports)
      .set({ status: "failed", error: "The export stopped on a server error. Start a new one; nothing was changed.", heartbeatAt: new Date() })
      .where(and(eq(bulkExports.id, id), eq(bulkExports.status, "in_progress")))
      .catch(() => undefined);
  } finally {
    // Cancelled, failed or done: no file handle stays open.
    for (const f of files.values()) if (!f.stream.closed) f.stream.destroy();
  }
}
