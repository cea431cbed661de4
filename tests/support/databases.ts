import { afterAll, beforeAll, describe, inject } from "vitest";
import { appDatabaseUrl, openDatabase, useDatabaseForTests, type Database, type DatabaseHandle, type DatabaseKind } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { createFreshDatabase } from "./fresh-database";

export interface TestDatabase {
  kind: DatabaseKind;
  /** The drizzle database, for arranging and checking rows directly: the app's role on the server. */
  readonly db: Database;
  /** The same database as its owner, who may alter tables and switch triggers off (PGlite: `db`). */
  readonly owner: Database;
}

/**
 * The drivers this run covers: PGlite always, the PostgreSQL server when DATABASE_URL is set.
 * RUNCLEAR_TEST_DRIVERS (for example "postgres") narrows it, to rerun one driver's tests alone.
 */
export function testDrivers(): DatabaseKind[] {
  const available: DatabaseKind[] = inject("postgresTemplateUrl") ? ["pglite", "postgres"] : ["pglite"];
  const only = process.env.RUNCLEAR_TEST_DRIVERS?.split(",").map((d) => d.trim());
  return only ? available.filter((kind) => only.includes(kind)) : available;
}

async function openFresh(kind: DatabaseKind): Promise<{ app: DatabaseHandle; owner?: DatabaseHandle }> {
  if (kind === "pglite") return { app: await openDatabase({ pgliteDir: "memory" }) };
  const template = new URL(inject("postgresTemplateUrl")!).pathname.slice(1);
  const url = await createFreshDatabase(process.env.DATABASE_URL!, `${inject("postgresRunPrefix")}_f`, template);
  // The app connects as its own role, as in production; the owner's pool is for tampering.
  return { app: await openDatabase({ url, appUrl: appDatabaseUrl(url) }), owner: await openDatabase({ url, as: "owner" }) };
}

/**
 * Runs the suite once per driver, each on a fresh database that the app's DAL also uses.
 * With `seed`, the demo clinic is loaded first.
 */
export function describeEachDatabase(name: string, options: { seed?: boolean }, suite: (t: TestDatabase) => void) {
  for (const kind of testDrivers()) {
    describe(`${name} [${kind}]`, () => {
      let handle: DatabaseHandle | undefined;
      let owner: DatabaseHandle | undefined;
      const t: TestDatabase = {
        kind,
        get db() {
          if (!handle) throw new Error("database not open yet");
          return handle.db;
        },
        get owner() {
          return (owner ?? handle ?? { db: this.db }).db;
        },
      };
      beforeAll(async () => {
        ({ app: handle, owner } = await openFresh(kind));
        if (options.seed) await seedDemoClinic(handle.db);
        useDatabaseForTests(handle);
      });
      afterAll(async () => {
        await handle?.close();
        await owner?.close();
      });
      suite(t);
    });
  }
}
