import { NextResponse } from "next/server";
import { getMyDay } from "@/lib/dal/activity";
import { NotFoundError } from "@/lib/dal/errors";

export const dynamic = "force-dynamic";

/** The signed-in patient's day, for the log page to refetch while it is open. */
export async function GET() {
  try {
    return NextResponse.json(await getMyDay(), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return NextResponse.json({ error: "Not found" }, { status: 404 });
    throw error;
  }
}
