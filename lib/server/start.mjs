// `npm start`: the production server. It is `next start` plus one thing Next.js does not do:
// the forwarding headers are rewritten from the socket before Next.js sees the request, so the
// audit trail and the sign-in throttle get the real client address (lib/server/forwarded.mjs).
import { createServer } from "node:http";
import next from "next";
import { compileTrustedProxies, normalizeForwardedHeaders } from "./forwarded.mjs";

const port = Number(process.env.PORT || 3000);
// Unset: every interface, like `next start`; the HTTP benchmark sets 127.0.0.1.
const host = process.env.RUNCLEAR_LISTEN_HOST || undefined;

let trust;
try {
  trust = compileTrustedProxies(process.env.RUNCLEAR_TRUSTED_PROXIES);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// Set by db/errors.ts while the database does not answer (same process, shared globalThis).
const DATABASE_UNAVAILABLE_SINCE = Symbol.for("runclear.database.unavailableSince");

const server = createServer((req, res) => {
  normalizeForwardedHeaders(req, trust);
  answerOutageAs503(res);
  handle(req, res);
});

/**
 * A page or route that failed because the database is down answers 503 with Retry-After, not
 * 500: the outage is temporary and nothing is wrong with the request. The body is the page's
 * own error boundary, which says "temporarily unavailable" (app/error.tsx, lib/ui/error-panel.tsx).
 */
function answerOutageAs503(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    if (status === 500 && globalThis[DATABASE_UNAVAILABLE_SINCE] != null) {
      res.statusCode = 503;
      res.setHeader("Retry-After", "10");
      if (typeof rest[0] === "string") rest[0] = "Service Unavailable";
      return writeHead.call(this, 503, ...rest);
    }
    return writeHead.call(this, status, ...rest);
  };
}
server.listen(port, host, () => console.log(`RunClear is ready on http://${host ?? "localhost"}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
