/**
 * `npm test`: every test. ESLint; unit and integration tests (vitest; on PGlite, and also on the
 * PostgreSQL server when DATABASE_URL is set); a production build and its client-weight budget
 * (tests/bench/client-weight.ts); then the browser tests (Playwright) against it on a fresh
 * embedded database — or, when DATABASE_URL is set, in full on a fresh database on the server and
 * the driver-dependent journeys on a fresh embedded one at the same time, and meanwhile the
 * scale-out test (two instances behind nginx and PgBouncer, tests/scale/scale-out.ts), each on
 * its own free ports.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { openDatabase } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { createFreshDatabase, dropDatabase } from "./support/fresh-database";
import { freePorts } from "./support/free-ports";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`\n$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Runs a command with every output line prefixed by its label; resolves to its exit code. */
function runLabelled(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  console.log(`\n[${label}] $ ${[command, ...args].join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const relay = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let rest = "";
      stream.on("data", (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) out.write(`[${label}] ${line}\n`);
      });
      stream.on("end", () => rest && out.write(`[${label}] ${rest}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const extra = process.argv.slice(2);
run("npx", ["eslint", "."]);
run("npx", ["vitest", "run", ...extra]);
if (process.env.RUNCLEAR_SKIP_BUILD !== "1") run("npx", ["next", "build"]);
// First-load JS per route from the build (a second): fails when the patient's home is over its budget.
run("npx", ["tsx", "tests/bench/client-weight.ts"]);

/**
 * With the PostgreSQL server, the browser tests run there in full, as a clinic runs RunClear, and
 * on the embedded database only the journeys whose course depends on the driver: the first start
 * and sign-in, the physician's journey through the clinical state, the red-flag check-in and a
 * day's logging under the patient's lock, and a log reaching an open caseload while it polls
 * (requests overlapping on PGlite's one connection). Every DAL function runs on both drivers in
 * the integration tests. The suite is CPU-bound on this 2-core machine (alone 18 minutes in the
 * headless shell, 23 in the full browser; both suites whole at once took 55; 7 minutes since the
 * app's pages got faster), so the second full run bought little and cost most of CI's time.
 * For the same reason vitest runs before, not beside it: together they took longer (40 minutes
 * against 37), and a scrypt-heavy test timed out.
 * Without a server the whole suite runs on the embedded database.
 */
const EMBEDDED_JOURNEYS = ["caseload", "check-in", "physician-journey", "sign-in"].map((name) => `e2e/${name}.spec.ts`);
const missing = EMBEDDED_JOURNEYS.filter((file) => !fs.existsSync(file));
if (missing.length) throw new Error(`tests/run-all.ts names browser tests that do not exist: ${missing.join(", ")}`);

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  run("npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: "" });
  console.log("\nThe scale-out test (npm run test:scale) needs the PostgreSQL server: set DATABASE_URL to run it too.");
} else {
  const e2eUrl = await createFreshDatabase(serverUrl, "runclear_e2e");
  let codes: number[];
  try {
    const handle = await openDatabase({ url: e2eUrl });
    await seedDemoClinic(handle.db);
    await handle.close();
    // Every port chosen at once, so that the three runs never pick the same one.
    const [pglitePort, postgresPort, ...scalePorts] = await freePorts(6);
    codes = await Promise.all([
      runLabelled("e2e pglite", "npx", ["playwright", "test", ...EMBEDDED_JOURNEYS], { ...process.env, E2E_DATABASE_URL: "", E2E_PORT: String(pglitePort), E2E_OUTPUT_DIR: "test-results/pglite" }),
      runLabelled("e2e postgres", "npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: e2eUrl, E2E_PORT: String(postgresPort), E2E_OUTPUT_DIR: "test-results/postgres" }),
      // The scale-out test (two instances, nginx, PgBouncer) on the same build, meanwhile: it
      // takes well under the browser tests' time.
      runLabelled("scale", "npx", ["tsx", "tests/scale/scale-out.ts"], { ...process.env, SCALE_DATABASE_URL: serverUrl, SCALE_PORTS: scalePorts.join(",") }),
    ]);
  } finally {
    await dropDatabase(e2eUrl);
  }
  if (codes.some((c) => c !== 0)) {
    console.error(`\nFailed: browser tests on the embedded database exit ${codes[0]}, on PostgreSQL exit ${codes[1]}; scale-out test exit ${codes[2]}.`);
    process.exit(1);
  }
}
console.log("\nAll tests passed.");
