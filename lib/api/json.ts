import { NextResponse } from "next/server";
import { NotFoundError } from "@/lib/dal/errors";
import { withOneSessionRead } from "@/lib/dal/session";

/**
 * A DAL read as a JSON response for pages that refetch while open. A refusal is answered as not
 * found, like everywhere else; nothing is cached, because it is a health record.
 */
export function jsonOrNotFound(read: () => Promise<unknown>): Promise<NextResponse> {
  return withOneSessionRead(async () => {
    try {
      return NextResponse.json(await read(), { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof NotFoundError) return NextResponse.json({ error: "Not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
      throw error;
    }
  });
}
