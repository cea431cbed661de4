import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const database = await checkDatabase();
    return NextResponse.json({ status: "ok", database }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return NextResponse.json(
      { status: "error", error: "The database is not answering." },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
