import { NextResponse, type NextRequest } from "next/server";

// Only an optimistic check that sends visitors without a session cookie to sign-in. It protects
// nothing: every page, action and route handler checks the session in lib/dal itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasCookie) return NextResponse.next();
  const login = new URL("/login", request.url);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/patients/:path*", "/emergency-access/:path*", "/me/:path*", "/admin/:path*", "/account/:path*"],
};
