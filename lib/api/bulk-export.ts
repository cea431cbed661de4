import { fhirAnswer, fhirJson } from "@/lib/api/fhir";
import { getBulkExport, startBulkExport, type BulkExportView } from "@/lib/dal/bulk-export";
import { operationOutcome } from "@/lib/fhir/bundle";

/**
 * The Bulk Data kick-off: `Prefer: respond-async` is required, the answer is 202 with the status
 * URL in Content-Location (FHIR Bulk Data Access IG).
 */
export async function kickOff(request: Request): Promise<Response> {
  if (!/respond-async/.test(request.headers.get("prefer") ?? "")) {
    return fhirJson(operationOutcome("invalid", "A bulk export runs asynchronously: send the header Prefer: respond-async."), 400);
  }
  const url = new URL(request.url);
  return fhirAnswer(async () => {
    const { id } = await startBulkExport(Object.fromEntries(url.searchParams), request.url);
    return new Response(null, { status: 202, headers: { "Content-Location": `${url.origin}/fhir/bulk/${id}`, "Cache-Control": "no-store" } });
  });
}

/** Status: 202 with X-Progress while running, the manifest when done, an OperationOutcome if it failed. */
export function exportStatus(request: Request, id: string): Promise<Response> {
  return fhirAnswer(async () => statusAnswer(await getBulkExport(id), new URL(request.url).origin));
}

function statusAnswer(job: BulkExportView, base: string): Response {
  if (job.status === "in_progress") {
    return new Response(null, { status: 202, headers: { "X-Progress": `${job.patientsDone} of ${job.patientsTotal} patients exported`, "Retry-After": "2", "Cache-Control": "no-store" } });
  }
  if (job.status === "failed") return fhirJson(operationOutcome("exception", job.error ?? "The export failed."), 500);
  if (job.status === "cancelled") return fhirJson(operationOutcome("not-found", "This export was cancelled."), 404);
  return new Response(
    JSON.stringify({
      transactionTime: job.requestedAt.toISOString(),
      request: job.request,
      requiresAccessToken: true,
      output: job.files.map((f) => ({ type: f.type, url: `${base}/fhir/bulk/${job.id}/${f.file}`, count: f.count })),
      error: [],
    }),
    { status: 200, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", Expires: new Date(Date.now() + 86_400_000).toUTCString() } },
  );
}
