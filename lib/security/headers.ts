/**
 * The response headers every page, route handler and server action answer carries (proxy.ts),
 * and the Content-Security-Policy built around a fresh nonce per request. Next.js reads the
 * nonce from the request's CSP header and puts it on its own scripts; 'strict-dynamic' lets
 * those scripts load the page's chunks, and nothing else runs.
 */

export interface PolicyOptions {
  nonce: string;
  /** `next dev` needs eval for React's debugging; production never allows it. */
  development: boolean;
  https: boolean;
}

export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    // React and recharts write style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A nonce as the CSP grammar wants it: base64 of 128 random bits. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Headers for every response, static files included (next.config.ts). */
export const BASELINE_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Whether this request reached the app over HTTPS: NEXTAUTH_URL says the app is served on
 * https, or X-Forwarded-Proto does — which the production server only keeps from a trusted proxy.
 */
export function servedOverHttps(headers: Headers): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://") || headers.get("x-forwarded-proto") === "https";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a request that can change state (every server action and POST route is one) must carry
 * an Origin header naming this app. Browsers send Origin on every POST; a missing one is refused
 * too, since Next.js lets a server action without Origin through.
 */
export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return true;
  return !allowedOrigins(headers).has(origin.toLowerCase());
}

function allowedOrigins(headers: Headers): Set<string> {
  const allowed = new Set<string>();
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  if (host) allowed.add(`${proto}://${host}`.toLowerCase());
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      allowed.add(new URL(configured).origin.toLowerCase());
    } catch {
      // A malformed NEXTAUTH_URL adds nothing; next-auth reports it.
    }
  }
  return allowed;
}
