import { getMyDay } from "@/lib/dal/activity";
import { jsonOrNotFound } from "@/lib/api/json";

export const dynamic = "force-dynamic";

/** The signed-in patient's day, for the log page to refetch while it is open. */
export function GET() {
  return jsonOrNotFound(getMyDay);
}
