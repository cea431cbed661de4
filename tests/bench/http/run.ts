/**
 * `npm run bench`: requests per second and latency of the production build over HTTP, signed in
 * as each role through next-auth's credentials sign-in, for the pages the clinic uses most, one
 * FHIR `$everything`, the patient's two writes, and a ceiling page that reads nothing. Each
 * target gets N connections for a fixed time, one after another. Any answer that is not a 2xx, or
 * not the page it should be, fails the run: a benchmark of error pages is worthless.
 *
 *   npm run bench -- [--duration 10] [--connections 10] [--out file.json] [--writes replay|new|replay,new] [--build] [--only worklist,caseload] [--profile dir]
 *
 * Without DATABASE_URL: a fresh embedded database seeded with the demo clinic, or the one in
 * RUNCLEAR_DATA_DIR as it is. With DATABASE_URL: that
 * database as it is (the accounts dr.ortiz, pt.morgan and sam.rivera must exist with the demo
 * password). Not part of `npm test`: it takes a few minutes and loads the machine.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { AppClient } from "../../resilience/app-client";
import { measure, type Measurement, type Target } from "./measure";
import { markdownTable, withShares, writeReport, type Report } from "./report";
import { ensureBuild, serverCpuMs, startServer } from "./server";
import { ceilingTarget, discoverTargets, type WriteMode } from "./targets";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    out: { type: "string" },
    writes: { type: "string", default: "replay" },
    build: { type: "boolean", default: false },
    only: { type: "string" },
    profile: { type: "string" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const writes = values.writes.split(",").filter(Boolean) as WriteMode[];
// Target names (or the start of one) to measure, with the ceiling: for a quick look at one page.
const only = values.only?.split(",").map((n) => n.trim().toLowerCase()).filter(Boolean) ?? null;
if (!(duration > 0 && duration <= 300) || !(connections >= 1 && connections <= 100) || writes.some((w) => w !== "replay" && w !== "new")) {
  console.error("Usage: npm run bench -- [--duration 1-300] [--connections 1-100] [--out file.json] [--writes replay|new|replay,new] [--build] [--only name,…] [--profile dir]");
  process.exit(2);
}

const ACCOUNTS = { physician: "dr.ortiz@runclear.example", therapist: "pt.morgan@runclear.example", patient: "sam.rivera@runclear.example" };

function log(message: string): void {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function failures(m: Measurement): string | null {
  if (m.non2xx === 0 && m.errors === 0 && m.timeouts === 0 && m.mismatches === 0 && m.requests > 0) return null;
  return `${m.name} (${m.method} ${m.path}): ${m.requests} answers, non-2xx ${m.non2xx} ${JSON.stringify(m.statusCodes)}, errors ${m.errors}, timeouts ${m.timeouts}, wrong bodies ${m.mismatches}${m.firstBad ? `\n  first bad answer: ${m.firstBad}` : ""}`;
}

/** One request of the target before the load: it must already be right, and warms the route. */
async function preflight(base: string, target: Target): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const response = await fetch(`${base}${target.path}`, { method: target.method, headers: target.headers, body: target.body, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    if (response.status < 200 || response.status > 299 || !target.verify(text)) {
      throw new Error(`${target.name} (${target.method} ${target.path}) answered ${response.status} before the load:\n${text.slice(0, 800)}`);
    }
    // Saved, but beyond the clearance (in this demo: a fourth run in the week): say so, since the
    // care team will see it flagged.
    if (i === 0 && /"breaches":\[\{/.test(text)) log(`warning: ${target.name} was saved beyond the clearance: ${/"breaches":(\[.*?\])/.exec(text)?.[1]}`);
  }
}

if (values.build) execFileSync("npx", ["next", "build"], { stdio: "inherit" });
ensureBuild();
const loadAverageBefore = os.loadavg().map((l) => Math.round(l * 100) / 100);
const server = await startServer({ profileDir: values.profile });
let exitCode = 0;
try {
  const sessions = {
    physician: new AppClient(server.base),
    therapist: new AppClient(server.base),
    patient: new AppClient(server.base),
  };
  for (const [role, client] of Object.entries(sessions)) await client.signIn(ACCOUNTS[role as keyof typeof ACCOUNTS], DEMO_PASSWORD);
  // The patient's own today (their time zone), the date a run is logged for.
  const today = (JSON.parse((await sessions.patient.request("/api/me/day")).text) as { today: string }).today;
  const discovered = await discoverTargets(server.base, sessions, { patientEmail: ACCOUNTS.patient, writes, today });
  const targets = only ? discovered.filter((t) => only.some((n) => t.name.toLowerCase().startsWith(n))) : discovered;
  if (targets.length === 0) throw new Error(`--only matched no target; the targets are: ${discovered.map((t) => t.name).join(", ")}`);
  for (const target of targets) await preflight(server.base, target);
  // The ceiling page is as large as the median page measured, so HTML size is not the difference:
  // asked for a size, measured, asked again in proportion (its layout adds a fixed part).
  const sizeOf = async (t: Target) => (await (await fetch(`${server.base}${t.path}`, { headers: t.headers })).arrayBuffer()).byteLength / 1024;
  const sizes = await Promise.all(discovered.filter((t) => t.method === "GET").map(sizeOf));
  const medianKiB = sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 40;
  let asked = medianKiB;
  let ceiling = ceilingTarget(asked);
  for (let i = 0; i < 2; i++) {
    asked *= medianKiB / (await sizeOf(ceiling));
    ceiling = ceilingTarget(asked);
  }
  await preflight(server.base, ceiling);

  const measured: Measurement[] = [];
  // The ceiling first and last: on a shared machine the load moves, and the mean is fairer.
  for (const target of [ceiling, ...targets, { ...ceiling, name: "ceiling, again at the end" }]) {
    log(`${target.name}: ${connections} connections for ${duration} s`);
    const m = await measure(server.base, target, { connections, duration, serverCpu: () => serverCpuMs(server.pid) });
    measured.push(m);
    const failed = failures(m);
    if (failed) throw new Error(`answers that are not what the page should be:\n${failed}`);
    log(`  ${m.requestsPerSecond} requests/s, p50 ${m.latencyMs.p50} ms, p95 ${m.latencyMs.p95} ms, p99 ${m.latencyMs.p99} ms`);
  }
  const ceilingRps = Math.round(((measured[0]!.requestsPerSecond + measured.at(-1)!.requestsPerSecond) / 2) * 10) / 10;
  const report: Report = {
    driver: server.driver,
    date: new Date().toISOString(),
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim(),
    node: process.version,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", loadAverageBefore, loadAverageAfter: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    connections,
    durationSeconds: duration,
    writes,
    ceilingRequestsPerSecond: ceilingRps,
    rows: withShares(measured, ceilingRps),
  };
  const file = writeReport(report, values.out);
  console.log(`\n${server.driver === "pglite" ? "Embedded database (PGlite)" : "PostgreSQL"}, ${connections} connections, ${duration} s per target, ${report.machine.cpus} CPUs, load average ${loadAverageBefore[0]} before and ${report.machine.loadAverageAfter[0]} after; ceiling ${ceilingRps} requests/s (mean of the first and last)\n`);
  console.log(markdownTable(report));
  console.log(`\nResults: ${file}`);
} catch (error) {
  console.error(`\nThe benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await server.stop();
}
process.exit(exitCode);
