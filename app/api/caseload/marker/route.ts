import { caseloadMarker } from "@/lib/dal/caseload";
import { jsonOrNotFound } from "@/lib/api/json";

export const dynamic = "force-dynamic";

/** Polled by the open caseload: it changes when a patient on it logs, checks in or is changed. */
export function GET() {
  return jsonOrNotFound(async () => ({ marker: await caseloadMarker() }));
}
