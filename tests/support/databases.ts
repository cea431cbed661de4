import { afterAll, beforeAll, describe, inject } from "vitest";
import { openDatabase, useDatabaseForTests, type Database, type DatabaseHandle, type DatabaseKind } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { createFreshDatabase } from "./fresh-database";

export interface TestDatabase {
  kind: DatabaseKind;
  /** The drizzle database, for arranging and checking rows directly. */
  readonly db: Database;
}

/**
 * The drivers this run covers: PGlite always, the PostgreSQL server when DATABASE_URL is set.
 * RUNCLEAR_TEST_DRIVERS (for example "postgres") narrows it: CI's second pass covers only the
 * server, since its first pass has just covered PGlite.
 */
export function testDrivers(): DatabaseKind[] {
  const available: DatabaseKind[] = inject("postgresTemplateUrl") ? ["pglite", "postgres"] : ["pglite"];
  const only = process.env.RUNCLEAR_TEST_DRIVERS?.split(",").map((d) => d.trim());
  return only ? available.filter((kind) => only.includes(kind)) : available;
}

async function openFresh(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === "pglite") return openDatabase({ pgliteDir: "memory" });
  const template = new URL(inject("postgresTemplateUrl")!).pathname.slice(1);
  const url = await createFreshDatabase(process.env.DATABASE_URL!, `${inject("postgresRunPrefix")}_f`, template);
  return openDatabase({ url });
}

/**
 * Runs the suite once per driver, each on a fresh database that the app's DAL also uses.
 * With `seed`, the demo clinic is loaded first.
 */
export function describeEachDatabase(name: string, options: { seed?: boolean }, suite: (t: TestDatabase) => void) {
  for (const kind of testDrivers()) {
    describe(`${name} [${kind}]`, () => {
      let handle: DatabaseHandle | undefined;
      const t: TestDatabase = {
        kind,
        get db() {
          if (!handle) throw new Error("database not open yet");
          return handle.db;
        },
      };
      beforeAll(async () => {
        handle = await openFresh(kind);
        if (options.seed) await seedDemoClinic(handle.db);
        useDatabaseForTests(handle);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(t);
    });
  }
}
