import { jsonOrNotFound } from "@/lib/api/json";
import { listMyBulkExports } from "@/lib/dal/bulk-export";

export const dynamic = "force-dynamic";

/** The caller's clinic exports, for the open export page to follow their progress. */
export async function GET() {
  return jsonOrNotFound(() => listMyBulkExports());
}
