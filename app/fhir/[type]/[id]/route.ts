import { fhirRead } from "@/lib/api/fhir";
import { getFhirResource } from "@/lib/dal/fhir";

export const dynamic = "force-dynamic";

/** `GET /fhir/{type}/{id}`: one resource of a record the caller may see. */
export async function GET(_request: Request, { params }: { params: Promise<{ type: string; id: string }> }) {
  const { type, id } = await params;
  return fhirRead(() => getFhirResource(type, id));
}
