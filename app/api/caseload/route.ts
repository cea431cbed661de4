import { listCaseload } from "@/lib/dal/caseload";
import { jsonOrNotFound } from "@/lib/api/json";

export const dynamic = "force-dynamic";

/** The caller's caseload with adherence and flags, for the open caseload to refetch. */
export function GET() {
  return jsonOrNotFound(listCaseload);
}
