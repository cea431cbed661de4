import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./tests/support/chromium";
import { serverArgs } from "./tests/support/server-command";

/**
 * A port nothing listens on, chosen once by the main process and handed to the workers through
 * the environment (they load this file again). E2E_PORT picks one instead.
 */
function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}
process.env.E2E_PORT ??= String(freePort());
const port = Number(process.env.E2E_PORT);
const baseURL = `http://localhost:${port}`;

// Each run starts the app on a fresh embedded database unless the runner chose a PostgreSQL one.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "runclear-e2e-"));

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  // One app instance on one embedded database: tests share it, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  // CI runs both browser suites and the scale-out test at once on two cores; on a machine half as
  // fast as usual a long journey under that load took over a minute (7 December 2026), so the
  // limits leave room. A passing wait returns as soon as it holds, so they cost nothing then.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: "list",
  use: {
    baseURL,
    // Recording a trace of every test cost about a third of the browser suite's time here (two
    // journeys: 114 s with it, 85 s without; 7 December 2026). In CI a failed test is retried
    // once, and the retry records its trace; locally a failure keeps its trace at once.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: ["node", ...serverArgs()].join(" "),
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      RUNCLEAR_DATA_DIR: process.env.E2E_DATA_DIR,
      // The HTTP benchmark's ceiling page stays off (e2e/security.spec.ts checks it is not found).
      RUNCLEAR_BENCH_CEILING: "",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATABASE_URL: "" }),
    },
  },
});
