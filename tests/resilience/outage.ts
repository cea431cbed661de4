/**
 * `npm run test:resilience`: the database stops for 10 seconds under load.
 * - pages answer 503 with the "temporarily unavailable" page (checked in Chromium too), never 500;
 * - server actions answer that nothing was saved;
 * - every write the app acknowledged is in the database afterwards (each one checked);
 * - the app recovers by itself once the database is back (the pg pool reconnects);
 * - the server log carries no failed query, no query parameters, no session cookie.
 * Bounded: 5 clients, each one request at a time with a pause, for about 40 seconds.
 */
import { randomUUID } from "node:crypto";
import { chromium } from "@playwright/test";
import pg from "pg";
import { CHROMIUM_ARGS, chromiumExecutable } from "../support/chromium";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/db/errors";
import { UNAVAILABLE_MESSAGE } from "@/lib/actions/action-state";
import { patientRedFlagIds } from "@/lib/domain/red-flags";
import type { AppClient } from "./app-client";
import { startStack, step } from "./stack";

const PG_PORT = Number(process.env.RESILIENCE_PG_PORT ?? 55433);
const APP_PORT = Number(process.env.RESILIENCE_PORT ?? 3121);
const BEFORE_MS = 8_000;
const OUTAGE_MS = 10_000;
const AFTER_MS = 12_000;
const PAUSE_MS = 150;
/** Requests already in flight when the database stops or starts may land either way. */
const GRACE_MS = 1_500;

type Kind = "page" | "action";
interface Sample {
  at: number;
  kind: Kind;
  path: string;
  status: number;
  ok: boolean | null;
  message: string | null;
  unavailablePage: boolean;
  /** The CSP and no-store, as on every answer. */
  secureHeaders: boolean;
  key?: string;
  error?: string;
}

const started = Date.now();
const now = () => Date.now() - started;
let stoppedAt = Infinity;
let restartedAt = Infinity;
let running = true;
const samples: Sample[] = [];

function checkInFields(key: string): Record<string, string> {
  return { idempotencyKey: key, painNow: String(Math.floor(Math.random() * 5)), neuroWorse: "no", ...Object.fromEntries(patientRedFlagIds.map((id) => [`redFlags.${id}`, "no"])) };
}

async function record(kind: Kind, path: string, call: () => Promise<{ status: number; text: string; headers: Headers; ok?: boolean | null; message?: string | null }>, key?: string) {
  const at = now();
  try {
    const a = await call();
    const secureHeaders = /frame-ancestors 'none'/.test(a.headers.get("content-security-policy") ?? "") && (a.headers.get("cache-control") ?? "").includes("no-store");
    samples.push({ at, kind, path, status: a.status, ok: a.ok ?? null, message: a.message ?? null, unavailablePage: a.text.includes(DATABASE_UNAVAILABLE_DIGEST), secureHeaders, key });
  } catch (error) {
    samples.push({ at, kind, path, status: 0, ok: null, message: null, unavailablePage: false, secureHeaders: false, key, error: String(error) });
  }
}

async function patientLoop(client: AppClient) {
  while (running) {
    await record("page", "/me", () => client.get("/me"));
    const key = randomUUID();
    await record("action", "/me/check-in", () => client.action("/me/check-in", "(portal)/me/check-in/actions.ts", "submitCheckInAction", checkInFields(key)), key);
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
}

async function physicianLoop(client: AppClient, chart: string) {
  while (running) {
    for (const path of ["/patients", chart]) await record("page", path, () => client.get(path));
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
}

const failures: string[] = [];
function check(condition: boolean, message: string) {
  if (!condition) failures.push(message);
}

const stack = await startStack({ pgPort: PG_PORT, appPort: APP_PORT });
try {
  step(`load: ${stack.patients.length} patients checking in and 1 physician reading charts`);
  const loops = [...stack.patients.map(patientLoop), physicianLoop(stack.physician, stack.chartPath)];
  const loadStart = now();
  await new Promise((r) => setTimeout(r, BEFORE_MS));

  step("stopping the database for 10 seconds");
  await stack.pg.stop();
  stoppedAt = now();
  await new Promise((r) => setTimeout(r, GRACE_MS + 500));
  // What a person sees: the page in a browser during the outage.
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  let seenHeading = "";
  let seenStatus = 0;
  try {
    const context = await browser.newContext();
    const cookies = stack.patients[0]!.cookieList().map(([name, value]) => ({ name, value, domain: "localhost", path: "/" }));
    await context.addCookies(cookies);
    const page = await context.newPage();
    const response = await page.goto(`${stack.base}/me`);
    seenStatus = response?.status() ?? 0;
    seenHeading = (await page.getByRole("heading", { level: 1 }).first().textContent({ timeout: 10_000 })) ?? "";
  } finally {
    await browser.close();
  }
  await new Promise((r) => setTimeout(r, Math.max(0, stoppedAt + OUTAGE_MS - now())));
  step("starting the database again");
  await stack.pg.start();
  restartedAt = now();
  await new Promise((r) => setTimeout(r, AFTER_MS));
  running = false;
  await Promise.all(loops);
  const loadEnd = now();

  // Every acknowledged write is there.
  const acknowledged = samples.filter((s) => s.kind === "action" && s.ok === true).map((s) => s.key!);
  const client = new pg.Client({ connectionString: stack.pg.url });
  await client.connect();
  const { rows } = await client.query<{ k: string }>("select idempotency_key::text as k from check_ins where idempotency_key = any($1::uuid[])", [acknowledged]);
  await client.end();
  const stored = new Set(rows.map((r) => r.k));
  const lost = acknowledged.filter((k) => !stored.has(k));

  const before = samples.filter((s) => s.at < stoppedAt - GRACE_MS);
  const during = samples.filter((s) => s.at > stoppedAt + GRACE_MS && s.at < restartedAt - GRACE_MS);
  const firstGoodAfter = (kind: Kind) => samples.find((s) => s.kind === kind && s.at > restartedAt && s.status === 200 && (kind === "page" || s.ok === true))?.at;
  const pageRecovery = firstGoodAfter("page");
  const actionRecovery = firstGoodAfter("action");
  const settled = samples.filter((s) => s.at > restartedAt + 5_000);

  check(samples.every((s) => s.status !== 500), `a 500: ${JSON.stringify(samples.find((s) => s.status === 500))}`);
  check(samples.every((s) => s.status === 0 || s.secureHeaders), `an answer without the CSP or no-store: ${JSON.stringify(samples.find((s) => s.status !== 0 && !s.secureHeaders))}`);
  check(samples.every((s) => s.status !== 0), `a request failed outright: ${samples.find((s) => s.status === 0)?.error}`);
  check(before.length > 0 && before.every((s) => s.status === 200 && (s.kind === "page" || s.ok === true)), "before the outage every request succeeded");
  const duringPages = during.filter((s) => s.kind === "page");
  const duringActions = during.filter((s) => s.kind === "action");
  check(duringPages.length > 0 && duringPages.every((s) => s.status === 503 && s.unavailablePage), `during the outage every page is the 503 unavailable page: ${JSON.stringify(duringPages.find((s) => s.status !== 503 || !s.unavailablePage))}`);
  check(duringActions.length > 0 && duringActions.every((s) => s.ok === false && s.message === UNAVAILABLE_MESSAGE), `during the outage every action says nothing was saved: ${JSON.stringify(duringActions.find((s) => s.ok !== false || s.message !== UNAVAILABLE_MESSAGE))}`);
  check(seenStatus === 503 && /temporarily unavailable/i.test(seenHeading), `the browser saw ${seenStatus} "${seenHeading}"`);
  check(lost.length === 0, `acknowledged check-ins missing afterwards: ${lost.join(", ")}`);
  check(pageRecovery !== undefined && actionRecovery !== undefined, "the app recovered by itself");
  check(settled.length > 0 && settled.every((s) => s.status === 200 && (s.kind === "page" || s.ok === true)), "5 s after the restart every request succeeds again");
  const log = stack.log();
  check(!/Failed query|params:/i.test(log), "the server log carries a failed query or its parameters");
  const leakedKey = acknowledged.concat(samples.map((s) => s.key ?? "")).find((k) => k && log.includes(k));
  check(!leakedKey, `the server log carries a query parameter (idempotency key ${leakedKey})`);
  const cookieValues = stack.patients.flatMap((c) => c.cookieList().map(([, v]) => v)).filter((v) => v.length > 20);
  check(!cookieValues.some((v) => log.includes(v)), "the server log carries a session cookie");

  const count = (list: Sample[], kind: Kind) => list.filter((s) => s.kind === kind).length;
  console.log(`
Requests: ${samples.length} in ${((loadEnd - loadStart) / 1000).toFixed(1)} s (pages ${count(samples, "page")}, check-ins ${count(samples, "action")})
Before the outage: ${before.length} requests, all succeeded
During the 10 s outage: ${duringPages.length} pages answered 503 "temporarily unavailable", ${duringActions.length} check-ins answered "nothing was saved"
Browser during the outage: ${seenStatus} "${seenHeading}"
Acknowledged check-ins: ${acknowledged.length}, all ${acknowledged.length - lost.length} found in the database
Recovery after the database came back: pages in ${(((pageRecovery ?? NaN) - restartedAt) / 1000).toFixed(1)} s, actions in ${(((actionRecovery ?? NaN) - restartedAt) / 1000).toFixed(1)} s
Status counts: ${JSON.stringify(samples.reduce<Record<number, number>>((m, s) => ((m[s.status] = (m[s.status] ?? 0) + 1), m), {}))}
Total time: ${(now() / 1000).toFixed(1)} s`);
} finally {
  running = false;
  await stack.close();
}

if (failures.length) {
  console.error(`\nResilience test FAILED:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("\nResilience test passed.");
