import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Resource } from "@medplum/fhirtypes";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { bulkExportChunks } from "@/db/schema/bulk-exports";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { setClinicalLead } from "@/lib/dal/accounts";
import { deleteBulkExport, getBulkExport, listMyBulkExports, openBulkExportFile, startBulkExport } from "@/lib/dal/bulk-export";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { validateResource } from "@/lib/fhir/schema";
import { becomeCaller, CALLERS } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const URL_ = "https://clinic.example/fhir/$export";
let folder: string;
let previous: { dataDir?: string; batch?: string };

beforeAll(() => {
  previous = { dataDir: process.env.RUNCLEAR_DATA_DIR, batch: process.env.RUNCLEAR_EXPORT_BATCH };
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "runclear-export-"));
  process.env.RUNCLEAR_DATA_DIR = folder;
  // Batches of 5 patients: the demo clinic's files each span several stored chunks.
  process.env.RUNCLEAR_EXPORT_BATCH = "5";
});
afterAll(() => {
  for (const [name, value] of [["RUNCLEAR_DATA_DIR", previous.dataDir], ["RUNCLEAR_EXPORT_BATCH", previous.batch]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(folder, { recursive: true, force: true });
});

async function finished(id: string) {
  for (let i = 0; i < 600; i++) {
    const job = await getBulkExport(id);
    if (job.status !== "in_progress") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("export did not finish");
}

async function lines(stream: ReadableStream<Uint8Array>): Promise<Resource[]> {
  const text = await new Response(stream).text();
  return text.trimEnd().split("\n").map((line) => JSON.parse(line) as Resource);
}

describeEachDatabase("FHIR bulk export", { seed: true }, (t) => {
  it("a clinical lead exports the clinic as NDJSON per type; every line validates; each patient's trail records it", async () => {
    for (const caller of CALLERS) {
      await becomeCaller(t.db, caller);
      await expect(startBulkExport({}, URL_), caller).rejects.toBeInstanceOf(NotFoundError);
    }
    const [chen] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "dr.chen@runclear.example"));
    await becomeCaller(t.db, "admin");
    await setClinicalLead(chen!.id, { clinicalLead: "true" });
    await becomeCaller(t.db, "physicianOffTeam");

    await expect(startBulkExport({ _type: "Patient,Medication" }, URL_)).rejects.toBeInstanceOf(ValidationError);
    await expect(startBulkExport({ _outputFormat: "text/csv" }, URL_)).rejects.toBeInstanceOf(ValidationError);
    const { id } = await startBulkExport({}, URL_);
    const job = await finished(id);
    const everyone = await t.db.select({ id: patients.id }).from(patients);
    expect(job).toMatchObject({ status: "complete", patientsDone: everyone.length, patientsTotal: everyone.length });
    expect(job.files.map((f) => f.type)).toEqual(expect.arrayContaining(["Patient", "Condition", "Observation", "CarePlan", "QuestionnaireResponse", "ServiceRequest", "MedicationRequest"]));

    // The files are in the database, a chunk per batch of patients, and nothing is on disk.
    const chunks = await t.db.select({ type: bulkExportChunks.type, seq: bulkExportChunks.seq }).from(bulkExportChunks).where(eq(bulkExportChunks.exportId, id));
    expect(chunks.filter((c) => c.type === "Patient").length).toBe(Math.ceil(everyone.length / 5));
    expect(fs.existsSync(path.join(folder, "exports"))).toBe(false);

    for (const file of job.files) {
      const { stream, size } = await openBulkExportFile(id, file.file);
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      expect(bytes.byteLength).toBe(size);
      const resources = await lines(new Response(bytes).body!);
      expect(resources).toHaveLength(file.count);
      for (const resource of resources) {
        expect(resource.resourceType).toBe(file.type);
        expect(validateResource(resource), `${file.type}/${resource.id}`).toEqual([]);
      }
      if (file.type === "Patient") expect(resources.map((r) => r.id).sort()).toEqual(everyone.map((p) => p.id).sort());
    }
    const audited = await t.db.select({ patientId: auditEvents.patientId }).from(auditEvents).where(and(eq(auditEvents.action, "fhir.bulk_export"), eq(auditEvents.resource, `bulk export ${id}`)));
    expect(audited.map((a) => a.patientId).sort()).toEqual(everyone.map((p) => p.id).sort());
    expect((await listMyBulkExports())[0]?.id).toBe(id);

    // _type and _since narrow the files; a file that is not in the manifest is not found.
    const narrow = await finished((await startBulkExport({ _type: "Patient,Flag", _since: "2000-01-01T00:00:00Z" }, URL_)).id);
    expect(narrow.files.map((f) => f.type)).toEqual(["Patient", "Flag"]);
    await expect(openBulkExportFile(narrow.id, "Observation.ndjson")).rejects.toBeInstanceOf(NotFoundError);
    await expect(openBulkExportFile(narrow.id, "../../secret")).rejects.toBeInstanceOf(NotFoundError);

    // A job cancelled while it runs keeps none of what it stored (its loop drops it on stopping).
    const cancelled = await startBulkExport({}, URL_);
    await deleteBulkExport(cancelled.id);
    // (Had it finished first, the delete took the job itself.)
    expect((await getBulkExport(cancelled.id).catch(() => null))?.status ?? "deleted").toMatch(/^(cancelled|deleted)$/);
    const chunksOf = async (jobId: string) => (await t.db.select({ seq: bulkExportChunks.seq }).from(bulkExportChunks).where(eq(bulkExportChunks.exportId, jobId))).length;
    await expect.poll(() => chunksOf(cancelled.id), { timeout: 20_000, interval: 200 }).toBe(0);

    // Only the requester sees a job: another clinical lead gets not found.
    await becomeCaller(t.db, "admin");
    const [ortiz] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "dr.ortiz@runclear.example"));
    await setClinicalLead(ortiz!.id, { clinicalLead: "true" });
    await becomeCaller(t.db, "physicianOnTeam");
    await expect(getBulkExport(id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openBulkExportFile(id, "Patient.ndjson")).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteBulkExport(id)).rejects.toBeInstanceOf(NotFoundError);

    // Deleting takes the files away.
    await becomeCaller(t.db, "physicianOffTeam");
    await deleteBulkExport(id);
    expect(await t.db.select().from(bulkExportChunks).where(eq(bulkExportChunks.exportId, id))).toEqual([]);
    await expect(openBulkExportFile(id, "Patient.ndjson")).rejects.toBeInstanceOf(NotFoundError);

    // A lead who loses the role loses the jobs too.
    await becomeCaller(t.db, "admin");
    await setClinicalLead(chen!.id, { clinicalLead: "false" });
    await setClinicalLead(ortiz!.id, { clinicalLead: "false" });
    await becomeCaller(t.db, "physicianOffTeam");
    await expect(getBulkExport(narrow.id)).rejects.toBeInstanceOf(NotFoundError);
  }, 240_000);
});
