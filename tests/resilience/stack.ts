/**
 * The production stack for the outage and soak tests: a private PostgreSQL (never the machine's
 * shared server), migrated and seeded with the demo clinic, and the built app on it through
 * `npm start`'s server (lib/server/start.mjs), with signed-in clients for the load.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { AppClient } from "./app-client";
import { PrivatePostgres } from "./private-postgres";
import { serverArgs } from "../support/server-command";

export const PATIENT_EMAILS = ["sam.rivera@runclear.example", "priya.natarajan@runclear.example", "grace.liu@runclear.example", "olu.adeyemi@runclear.example"];
export const PHYSICIAN_EMAIL = "dr.ortiz@runclear.example";

export interface Stack {
  pg: PrivatePostgres;
  base: string;
  app: ChildProcess;
  /** Everything the app printed, for the log checks. */
  log: () => string;
  patients: AppClient[];
  physician: AppClient;
  /** A chart the physician may open. */
  chartPath: string;
  close(): Promise<void>;
}

export function step(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

export function ensureBuild(): void {
  if (fs.existsSync(".next/BUILD_ID")) return;
  step("no production build yet: next build");
  const built = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("next build failed");
}

export async function waitForHealth(base: string, app: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode})`);
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not become healthy in time");
}

export async function startStack({ pgPort, appPort }: { pgPort: number; appPort: number }): Promise<Stack> {
  ensureBuild();
  const pg = new PrivatePostgres(pgPort);
  const stopOnExit = () => pg.stopSync();
  process.once("exit", stopOnExit);
  step(`private PostgreSQL on 127.0.0.1:${pgPort} in ${pg.dir}`);
  await pg.create();
  step("migrating and loading the demo clinic");
  const handle = await openDatabase({ url: pg.url });
  await seedDemoClinic(handle.db);
  await handle.close();

  const base = `http://localhost:${appPort}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "runclear-app-"));
  const output: string[] = [];
  const app = spawn(process.execPath, serverArgs(), {
    env: { ...process.env, NODE_ENV: "production", PORT: String(appPort), DATABASE_URL: pg.url, NEXTAUTH_URL: base, RUNCLEAR_DATA_DIR: dataDir, RUNCLEAR_TRUSTED_PROXIES: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout!.on("data", (d) => output.push(String(d)));
  app.stderr!.on("data", (d) => output.push(String(d)));
  const killApp = () => app.kill("SIGKILL");
  process.once("exit", killApp);
  step(`app on ${base} (pid ${app.pid})`);
  await waitForHealth(base, app, 60_000);

  const patients = await Promise.all(
    PATIENT_EMAILS.map(async (email) => {
      const client = new AppClient(base);
      await client.signIn(email, DEMO_PASSWORD);
      return client;
    }),
  );
  const physician = new AppClient(base);
  await physician.signIn(PHYSICIAN_EMAIL, DEMO_PASSWORD);
  const worklist = await physician.get("/patients");
  const chart = /href="(\/patients\/[0-9a-f-]{36})"/.exec(worklist.text)?.[1];
  if (!chart) throw new Error("the worklist shows no chart");

  return {
    pg,
    base,
    app,
    log: () => output.join(""),
    patients,
    physician,
    chartPath: chart,
    async close() {
      if (app.exitCode === null) {
        const exited = new Promise((r) => app.once("exit", r));
        app.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (app.exitCode === null) app.kill("SIGKILL");
      }
      await pg.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.off("exit", stopOnExit);
      process.off("exit", killApp);
    },
  };
}

/** RSS of a process in MiB, from /proc. */
export function residentMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}
