import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, isCrossSiteWrite, newNonce, servedOverHttps } from "@/lib/security/headers";

// Sends visitors without a session cookie to sign-in: only an optimistic check that protects
// nothing, since every page, action and route handler checks the session in lib/dal itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = /^\/(patients|emergency-access|me|admin|account)(\/|$)/;
// No id, search or filter of this app contains a control character (PostgreSQL cannot even
// store NUL): an address with one is a bad request, answered before any page or query runs.
const CONTROL_IN_URL = /%(?:[01][0-9a-f]|7f)/i;

/**
 * Every page, route handler and server action passes here: a write from another site (or with
 * no Origin) is refused before anything runs; every answer gets the per-request CSP nonce,
 * HSTS behind HTTPS, and no-store, since any of them may carry health data.
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers);
  if (isCrossSiteWrite(request.method, request.headers)) {
    return secure(NextResponse.json({ error: "Cross-site request refused." }, { status: 403 }), https, null);
  }
  if (CONTROL_IN_URL.test(request.url)) {
    return secure(new NextResponse("Bad request: the address contains control characters.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } }), https, null);
  }
  if (SIGNED_IN_AREAS.test(request.nextUrl.pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return secure(NextResponse.redirect(new URL("/login", request.url)), https, null);
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy and puts it on its own scripts.
  requestHeaders.set("content-security-policy", csp);
  return secure(NextResponse.next({ request: { headers: requestHeaders } }), https, csp);
}

function secure(response: NextResponse, https: boolean, csp: string | null): NextResponse {
  response.headers.set("Content-Security-Policy", csp ?? "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  response.headers.set("Cache-Control", "no-store");
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Everything but the build's static files and the icon, which carry no data.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
