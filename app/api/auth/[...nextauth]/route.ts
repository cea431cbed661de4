import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

// A sign-in form is a few hundred bytes; anything this large is not one.
const MAX_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

function refuse(status: 400 | 413, error: string): NextResponse {
  return NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * next-auth parses the body itself and answers a malformed one with a 500; here a body that is
 * too large, not valid JSON, or not a flat object of strings is refused first with a 4xx.
 */
async function POST(request: Request, context: Context): Promise<Response> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refuse(413, "The request is too large.");
  const text = await request.clone().text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) return refuse(413, "The request is too large.");
  if ((request.headers.get("content-type") ?? "").includes("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return refuse(400, "The request body is not valid JSON.");
    }
    const flat = body !== null && typeof body === "object" && !Array.isArray(body) && Object.values(body).every((v) => typeof v === "string");
    if (!flat) return refuse(400, "The request body must be an object of text fields.");
  }
  return handler(request, context);
}

export { handler as GET, POST };
