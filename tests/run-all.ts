/**
 * `npm test`: every test. ESLint; unit and integration tests (vitest; on PGlite, and also on the
 * PostgreSQL server when DATABASE_URL is set); a production build and its client-weight budget
 * (tests/bench/client-weight.ts); then the browser tests
 * (Playwright) against it on a fresh embedded database — and, when DATABASE_URL is set, at the
 * same time against a fresh database on the server and the scale-out test (two instances behind
 * nginx and PgBouncer, tests/scale/scale-out.ts), each on its own free ports.
 */
import { spawn, spawnSync } from "node:child_process";
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
      runLabelled("e2e pglite", "npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: "", E2E_PORT: String(pglitePort), E2E_OUTPUT_DIR: "test-results/pglite" }),
      runLabelled("e2e postgres", "npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: e2eUrl, E2E_PORT: String(postgresPort), E2E_OUTPUT_DIR: "test-results/postgres" }),
      // The scale-out test (two instances, nginx, PgBouncer) on the same build, meanwhile: it
      // takes well under the browser tests' time and adds no minute to the run.
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
