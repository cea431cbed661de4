import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Pool } from "pg";
import type { Database } from "./client";
import { migrationsFolder } from "./paths";

export class MigrationError extends Error {
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`RunClear could not bring the database schema up to date: ${detail}`, { cause });
    this.name = "MigrationError";
  }
}

// Any fixed number: several app instances starting together take turns to migrate.
const MIGRATION_LOCK_KEY = 7_446_411;

type Target = { kind: "pglite"; db: Database } | { kind: "postgres"; db: Database; pool: Pool };

export async function applyMigrations(target: Target): Promise<void> {
  try {
    if (target.kind === "pglite") {
      await migratePglite(target.db as unknown as PgliteDatabase, { migrationsFolder });
      return;
    }
    // The lock is a transaction's, held open on a connection of its own while the migrations run
    // on others, and released by its commit or rollback. A session lock (pg_advisory_lock) would
    // stay behind on whichever server connection a transaction-mode PgBouncer lent that statement,
    // and its unlock could reach another one.
    const connection = await target.pool.connect();
    let failed = false;
    try {
      await connection.query("begin");
      await connection.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      await migratePg(target.db as unknown as NodePgDatabase, { migrationsFolder });
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await connection.query(failed ? "rollback" : "commit").catch(() => undefined);
      connection.release();
    }
  } catch (error) {
    throw new MigrationError(error);
  }
}
