import type { NextRequest } from "next/server";
import { caseloadQuerySchema, listCaseload } from "@/lib/dal/caseload";
import { jsonOrNotFound } from "@/lib/api/json";

export const dynamic = "force-dynamic";

/** A page of the caller's caseload (`?page=`) with adherence and flags, for the open caseload to refetch. */
export function GET(request: NextRequest) {
  const query = caseloadQuerySchema.parse({ page: request.nextUrl.searchParams.get("page") ?? undefined });
  return jsonOrNotFound(() => listCaseload(query));
}
