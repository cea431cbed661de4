/**
 * `npm test`: every test. ESLint first (it keeps the database and lib/dal/internal inside the
 * DAL, and fails on errors, not warnings), then unit and integration tests (vitest; on PGlite, and also on the
 * PostgreSQL server when DATABASE_URL is set), then a production build and the browser tests
 * (Playwright) against it, on a fresh embedded database, or on a fresh database on the server.
 */
import { spawnSync } from "node:child_process";
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

const extra = process.argv.slice(2);
run("npx", ["eslint", "."]);
run("npx", ["vitest", "run", ...extra]);
if (process.env.RUNCLEAR_SKIP_BUILD !== "1") run("npx", ["next", "build"]);

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  run("npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: "" });
} else {
  const e2eUrl = await createFreshDatabase(serverUrl, "runclear_e2e");
  try {
    const handle = await openDatabase({ url: e2eUrl });
    await seedDemoClinic(handle.db);
    await handle.close();
    run("npx", ["playwright", "test"], { ...process.env, E2E_DATABASE_URL: e2eUrl });
  } finally {
    await dropDatabase(e2eUrl);
  }
}
console.log("\nAll tests passed.");
