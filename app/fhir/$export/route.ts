import { kickOff } from "@/lib/api/bulk-export";

export const dynamic = "force-dynamic";

/** `GET /fhir/$export`: the whole clinic, asynchronously, as NDJSON per resource type. */
export async function GET(request: Request) {
  return kickOff(request);
}
