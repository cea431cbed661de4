import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, isCrossSiteWrite, newNonce, servedOverHttps } from "@/lib/security/headers";

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

afterEach(() => vi.unstubAllEnvs());

describe("the Content-Security-Policy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "abc123==", development: false, https: false }));

  it("runs only scripts carrying this request's nonce, never eval or inline script", () => {
    expect(production["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(production["script-src"]).not.toContain("'unsafe-eval'");
    expect(production["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("forbids framing, plugins, a foreign <base> and foreign form targets", () => {
    expect(production["frame-ancestors"]).toEqual(["'none'"]);
    expect(production["object-src"]).toEqual(["'none'"]);
    expect(production["base-uri"]).toEqual(["'none'"]);
    expect(production["form-action"]).toEqual(["'self'"]);
    expect(production["default-src"]).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only over HTTPS, and allows eval only in `next dev`", () => {
    expect(production["upgrade-insecure-requests"]).toBeUndefined();
    expect(directives(contentSecurityPolicy({ nonce: "n", development: false, https: true }))["upgrade-insecure-requests"]).toEqual([]);
    expect(directives(contentSecurityPolicy({ nonce: "n", development: true, https: false }))["script-src"]).toContain("'unsafe-eval'");
  });

  it("gets a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("HTTPS for HSTS", () => {
  it("follows NEXTAUTH_URL or the (trusted, normalized) X-Forwarded-Proto", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(servedOverHttps(new Headers())).toBe(false);
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    vi.stubEnv("NEXTAUTH_URL", "https://clinic.example");
    expect(servedOverHttps(new Headers())).toBe(true);
  });
});

describe("cross-site writes", () => {
  const app = { host: "localhost:3000", "x-forwarded-proto": "http" };

  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(isCrossSiteWrite(method, new Headers({ ...app, origin: "https://evil.example" }))).toBe(false);
  });

  it.each([
    ["no Origin", {}],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["the opaque Origin of a sandboxed frame", { origin: "null" }],
    ["the right host on the wrong scheme", { origin: "https://localhost:3000" }],
    ["the right host on another port", { origin: "http://localhost:3001" }],
  ])("refuses a POST with %s", (_label, extra) => {
    expect(isCrossSiteWrite("POST", new Headers({ ...app, ...extra }))).toBe(true);
    expect(isCrossSiteWrite("DELETE", new Headers({ ...app, ...extra }))).toBe(true);
  });

  it("accepts the app's own origin, and NEXTAUTH_URL's", () => {
    expect(isCrossSiteWrite("POST", new Headers({ ...app, origin: "http://localhost:3000" }))).toBe(false);
    vi.stubEnv("NEXTAUTH_URL", "https://clinic.example/");
    expect(isCrossSiteWrite("POST", new Headers({ ...app, origin: "https://clinic.example" }))).toBe(false);
    expect(isCrossSiteWrite("POST", new Headers({ host: "clinic.example", "x-forwarded-proto": "https", origin: "https://clinic.example" }))).toBe(false);
  });
});
