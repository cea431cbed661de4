import type { NextConfig } from "next";
import { BASELINE_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite is a WASM build of PostgreSQL that must stay one instance in one process;
  // bundling it would duplicate it per chunk and break its file loading.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // Render <title> and metadata in the document head for every browser instead of streaming
  // them in later, so screen readers announce the page title as soon as the page opens.
  htmlLimitedBots: /.*/,
  // The whole clinic's outcomes moved from /outcomes?scope=clinic to a path of its own (its layout
  // checks the clinical lead before the skeleton streams); old links keep working.
  async redirects() {
    return [{ source: "/outcomes", has: [{ type: "query", key: "scope", value: "clinic" }], destination: "/outcomes/clinic", permanent: true }];
  },
  // On every response, static files included; the CSP, HSTS and no-store come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(BASELINE_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
