/**
 * `npm run test:soak` (not part of `npm test`): 10 minutes at half the measured capacity on a
 * private PostgreSQL. Capacity is the request rate 8 clients reach back to back for 20 s on the
 * same mix (patient home pages and check-ins, physician worklist and chart); the soak then sends
 * half that rate, open loop. Passes with no error at all; reports latency and the app's resident
 * memory at the start and the end. SOAK_MINUTES shortens it for a trial run.
 */
import { randomUUID } from "node:crypto";
import { patientRedFlagIds } from "@/lib/domain/red-flags";
import type { AppClient } from "./app-client";
import { residentMiB, startStack, step } from "./stack";

const PG_PORT = Number(process.env.RESILIENCE_PG_PORT ?? 55433);
const APP_PORT = Number(process.env.RESILIENCE_PORT ?? 3121);
const SOAK_MS = Number(process.env.SOAK_MINUTES ?? 10) * 60_000;
const PROBE_MS = 20_000;
const MAX_IN_FLIGHT = 16;

interface Result {
  ok: boolean;
  ms: number;
  what: string;
}

const stack = await startStack({ pgPort: PG_PORT, appPort: APP_PORT });
const pid = stack.app.pid!;

/** One request of the mix, chosen round-robin. */
let turn = 0;
async function oneRequest(): Promise<Result> {
  const n = turn++;
  const t0 = performance.now();
  const done = (ok: boolean, what: string): Result => ({ ok, ms: performance.now() - t0, what });
  try {
    if (n % 4 === 3) {
      const path = n % 8 === 3 ? "/patients" : stack.chartPath;
      const a = await stack.physician.get(path);
      return done(a.status === 200, `${path} ${a.status}`);
    }
    const patient: AppClient = stack.patients[n % stack.patients.length]!;
    if (n % 2 === 0) {
      const a = await patient.get("/me");
      return done(a.status === 200, `/me ${a.status}`);
    }
    const fields = { idempotencyKey: randomUUID(), painNow: "2", neuroWorse: "no", ...Object.fromEntries(patientRedFlagIds.map((id) => [`redFlags.${id}`, "no"])) };
    const a = await patient.action("/me/check-in", "(portal)/me/check-in/actions.ts", "submitCheckInAction", fields);
    return done(a.status === 200 && a.ok === true, `check-in ${a.status} ${a.message ?? ""}`);
  } catch (error) {
    return done(false, String(error));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
}

try {
  step(`measuring capacity: 8 clients back to back for ${PROBE_MS / 1000} s`);
  const probe: Result[] = [];
  const probeEnd = Date.now() + PROBE_MS;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < probeEnd) probe.push(await oneRequest());
    }),
  );
  const capacity = probe.length / (PROBE_MS / 1000);
  const rate = capacity / 2;
  step(`capacity ${capacity.toFixed(1)} requests/s (p95 ${percentile(probe.map((r) => r.ms), 95)} ms); soaking at ${rate.toFixed(1)}/s for ${SOAK_MS / 60_000} min`);

  const rssStart = residentMiB(pid);
  const results: Result[] = [];
  const errors: string[] = [];
  let inFlight = 0;
  let skipped = 0;
  const soakStart = Date.now();
  let sent = 0;
  let lastReport = Date.now();
  const pending = new Set<Promise<void>>();
  while (Date.now() - soakStart < SOAK_MS) {
    const due = Math.floor(((Date.now() - soakStart) / 1000) * rate);
    while (sent < due) {
      sent++;
      if (inFlight >= MAX_IN_FLIGHT) {
        skipped++;
        continue;
      }
      inFlight++;
      const p = oneRequest().then((r) => {
        inFlight--;
        results.push(r);
        if (!r.ok) errors.push(r.what);
      });
      pending.add(p);
      void p.finally(() => pending.delete(p));
    }
    if (Date.now() - lastReport > 60_000) {
      lastReport = Date.now();
      step(`${results.length} requests, ${errors.length} errors, RSS ${residentMiB(pid)} MiB`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.all(pending);
  const rssEnd = residentMiB(pid);
  const ms = results.map((r) => r.ms);
  console.log(`
Capacity: ${capacity.toFixed(1)} requests/s; soak rate ${rate.toFixed(1)}/s for ${(SOAK_MS / 60_000).toFixed(1)} min
Requests: ${results.length} (${skipped} not sent because ${MAX_IN_FLIGHT} were already in flight)
Errors: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ""}
Latency: p50 ${percentile(ms, 50)} ms, p95 ${percentile(ms, 95)} ms, p99 ${percentile(ms, 99)} ms
Resident memory of the app: ${rssStart} MiB at the start, ${rssEnd} MiB at the end`);
  if (errors.length || skipped) {
    console.error("\nSoak FAILED.");
    process.exitCode = 1;
  } else console.log("\nSoak passed.");
} finally {
  await stack.close();
}
