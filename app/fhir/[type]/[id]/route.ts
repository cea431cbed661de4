import { kickOff } from "@/lib/api/bulk-export";
import { decodedSegment, fhirRead } from "@/lib/api/fhir";
import { getFhirResource } from "@/lib/dal/fhir";

export const dynamic = "force-dynamic";

/** `GET /fhir/{type}/{id}`: one resource of a record the caller may see. */
export async function GET(request: Request, { params }: { params: Promise<{ type: string; id: string }> }) {
  const { type, id } = await params;
  // `Patient/$export` exports every patient, like `/$export` (this server exports only patient data).
  if (type === "Patient" && decodedSegment(id) === "$export") return kickOff(request);
  return fhirRead(() => getFhirResource(type, id));
}
