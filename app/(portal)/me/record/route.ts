import { fhirBase, fhirJson } from "@/lib/api/fhir";
import { NotFoundError } from "@/lib/dal/errors";
import { downloadMyRecord } from "@/lib/dal/fhir";
import { operationOutcome } from "@/lib/fhir/bundle";

export const dynamic = "force-dynamic";

/** The signed-in patient's whole record as a FHIR R4 Bundle, downloaded as a file. */
export async function GET(request: Request) {
  try {
    const { bundle, fileName } = await downloadMyRecord(fhirBase(request));
    return fhirJson(bundle, 200, { "Content-Disposition": `attachment; filename="${fileName}"` });
  } catch (error) {
    if (error instanceof NotFoundError) return fhirJson(operationOutcome("not-found", "Sign in as the patient to download your record."), 404);
    console.error("Record download failed", error);
    return fhirJson(operationOutcome("exception", "Your record could not be prepared. Please try again."), 500);
  }
}
