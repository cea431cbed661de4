/**
 * The production server the HTTP benchmark measures: `next build`'s output started through
 * `npm start`'s own server (lib/server/start.mjs) on a free port of 127.0.0.1, with the ceiling
 * page switched on. Without DATABASE_URL it gets a fresh data folder, so it starts on a fresh
 * embedded database and loads the demo clinic as a first start does; with DATABASE_URL it runs
 * on that database with the environment as given, as `npm start` would (the same data folder or
 * RUNCLEAR_AUDIT_KEY, so the audit checkpoints it signs verify with the other instances' key).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { serverArgs } from "../../support/server-command";

export interface BenchServer {
  base: string;
  pid: number;
  driver: "pglite" | "postgres";
  log(): string;
  stop(): Promise<void>;
}

function log(message: string): void {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

export function ensureBuild(): void {
  if (fs.existsSync(".next/BUILD_ID")) return;
  log("no production build yet: next build");
  const built = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("next build failed");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, app: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}) before it was ready`);
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not become healthy in time");
}

/** `profileDir`: the server writes a V8 CPU profile of its whole run there when it stops. */
export async function startServer({ profileDir }: { profileDir?: string } = {}): Promise<BenchServer> {
  ensureBuild();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const databaseUrl = process.env.DATABASE_URL || "";
  // RUNCLEAR_DATA_DIR names an embedded database to measure as it is (a synthetic clinic, `npm run
  // db:synth -- --embedded`); otherwise a fresh one is made, and removed after.
  const givenDir = databaseUrl ? null : process.env.RUNCLEAR_DATA_DIR || null;
  const dataDir = databaseUrl || givenDir ? null : fs.mkdtempSync(path.join(os.tmpdir(), "runclear-bench-"));
  const output: string[] = [];
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const app = spawn(process.execPath, [...nodeArgs, ...serverArgs()], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      RUNCLEAR_LISTEN_HOST: "127.0.0.1",
      NEXTAUTH_URL: base,
      RUNCLEAR_BENCH_CEILING: "1",
      DATABASE_URL: databaseUrl,
      ...(dataDir || givenDir ? { RUNCLEAR_DATA_DIR: (dataDir ?? givenDir)! } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (d) => output.push(String(d)));
  app.stderr!.on("data", (d) => output.push(String(d)));
  const kill = () => app.kill("SIGKILL");
  process.once("exit", kill);
  log(`app on ${base} (pid ${app.pid}), ${databaseUrl ? "on DATABASE_URL" : givenDir ? `embedded database in ${givenDir}` : `fresh embedded database in ${dataDir}`}`);
  try {
    // A fresh embedded database is migrated and seeded before the server answers.
    await waitForHealth(base, app, 300_000);
  } catch (error) {
    app.kill("SIGKILL");
    throw new Error(`${error instanceof Error ? error.message : error}\n${output.join("")}`);
  }
  return {
    base,
    pid: app.pid!,
    driver: databaseUrl ? "postgres" : "pglite",
    log: () => output.join(""),
    async stop() {
      if (app.exitCode === null) {
        const exited = new Promise((r) => app.once("exit", r));
        app.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 8_000))]);
        if (app.exitCode === null) app.kill("SIGKILL");
      }
      process.off("exit", kill);
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * CPU time (user and system, in ms) the app's server has used so far: its process and its
 * children (the worker processes of RUNCLEAR_WORKERS), from /proc. Null where /proc is absent.
 * Requests/s on a shared machine move with its other load; the server's CPU per request moves
 * with the work a request makes, so two builds compare better by it.
 */
export function serverCpuMs(pid: number): number | null {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const msPerTick = 10; // USER_HZ is 100 on Linux
  let ticks = 0;
  let found = false;
  for (const entry of entries) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    if (Number(entry) !== pid && ppid !== pid) continue;
    found = true;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return found ? ticks * msPerTick : null;
}

