import { decodedSegment, fhirAnswer } from "@/lib/api/fhir";
import { openBulkExportFile } from "@/lib/dal/bulk-export";

export const dynamic = "force-dynamic";

/** One NDJSON file of a finished export, streamed from the database. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  return fhirAnswer(async () => {
    const { stream, size } = await openBulkExportFile(id, decodedSegment(file) ?? "");
    return new Response(stream, { headers: { "Content-Type": "application/fhir+ndjson", "Content-Length": String(size), "Cache-Control": "no-store" } });
  });
}
