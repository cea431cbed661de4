import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

// A sign-in form is a few hundred bytes; anything this large is not one.
const MAX_BODY_BYTES = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

function refuse(status: 400 | 413, error: string): NextResponse {
  return NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/** A path of this app ("/patients"), or an address on this app's origin. */
function isOwnAddress(value: string, origin: string): boolean {
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\");
  try {
    return new URL(value).origin === origin;
  } catch {
    return false;
  }
}

/**
 * next-auth answers some malformed requests with a 500: a body it cannot parse, or a
 * callbackUrl that is not an address (it takes that for a configuration problem). Those are
 * refused here with a 4xx first, and a 500 that still comes back from next-auth's own checks
 * of request data (a forged callback-url cookie) is answered as the bad request it is.
 */
async function guarded(request: NextRequest, context: Context): Promise<Response> {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isOwnAddress(callbackUrl, request.nextUrl.origin)) return refuse(400, "callbackUrl must be an address of this app.");
  if (request.method === "POST") {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refuse(413, "The request is too large.");
    const text = await request.clone().text();
    if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) return refuse(413, "The request is too large.");
    const type = request.headers.get("content-type") ?? "";
    let fields: Record<string, unknown> = {};
    if (type.includes("application/json")) {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return refuse(400, "The request body is not valid JSON.");
      }
      if (body === null || typeof body !== "object" || Array.isArray(body) || !Object.values(body).every((v) => typeof v === "string")) {
        return refuse(400, "The request body must be an object of text fields.");
      }
      fields = body as Record<string, unknown>;
    } else if (type.includes("application/x-www-form-urlencoded")) {
      fields = Object.fromEntries(new URLSearchParams(text));
    }
    if (typeof fields.callbackUrl === "string" && !isOwnAddress(fields.callbackUrl, request.nextUrl.origin)) {
      return refuse(400, "callbackUrl must be an address of this app.");
    }
  }
  const response = await handler(request, context);
  return response.status >= 500 ? refuse(400, "The request could not be processed.") : response;
}

export { guarded as GET, guarded as POST };
