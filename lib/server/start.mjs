// `npm start`: the production server. It is `next start` plus two things Next.js does not do:
// the forwarding headers are rewritten from the socket before Next.js sees the request, so the
// audit trail and the sign-in throttle get the real client address (lib/server/forwarded.mjs);
// and with RUNCLEAR_WORKERS it runs several processes on one port (lib/server/workers.mjs), since
// one Node.js process renders on one core.
// package.json starts it with `--max-semi-space-size=64` (README, *The production server*): a
// larger young generation, so rendering's short-lived objects cost the garbage collector less;
// workers inherit the flag.
import cluster from "node:cluster";
import { createServer } from "node:http";
import next from "next";
import { compileTrustedProxies, normalizeForwardedHeaders } from "./forwarded.mjs";
import { runWorkers, workerCount } from "./workers.mjs";

// Set by db/errors.ts while the database does not answer (same process, shared globalThis).
const DATABASE_UNAVAILABLE_SINCE = Symbol.for("runclear.database.unavailableSince");

const port = Number(process.env.PORT || 3000);
// Unset: every interface, like `next start`; the HTTP benchmark sets 127.0.0.1.
const host = process.env.RUNCLEAR_LISTEN_HOST || undefined;

let trust;
let workers;
try {
  trust = compileTrustedProxies(process.env.RUNCLEAR_TRUSTED_PROXIES);
  workers = workerCount(process.env.RUNCLEAR_WORKERS, Boolean(process.env.DATABASE_URL));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (cluster.isPrimary && workers > 1) runWorkers(workers);
else await serve();

async function serve() {
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    normalizeForwardedHeaders(req, trust);
    answerOutageAs503(res);
    handle(req, res);
  });
  // A port in use or not permitted stops the server, rather than leaving it up and deaf.
  server.once("error", (error) => {
    console.error(`\nRunClear could not listen on port ${port}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
  const who = cluster.isWorker ? ` (process ${process.env.RUNCLEAR_WORKER_SLOT} of ${workers})` : "";
  server.listen(port, host, () => console.log(`RunClear is ready on http://${host ?? "localhost"}:${port}${who}`));

  // Requests in flight finish (at most 5 s); a second signal (a terminal's Ctrl-C reaches every
  // process of a cluster, then the primary sends SIGTERM) changes nothing.
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}

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
