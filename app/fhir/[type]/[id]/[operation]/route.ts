import { decodedSegment, fhirBase, fhirJson, fhirRead } from "@/lib/api/fhir";
import { getPatientEverything } from "@/lib/dal/fhir";
import { operationOutcome } from "@/lib/fhir/bundle";

export const dynamic = "force-dynamic";

/** `GET /fhir/Patient/{id}/$everything?_since=&_count=&_offset=`: the compartment, a page at a time. */
export async function GET(request: Request, { params }: { params: Promise<{ type: string; id: string; operation: string }> }) {
  const { type, id, operation } = await params;
  if (type !== "Patient" || decodedSegment(operation) !== "$everything") {
    return fhirJson(operationOutcome("not-supported", "This server supports Patient/{id}/$everything; see /fhir/metadata."), 404);
  }
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return fhirRead(() => getPatientEverything(id, query, fhirBase(request)));
}
