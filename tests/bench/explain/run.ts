/**
 * `npm run bench:explain`: every query each benchmarked page sends, with its EXPLAIN (ANALYZE,
 * BUFFERS) on the database as it is, and a check that no query reads a large table whole.
 *
 *   DATABASE_URL=postgres://… npm run bench:explain -- [--out file.md] [--large 20000]
 *
 * It starts the production build on DATABASE_URL with tests/bench/explain/capture-queries.mjs
 * preloaded (it logs each query the app sends through `pg`), signs in as the benchmark's three
 * accounts, opens each page of `npm run bench` once to warm it and once to record it, then
 * explains each recorded query on a connection of the app's role inside a transaction that is rolled back.
 * Statements that write are explained without ANALYZE, so nothing is changed (and no audit number
 * is spent). A sequential scan of a table holding more than `--large` rows fails the run: at
 * 100,000 patients that is a query whose cost grows with the clinic, not with the page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { appDatabaseUrl } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { AppClient } from "../../resilience/app-client";
import { startServer } from "../http/server";
import { discoverTargets } from "../http/targets";
import type { Target } from "../http/measure";

const { values } = parseArgs({ options: { out: { type: "string" }, large: { type: "string", default: "20000" } } });
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("npm run bench:explain needs DATABASE_URL: the PostgreSQL database to explain the pages on (for example a synthetic clinic, npm run db:synth).");
  process.exit(2);
}
const LARGE = Number(values.large);

const ACCOUNTS = { physician: "dr.ortiz@runclear.example", therapist: "pt.morgan@runclear.example", patient: "sam.rivera@runclear.example" };

interface Recorded {
  text: string;
  values: unknown[];
}

interface Explained {
  sql: string;
  analyzed: boolean;
  executionMs: number | null;
  plan: string;
  largeScans: string[];
}

const queryLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "runclear-explain-")), "queries.jsonl");
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --import ${path.resolve("tests/bench/explain/capture-queries.mjs")}`.trim();
process.env.RUNCLEAR_QUERY_LOG = queryLog;

function readLog(): Recorded[] {
  if (!fs.existsSync(queryLog)) return [];
  const lines = fs.readFileSync(queryLog, "utf8").split("\n").filter(Boolean);
  fs.writeFileSync(queryLog, "");
  return lines.map((l) => JSON.parse(l) as Recorded);
}

/** Reads only: a plain SELECT or a WITH whose parts all select. */
function readsOnly(text: string): boolean {
  const t = text.trim().toLowerCase();
  return (t.startsWith("select") || t.startsWith("with")) && !/\b(insert|update|delete)\b/.test(t.replace(/for update|for no key update/g, ""));
}

async function explain(owner: pg.Client, sizes: Map<string, number>, query: Recorded): Promise<Explained> {
  const analyzed = readsOnly(query.text);
  await owner.query("begin");
  try {
    const result = await owner.query<{ "QUERY PLAN": string }>(`explain (${analyzed ? "analyze, buffers, " : ""}costs, verbose false) ${query.text}`, query.values);
    const plan = result.rows.map((r) => r["QUERY PLAN"]).join("\n");
    const executionMs = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1];
    const largeScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!).filter((table) => (sizes.get(table) ?? 0) > LARGE);
    return { sql: query.text, analyzed, executionMs: executionMs ? Number(executionMs) : null, plan, largeScans: [...new Set(largeScans)] };
  } finally {
    await owner.query("rollback");
  }
}

const UUID_LIST = /\{([0-9a-f]{8}-[0-9a-f-]{27}(?:,[0-9a-f]{8}-[0-9a-f-]{27}){3,})\}/g;

/** A plan as written to the report: an array of hundreds of patient ids becomes its count. */
function readablePlan(plan: string): string {
  return plan.replace(UUID_LIST, (_, list: string) => `{…${list.split(",").length} ids…}`);
}

function oneLine(text: string, max = 110): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const server = await startServer();
let exitCode = 0;
// As the app's role, so the plans are made with its settings (drizzle/0020: random_page_cost).
const owner = new pg.Client({ connectionString: process.env.RUNCLEAR_APP_DATABASE_URL || appDatabaseUrl(databaseUrl) });
try {
  await owner.connect();
  const counted = await owner.query<{ relname: string; n: string }>(
    "select c.relname, greatest(c.reltuples, 0)::bigint::text as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = 'public' and c.relkind in ('r', 'p')",
  );
  const sizes = new Map(counted.rows.map((r) => [r.relname, Number(r.n)]));
  const patientsCount = sizes.get("patients") ?? 0;
  const logsCount = sizes.get("activity_logs") ?? 0;

  const sessions = { physician: new AppClient(server.base), therapist: new AppClient(server.base), patient: new AppClient(server.base) };
  for (const [role, client] of Object.entries(sessions)) await client.signIn(ACCOUNTS[role as keyof typeof ACCOUNTS], DEMO_PASSWORD);
  const today = (JSON.parse((await sessions.patient.request("/api/me/day")).text) as { today: string }).today;
  const targets = await discoverTargets(server.base, sessions, { patientEmail: ACCOUNTS.patient, writes: ["replay"], today });

  const send = async (target: Target) => {
    const response = await fetch(`${server.base}${target.path}`, { method: target.method, headers: target.headers, body: target.body, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status < 200 || response.status > 299) throw new Error(`${target.name} answered ${response.status}`);
    // The audit entries a page writes after its answer (Next's `after`) belong to it too.
    await new Promise((r) => setTimeout(r, 400));
  };

  const sections: string[] = [];
  const summary: string[] = ["| page | queries | reads explained: total execution ms | slowest ms | large sequential scans |", "| --- | ---: | ---: | ---: | --- |"];
  for (const target of targets) {
    await send(target);
    readLog();
    await send(target);
    const queries = readLog();
    const explained: Explained[] = [];
    for (const q of queries) explained.push(await explain(owner, sizes, q));
    const total = explained.reduce((s, e) => s + (e.executionMs ?? 0), 0);
    const slowest = Math.max(0, ...explained.map((e) => e.executionMs ?? 0));
    const scans = [...new Set(explained.flatMap((e) => e.largeScans))];
    if (scans.length) exitCode = 1;
    // Every page reads the session at least: nothing recorded means the query hook is not in place.
    if (!queries.length) throw new Error(`${target.name}: no query was recorded (is pg loaded from node_modules, and DATABASE_URL a PostgreSQL server?)`);
    summary.push(`| ${target.name} | ${queries.length} | ${total.toFixed(1)} | ${slowest.toFixed(1)} | ${scans.join(", ") || "none"} |`);
    console.error(`${target.name}: ${queries.length} queries, ${total.toFixed(1)} ms of execution, slowest ${slowest.toFixed(1)} ms${scans.length ? `, LARGE SCANS: ${scans.join(", ")}` : ""}`);
    sections.push(
      `## ${target.name} (\`${target.method} ${target.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}")}\`)\n\n` +
        explained
          .map(
            (e, i) =>
              `### ${i + 1}. ${e.analyzed ? `${e.executionMs?.toFixed(2)} ms` : "write (EXPLAIN without ANALYZE)"}${e.largeScans.length ? ` — LARGE SCAN of ${e.largeScans.join(", ")}` : ""}\n\n` +
              "```sql\n" + oneLine(e.sql, 600) + "\n```\n\n```\n" + readablePlan(e.plan) + "\n```\n",
          )
          .join("\n"),
    );
  }
  const header =
    `# EXPLAIN (ANALYZE, BUFFERS) of every query of the benchmarked pages\n\n` +
    `Made by \`npm run bench:explain\` on ${new Date().toISOString().slice(0, 10)}: ${patientsCount.toLocaleString("en-US")} patients, ` +
    `${logsCount.toLocaleString("en-US")} activity logs (planner estimates). Each page was opened once to warm it, then once to record ` +
    `its queries. Reads are explained with ANALYZE inside a transaction that is rolled back; writes without ANALYZE. ` +
    `A "large scan" is a sequential scan of a table of more than ${LARGE.toLocaleString("en-US")} rows.\n\n`;
  const report = `${header}${summary.join("\n")}\n\n${sections.join("\n")}`;
  const out = values.out ?? path.join("tests/bench/results", `explain-${patientsCount >= 1000 ? `${Math.round(patientsCount / 1000)}k` : patientsCount}-patients.md`);
  fs.writeFileSync(out, report);
  console.log(`\n${summary.join("\n")}\n\nPlans: ${out}`);
  if (exitCode) console.error("\nA page reads a large table whole: see the plans.");
} catch (error) {
  console.error(`\nbench:explain failed: ${error instanceof Error ? error.message : String(error)}\n${server.log().slice(-2000)}`);
  exitCode = 1;
} finally {
  await owner.end().catch(() => undefined);
  await server.stop();
}
process.exit(exitCode);
