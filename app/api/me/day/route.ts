import type { NextRequest } from "next/server";
import { getMyDay } from "@/lib/dal/activity";
import { jsonOrNotFound } from "@/lib/api/json";

export const dynamic = "force-dynamic";

/** The signed-in patient's day (`?date=`: today or one of the two days before), for the log page to refetch. */
export function GET(request: NextRequest) {
  const date = request.nextUrl.searchParams.get("date") ?? undefined;
  return jsonOrNotFound(() => getMyDay({ date }));
}
