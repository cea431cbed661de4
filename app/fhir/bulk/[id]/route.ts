import { exportStatus } from "@/lib/api/bulk-export";
import { fhirAnswer } from "@/lib/api/fhir";
import { deleteBulkExport } from "@/lib/dal/bulk-export";

export const dynamic = "force-dynamic";

/** The status of a bulk export the caller started. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportStatus(request, id);
}

/** Cancels it, or deletes its files once done. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fhirAnswer(async () => {
    await deleteBulkExport(id);
    return new Response(null, { status: 202, headers: { "Cache-Control": "no-store" } });
  });
}
