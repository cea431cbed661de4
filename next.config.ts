import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite is a WASM build of PostgreSQL that must stay one instance in one process;
  // bundling it would duplicate it per chunk and break its file loading.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // Render <title> and metadata in the document head for every browser instead of streaming
  // them in later, so screen readers announce the page title as soon as the page opens.
  htmlLimitedBots: /.*/,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
