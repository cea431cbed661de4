/**
 * `npm test`: every test. ESLint; unit and integration tests (vitest; on PGlite, and also on the
 * PostgreSQL server when DATABASE_URL is set); a production build; then the browser tests
 * (Playwright) against it on a fresh embedded database — and, when DATABASE_URL is set, at the
 * same time against a fresh database on the server, each on its own free port.
 */
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import { openDatabase } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { createFreshDatabase, dropDatabase } from "./support/fresh-database";

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

/** Ports nothing listens on, held together while chosen so that they differ. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<net.Server>((resolve) => {
      const server = net.createServer();
      server.listen(0, "127.0.0.1", () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

const extra = process.argv.slice(2);
run("npx", ["eslint", "."]);
run("npx", ["vitest", "run", ...extra]);
if (process.env.RUNCLEAR_SKIP_BUILD !== "1") run("npx", ["next", "build"]);

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  run("npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: "" });
} else {
  const e2eUrl = await createFreshDatabase(serverUrl, "runclear_e2e");
  let codes: number[];
  try {
    const handle = await openDatabase({ url: e2eUrl });
    await seedDemoClinic(handle.db);
    await handle.close();
    const [pglitePort, postgresPort] = await freePorts(2);
    codes = await Promise.all([
      runLabelled("e2e pglite", "npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: "", E2E_PORT: String(pglitePort), E2E_OUTPUT_DIR: "test-results/pglite" }),
      runLabelled("e2e postgres", "npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: e2eUrl, E2E_PORT: String(postgresPort), E2E_OUTPUT_DIR: "test-results/postgres" }),
    ]);
  } finally {
    await dropDatabase(e2eUrl);
  }
  if (codes.some((c) => c !== 0)) {
    console.error(`\nBrowser tests failed (embedded database: exit ${codes[0]}, PostgreSQL: exit ${codes[1]}).`);
    process.exit(1);
  }
}
console.log("\nAll tests passed.");
