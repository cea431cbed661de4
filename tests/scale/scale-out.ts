/**
 * `npm run test:scale`: two production instances of the app (the same `next build`, two ports;
 * the second runs two server processes on its port, RUNCLEAR_WORKERS=2)
 * behind nginx (round-robin, no sticky sessions), both on one PostgreSQL database through
 * PgBouncer in transaction pooling, for requests and migrations alike. It shows that a user never
 * notices which instance answers: a session from one works on the other and ends on both; sign-in
 * throttling counts the failures of both; an idempotent write retried on the other instance is
 * stored once; a patient's log on one reaches a therapist's live caseload served by the other; a
 * FHIR bulk export started on one is followed and downloaded on the other; the audit trail both
 * wrote verifies under the shared key. A fresh database on the PostgreSQL server
 * (SCALE_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres) is
 * created and dropped; every process is ended however the test ends; nothing is sent anywhere
 * but 127.0.0.1.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { sealAuditTrail, verifyAuditChain } from "@/db/audit-chain";
import { openDatabase, APP_ROLE, type DatabaseHandle } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { auditCheckpoints } from "@/db/schema/audit";
import { bulkExportChunks } from "@/db/schema/bulk-exports";
import { loginAttempts } from "@/db/schema/sessions";
import { users } from "@/db/schema/users";
import { seedDemoClinic } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { AppClient } from "../resilience/app-client";
import { ensureBuild, step, waitForHealth } from "../resilience/stack";
import { freePorts } from "../support/free-ports";
import { serverArgs } from "../support/server-command";
import { createFreshDatabase, dropDatabase } from "../support/fresh-database";
import { NGINX, startNginx } from "./nginx";
import { PGBOUNCER, POOL_SIZE, POOLED_DATABASE, startPgBouncer } from "./pgbouncer";
import { Children } from "./processes";

const TIMEOUT_MS = Number(process.env.SCALE_TIMEOUT_SECONDS ?? 300) * 1000;
const THERAPIST = "pt.morgan@runclear.example";
const PATIENT = "sam.rivera@runclear.example"; // on Jordan Morgan's caseload
const LEAD = "dr.chen@runclear.example";
const THROTTLED = "priya.natarajan@runclear.example";

for (const binary of [NGINX, PGBOUNCER]) {
  if (!fs.existsSync(binary)) {
    console.error(`${binary} is missing: apt-get install -y nginx pgbouncer (.ci/run does).`);
    process.exit(1);
  }
}
const serverUrl = process.env.SCALE_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
if (!["127.0.0.1", "localhost"].includes(new URL(serverUrl).hostname)) {
  console.error(`test:scale runs only against a PostgreSQL server on this machine, not ${new URL(serverUrl).host}.`);
  process.exit(1);
}

const children = new Children();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "runclear-scale-"));
// PgBouncer (as the postgres OS user under root) and nginx's workers read their folders inside it.
fs.chmodSync(work, 0o755);
let databaseUrl: string | null = null;
let handle: DatabaseHandle | null = null;

async function cleanUp(): Promise<void> {
  await children.stopAll();
  await handle?.close().catch(() => undefined);
  if (databaseUrl) await dropDatabase(databaseUrl).catch((error: unknown) => console.error(`could not drop ${databaseUrl}: ${String(error)}`));
  fs.rmSync(work, { recursive: true, force: true });
}

// Everything is bounded: past the budget the test reports what the processes said and ends them.
const watchdog = setTimeout(() => {
  console.error(`\ntest:scale did not finish in ${TIMEOUT_MS / 1000} s.\n${children.report()}`);
  void cleanUp().finally(() => process.exit(1));
}, TIMEOUT_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(1)));
}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** One credentials sign-in attempt from `address` (sent as X-Forwarded-For); next-auth's error code, or "ok". */
async function signInAttempt(client: AppClient, email: string, password: string, address: string): Promise<string> {
  const headers = { "x-forwarded-for": address };
  const csrf = JSON.parse((await client.request("/api/auth/csrf", { headers })).text) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken: csrf.csrfToken, email, password });
  const answer = await client.request("/api/auth/callback/credentials", { method: "POST", body, headers: { ...headers, origin: client.base } });
  const location = answer.headers.get("location") ?? "";
  return new URL(location, client.base).searchParams.get("error") ?? (answer.status === 302 ? "ok" : `status ${answer.status}`);
}

const upstreamOf = (headers: Headers) => headers.get("x-upstream") ?? "?";

try {
  ensureBuild();
  // npm test hands over ports chosen together with its other runs'.
  const given = process.env.SCALE_PORTS?.split(",").map(Number).filter((p) => p > 0);
  const [bouncerPort, portA, portB, nginxPort] = given?.length === 4 ? given : await freePorts(4);
  databaseUrl = await createFreshDatabase(serverUrl, "runclear_scale");
  step(`fresh database ${new URL(databaseUrl).pathname.slice(1)}; PgBouncer on 127.0.0.1:${bouncerPort} (transaction pooling, ${POOL_SIZE} server connections per user)`);
  const bouncer = await startPgBouncer({ dir: path.join(work, "pgbouncer"), port: bouncerPort!, server: new URL(databaseUrl), users: ["postgres", APP_ROLE], children });

  // One key per secret, the same on both instances; each its own data folder, so nothing is
  // shared through a disk.
  const secret = () => randomBytes(32).toString("base64url");
  const shared = { NEXTAUTH_SECRET: secret(), RUNCLEAR_AUDIT_KEY: secret(), RUNCLEAR_MFA_KEY: secret() };
  const nginxBase = `http://127.0.0.1:${nginxPort}`;
  const instances = [portA!, portB!].map((port, i) => {
    const dataDir = path.join(work, `app-${"ab"[i]}`);
    fs.mkdirSync(dataDir);
    const child = children.start(`app ${"AB"[i]} :${port}`, process.execPath, serverArgs(), {
      env: {
        ...process.env,
        ...shared,
        NODE_ENV: "production",
        PORT: String(port),
        // Migrations as the owner and every request as the app's role, both through PgBouncer.
        DATABASE_URL: bouncer.url("postgres"),
        RUNCLEAR_APP_DATABASE_URL: bouncer.url(APP_ROLE),
        NEXTAUTH_URL: nginxBase,
        RUNCLEAR_DATA_DIR: dataDir,
        RUNCLEAR_TRUSTED_PROXIES: "127.0.0.1",
        // Small batches and frequent checkpoints: an export's files span several chunks, and
        // both instances sign checkpoints of the one trail.
        RUNCLEAR_EXPORT_BATCH: "5",
        RUNCLEAR_AUDIT_SEAL_EVERY: "10",
        // B is two server processes on its one port (lib/server/workers.mjs); the kernel spreads
        // B's connections over them, so the steps below also cross the processes of one instance.
        RUNCLEAR_WORKERS: i === 1 ? "2" : "1",
      },
    });
    return { name: "AB"[i]!, port, base: `http://127.0.0.1:${port}`, dataDir, child };
  });
  const [A, B] = instances as [(typeof instances)[0], (typeof instances)[0]];
  step(`instances A (127.0.0.1:${A.port}, one process) and B (127.0.0.1:${B.port}, two processes) start together on the empty database and migrate it through PgBouncer`);
  await Promise.all(instances.map((app) => waitForHealth(app.base, app.child.process, 120_000)));
  // Both of B's processes listen on its port and opened the database (the first answer above
  // may have come from either).
  for (const deadline = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 250))) {
    const out = B.child.output();
    if (["(process 1 of 2)", "(process 2 of 2)"].every((p) => out.includes(p)) && out.split("RunClear is ready on PostgreSQL.").length === 3) break;
    expect(Date.now() < deadline, `B's two processes did not both start in 60 s:\n${out}`);
  }

  // Both migrated, taking turns under the transaction-level lock (db/migrate.ts): every
  // migration is applied, once. The owner's connection here is direct, for arrangement only.
  handle = await openDatabase({ url: databaseUrl, as: "owner" });
  const applied = await handle.db.execute(sql`select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`);
  const journal = (JSON.parse(fs.readFileSync("drizzle/meta/_journal.json", "utf8")) as { entries: unknown[] }).entries.length;
  const [migrations] = (applied as unknown as { rows: { n: number; hashes: number }[] }).rows;
  expect(migrations?.n === journal && migrations.hashes === journal, `after both instances migrated: ${JSON.stringify(migrations)} migrations recorded, ${journal} in the journal`);
  step(`✓ both instances up; the ${journal} migrations applied once, through PgBouncer`);

  step("loading the demo clinic (directly, as arrangement); Dr. Chen is clinical lead");
  await seedDemoClinic(handle.db);
  await handle.db.update(users).set({ clinicalLead: true }).where(eq(users.email, LEAD));

  await startNginx({ dir: path.join(work, "nginx"), port: nginxPort!, upstreams: [A.port, B.port], children });
  step(`nginx on ${nginxBase}, round-robin over A and B`);

  // 1. Round-robin, no stickiness: consecutive requests of one client reach both instances.
  const health = await Promise.all([0, 1, 2, 3].map(async () => (await fetch(`${nginxBase}/api/health`, { signal: AbortSignal.timeout(10_000) })).headers));
  const spread = new Set(health.map(upstreamOf));
  expect(spread.has(`127.0.0.1:${A.port}`) && spread.has(`127.0.0.1:${B.port}`), `nginx answered only from ${[...spread].join(", ")}`);
  step(`✓ nginx spreads requests over both instances (${[...spread].join(", ")})`);

  // 2. A session from one instance works on the other, and through nginx whichever answers.
  const therapistA = new AppClient(A.base);
  await therapistA.signIn(THERAPIST, DEMO_PASSWORD);
  const therapistB = therapistA.at(B.base);
  const caseloadPage = await therapistB.get("/patients");
  expect(caseloadPage.status === 200 && caseloadPage.text.includes("Rivera"), `the session signed in on A is refused on B (${caseloadPage.status})`);
  const viaNginx = therapistA.at(nginxBase);
  const markers = await Promise.all([0, 1, 2, 3].map(() => viaNginx.request("/api/caseload/marker")));
  expect(markers.every((m) => m.status === 200), `through nginx the session failed: ${markers.map((m) => m.status).join(", ")}`);
  expect(new Set(markers.map((m) => upstreamOf(m.headers))).size === 2, "the session's requests through nginx did not reach both instances");
  step("✓ a session signed in on A opens the caseload on B, and through nginx on both");

  // 3. Sign-in throttling counts the failures of both instances: 3 on A and 2 on B make 5, the
  // limit for an account from one address, which neither instance reached alone.
  const address = "203.0.113.7"; // as forwarded by a trusted proxy
  const attempts = [A, B, A, B, A].map((app) => new AppClient(app.base));
  for (const client of attempts) {
    const code = await signInAttempt(client, THROTTLED, "not-the-password", address);
    expect(code === "invalid", `a wrong password answered ${code}`);
  }
  for (const app of [B, A]) {
    const code = await signInAttempt(new AppClient(app.base), THROTTLED, DEMO_PASSWORD, address);
    expect(code.startsWith("throttled:"), `after 5 failures spread over A and B, the right password on ${app.name} answered ${code}, not throttled`);
  }
  const throughNginx = await signInAttempt(new AppClient(nginxBase), THROTTLED, DEMO_PASSWORD, address);
  expect(throughNginx.startsWith("throttled:"), `through nginx the throttled sign-in answered ${throughNginx}`);
  const elsewhere = await signInAttempt(new AppClient(nginxBase), THROTTLED, DEMO_PASSWORD, "203.0.113.8");
  expect(elsewhere === "ok", `from another address the sign-in answered ${elsewhere}`);
  const [failures] = await handle.db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.email, THROTTLED), eq(loginAttempts.ip, address), eq(loginAttempts.succeeded, false)));
  expect(Number(failures?.n) === 5, `login_attempts holds ${failures?.n} failures of ${address}, not 5`);
  step("✓ 3 failed sign-ins on A and 2 on B throttle the account from that address on both (and not from another address)");

  // 4. An idempotent write retried on the other instance is stored once: the patient skips a
  // plan item on A, the retry (same idempotency key) goes to B; and a second key on both at once.
  const patient = new AppClient(nginxBase);
  await patient.signIn(PATIENT, DEMO_PASSWORD);
  const markerBefore = (JSON.parse((await therapistB.request("/api/caseload/marker")).text) as { marker: string }).marker;
  const day = JSON.parse((await patient.at(A.base).request("/api/me/day")).text) as { today: string; items: { key: string; status: string | null }[] };
  const reason = `scale-out check ${randomUUID().slice(0, 8)}`;
  let entry: Record<string, unknown> | null = null;
  for (const item of day.items.filter((i) => i.status === null)) {
    const candidate = { kind: "item", idempotencyKey: randomUUID(), date: day.today, itemKey: item.key, status: "skipped", skipReason: reason };
    const first = await patient.at(A.base).call("/me/log", "(portal)/me/log/actions.ts", "logActivityAction", candidate);
    if (first.ok) {
      entry = candidate;
      break;
    }
  }
  expect(entry, `none of today's plan items of ${PATIENT} could be skipped on A`);
  const retry = await patient.at(B.base).call("/me/log", "(portal)/me/log/actions.ts", "logActivityAction", entry);
  expect(retry.ok === true, `the retry on B was refused: ${retry.status} ${retry.message ?? retry.text.slice(0, 200)}`);
  const key = (entry as { idempotencyKey: string }).idempotencyKey;
  const stored = async (k: string) => Number((await handle!.db.select({ n: count() }).from(activityLogs).where(eq(activityLogs.idempotencyKey, k)))[0]?.n);
  expect((await stored(key)) === 1, `the skip written on A and retried on B is stored ${await stored(key)} times`);
  const run = { kind: "run", idempotencyKey: randomUUID(), date: day.today, minutes: 20, distanceKm: 3, rpe: 3, painBefore: 1, painDuring: 1, painAfter: 1, newNumbnessOrWeakness: false };
  const both = await Promise.all([A, B].map((app) => patient.at(app.base).call("/me/log", "(portal)/me/log/actions.ts", "logActivityAction", run)));
  expect(both.every((a) => a.ok === true), `the run sent to A and B at once: ${both.map((a) => `${a.status} ${a.message}`).join("; ")}`);
  expect((await stored(run.idempotencyKey)) === 1, `the run sent to A and B at once is stored ${await stored(run.idempotencyKey)} times`);
  step("✓ a log written on A and retried on B is stored once; so is one sent to both at the same moment");

  // 5. The therapist's open caseload on B polls /api/caseload/marker (lib/ui/use-live-data.ts)
  // and refetches /api/caseload when it changes: the skip written on A shows there.
  const markerAfter = await until("the caseload marker on B changes after the log on A", 15_000, async () => {
    const m = (JSON.parse((await therapistB.request("/api/caseload/marker")).text) as { marker: string }).marker;
    return m !== markerBefore ? m : null;
  });
  const caseload = JSON.parse((await therapistB.request("/api/caseload")).text) as { marker: string; rows: { name: string; summary: { recentSkips: { reason: string }[] } }[] };
  const sam = caseload.rows.find((r) => r.name === "Sam Rivera");
  expect(sam?.summary.recentSkips.some((s) => s.reason === reason), "the skip logged on A is not on the caseload served by B");
  expect(caseload.marker === markerAfter, "the caseload and its marker disagree");
  step("✓ the patient's log on A reaches the therapist's live caseload on B at the next poll");

  // 6. FHIR bulk export: kick-off on A, status and files on B. The job runs in A's process; its
  // progress and its files are in the database, so B reports and serves them.
  const lead = new AppClient(nginxBase);
  await lead.signIn(LEAD, DEMO_PASSWORD);
  const fhir = { accept: "application/fhir+json" };
  const kickOff = await lead.at(A.base).request("/fhir/$export", { headers: { ...fhir, prefer: "respond-async" } });
  expect(kickOff.status === 202, `the kick-off on A answered ${kickOff.status}: ${kickOff.text.slice(0, 200)}`);
  const statusPath = new URL(kickOff.headers.get("content-location") ?? "").pathname;
  const progress = new Set<string>();
  const manifest = await until("the export started on A completes, as seen from B", 90_000, async () => {
    const status = await lead.at(B.base).request(statusPath, { headers: fhir });
    if (status.status === 202) progress.add(status.headers.get("x-progress") ?? "");
    else if (status.status === 200) return JSON.parse(status.text) as { output: { type: string; url: string; count: number }[] };
    else throw new Error(`the export's status on B answered ${status.status}: ${status.text.slice(0, 200)}`);
    return null;
  });
  expect(manifest.output.some((f) => f.type === "Patient"), "the export has no Patient file");
  for (const [i, file] of manifest.output.entries()) {
    const via = i % 2 ? lead : lead.at(B.base); // B directly, and nginx (either instance)
    const download = await via.request(new URL(file.url).pathname, { headers: { accept: "application/fhir+ndjson" } });
    expect(download.status === 200, `${file.type}.ndjson answered ${download.status}`);
    const lines = download.text.trimEnd().split("\n").map((l) => JSON.parse(l) as { resourceType: string });
    expect(lines.length === file.count && lines.every((r) => r.resourceType === file.type), `${file.type}.ndjson has ${lines.length} lines, the manifest says ${file.count}`);
  }
  const jobId = statusPath.split("/").at(-1)!;
  const chunks = await handle.db.select({ type: bulkExportChunks.type }).from(bulkExportChunks).where(eq(bulkExportChunks.exportId, jobId));
  expect(chunks.filter((c) => c.type === "Patient").length > 1, "the Patient file is not in several chunks");
  for (const app of instances) expect(!fs.existsSync(path.join(app.dataDir, "exports")), `instance ${app.name} wrote exports to its disk`);
  const removed = await lead.at(B.base).request(statusPath, { method: "DELETE", headers: { ...fhir, origin: B.base } });
  expect(removed.status === 202, `DELETE on B answered ${removed.status}`);
  const gone = await lead.at(A.base).request(statusPath, { headers: fhir });
  expect(gone.status === 404, `after the DELETE on B, the status on A answered ${gone.status}`);
  step(`✓ a bulk export started on A is followed (${progress.size ? [...progress].join("; ") : "done at the first poll"}) and downloaded on B and through nginx: ${manifest.output.map((f) => `${f.type} ${f.count}`).join(", ")}; deleted on B, gone on A`);

  // 7. Signing out on B ends the session on A too (the session row is shared, not a process's).
  const kept = therapistA.cookieList();
  const csrf = JSON.parse((await therapistB.request("/api/auth/csrf")).text) as { csrfToken: string };
  const signOut = await therapistB.request("/api/auth/signout", { method: "POST", body: new URLSearchParams({ csrfToken: csrf.csrfToken }), headers: { origin: B.base } });
  expect(signOut.status === 302, `sign-out on B answered ${signOut.status}`);
  const afterSignOut = await AppClient.holding(A.base, kept).request("/api/caseload/marker");
  expect(afterSignOut.status !== 200, "the session signed out on B still opens the caseload on A");
  step(`✓ signing out on B ends the session on A (${afterSignOut.status})`);

  // 8. Everything went through PgBouncer, in transaction pooling.
  const config = await bouncer.admin("SHOW CONFIG");
  const poolMode = config.find((r) => r.key === "pool_mode")?.value;
  expect(poolMode === "transaction", `PgBouncer pool_mode is ${String(poolMode)}`);
  const pools = (await bouncer.admin("SHOW POOLS")).filter((r) => r.database === POOLED_DATABASE);
  const clients = (await bouncer.admin("SHOW CLIENTS")).filter((r) => r.database === POOLED_DATABASE);
  const stats = (await bouncer.admin("SHOW STATS")).find((r) => r.database === POOLED_DATABASE);
  expect(pools.some((p) => p.user === APP_ROLE) && pools.some((p) => p.user === "postgres"), `PgBouncer pooled ${pools.map((p) => p.user).join(", ")}`);
  expect(clients.some((c) => c.user === APP_ROLE), "no app connection through PgBouncer");
  const serverCount = (await bouncer.admin("SHOW SERVERS")).filter((r) => r.database === POOLED_DATABASE && r.user === APP_ROLE).length;
  expect(serverCount <= POOL_SIZE, `${serverCount} server connections for ${APP_ROLE}, above the pool of ${POOL_SIZE}`);
  step(`✓ PgBouncer in transaction pooling carried ${String(stats?.total_xact_count)} transactions for ${clients.filter((c) => c.user === APP_ROLE).length} app connections on ${serverCount} server connections`);

  // 9. The audit trail both instances wrote, and the checkpoints both signed, verify as one.
  process.env.RUNCLEAR_AUDIT_KEY = shared.RUNCLEAR_AUDIT_KEY;
  const [{ checkpoints }] = (await handle.db.select({ checkpoints: count() }).from(auditCheckpoints)) as [{ checkpoints: number }];
  let report = await verifyAuditChain(handle.db);
  if (report.intact) await sealAuditTrail(handle.db);
  report = await verifyAuditChain(handle.db);
  expect(report.intact, `the audit trail is broken: ${JSON.stringify(report)}`);
  expect(Number(checkpoints) > 0, "neither instance signed a checkpoint");
  step(`✓ the audit trail of both instances is intact: ${report.rows} entries, ${Number(checkpoints)} checkpoints signed by the instances`);

  const troubles = instances.flatMap((app) => app.child.output().split("\n").filter((l) => /prepared statement|advisory|unsupported startup parameter|server conn crashed/i.test(l)).map((l) => `${app.name}: ${l}`));
  expect(!troubles.length, `the instances reported connection-pooling trouble:\n${troubles.join("\n")}`);
  console.log("\nScale-out test passed.");
} catch (error) {
  console.error(`\nScale-out test FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  console.error(children.report());
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanUp();
  // Nothing may keep the process: a stray timer or socket would outlive the test.
  process.exit(process.exitCode ?? 0);
}
