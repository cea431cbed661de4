/**
 * `DATABASE_URL=… npx vitest bench --run tests/bench/chart-throughput.bench.ts`: chart pages per
 * second on the PostgreSQL server, 10 requests at a time for 20 s. One "page" is what the chart
 * page's server component reads, in one request scope. Skipped without DATABASE_URL.
 */
import { afterAll, beforeAll, bench, describe } from "vitest";
import { openDatabase, useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { inRequestScope } from "@/lib/dal/internal/request-scope";
import { readChartPage } from "../support/chart-page";
import { patientIdByMrn } from "../support/callers";
import { createFreshDatabase, dropDatabase } from "../support/fresh-database";
import { signInAs } from "../support/people";

const CONCURRENCY = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const server = process.env.DATABASE_URL;

let handle: DatabaseHandle | undefined;
let url = "";
let sam = "";

beforeAll(async () => {
  if (!server) return;
  // As in production: a checkpoint after every 100 entries (tests/support/setup.ts turns it off).
  process.env.RUNCLEAR_AUDIT_SEAL_EVERY = "100";
  url = await createFreshDatabase(server, "runclear_bench");
  handle = await openDatabase({ url });
  await seedDemoClinic(handle.db);
  useDatabaseForTests(handle);
  sam = await patientIdByMrn(handle.db, "RC-100101");
  await signInAs(handle.db, "dr.ortiz@runclear.example");
}, 300_000);

afterAll(async () => {
  await handle?.close();
  if (url) await dropDatabase(url);
});

describe.skipIf(!server)("chart page on the server", () => {
  bench(`${CONCURRENCY} concurrent chart pages for ${SECONDS} s`, async () => {
    const deadline = Date.now() + SECONDS * 1000;
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < deadline) {
          const started = performance.now();
          await inRequestScope(() => readChartPage(sam));
          latencies.push(performance.now() - started);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(1);
    console.log(
      `chart pages: ${latencies.length} in ${SECONDS} s = ${(latencies.length / SECONDS).toFixed(1)}/s; ` +
        `latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`,
    );
  }, { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 });
});
