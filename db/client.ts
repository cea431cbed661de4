import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, PglitePreparedQuery } from "drizzle-orm/pglite";
import { drizzle as drizzlePg, NodePgPreparedQuery, NodePgSession } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { describeError, isDatabaseUnavailable, noteDatabaseAnswered, redactDatabaseError } from "./errors";
import { applyMigrations } from "./migrate";
import { dataDir } from "./paths";
import { lockDataDir } from "./pglite-lock";
import { schema } from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL connection string; without it the embedded database is used. */
  url?: string;
  /** Folder for the embedded database; "memory" keeps it in memory (tests). */
  pgliteDir?: string;
  /** Seed the demo clinic when the embedded database has no users. */
  seedWhenEmpty?: boolean;
  /**
   * Server only. Migrations always run as `url`'s user, the owner. Queries then run as the app's
   * role (the default) or, for maintenance and tests that play the owner, as the owner.
   */
  as?: "app" | "owner";
  /** The app role's connection string; by default RUNCLEAR_APP_DATABASE_URL or appDatabaseUrl(url). */
  appUrl?: string;
}

/** The role the migrations create for the app: INSERT and SELECT only on the audit trail. */
export const APP_ROLE = "runclear_app";

/**
 * The app's connection when RUNCLEAR_APP_DATABASE_URL is not set: the owner's URL with the app
 * role's name and no password, which suits a server that trusts local connections (the quick
 * start). A server that asks for passwords needs RUNCLEAR_APP_DATABASE_URL.
 */
export function appDatabaseUrl(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = "";
  return u.toString();
}

function openPool(url: string): Pool {
  // A request waits at most 5 s for a connection, so an outage answers quickly; a connection
  // the server dropped while idle is discarded (the 'error' event) and the pool reconnects.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  pool.on("error", (error) => console.error("[database] idle connection lost:", describeError(error)));
  return pool;
}

/**
 * Every query error leaves drizzle as a DatabaseError (db/errors.ts): drizzle's own error puts
 * the query and its parameters (session ids, emails, search text) in its message, which Next.js
 * and next-auth would log, and next-auth would even send back in a redirect.
 */
function redactQueryErrors(prepared: { prototype: { execute(...args: unknown[]): Promise<unknown>; all(...args: unknown[]): Promise<unknown> } }) {
  const proto = prepared.prototype as unknown as Record<string, unknown> & { __runclearRedacted?: true };
  if (proto.__runclearRedacted) return;
  for (const method of ["execute", "all"] as const) {
    const original = proto[method] as (...args: unknown[]) => Promise<unknown>;
    proto[method] = async function (this: unknown, ...args: unknown[]) {
      try {
        const result = await original.apply(this, args);
        noteDatabaseAnswered();
        return result;
      } catch (error) {
        throw redactDatabaseError(error);
      }
    };
  }
  proto.__runclearRedacted = true;
}
redactQueryErrors(NodePgPreparedQuery as never);
redactQueryErrors(PglitePreparedQuery as never);

// A transaction first takes a connection from the pool, outside any query: when that fails the
// error is the socket's, and is marked unavailable the same way. The app's own errors thrown
// inside a transaction pass through untouched.
const sessionProto = NodePgSession.prototype as unknown as { transaction(...args: unknown[]): Promise<unknown>; __runclearRedacted?: true };
if (!sessionProto.__runclearRedacted) {
  const original = sessionProto.transaction;
  sessionProto.transaction = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (error) {
      throw isDatabaseUnavailable(error) ? redactDatabaseError(error) : error;
    }
  };
  sessionProto.__runclearRedacted = true;
}

/** Opens a database and brings its schema up to date. Throws MigrationError if that fails. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const owner = openPool(options.url);
    const ownerDb = drizzlePg(owner, { schema, casing: "snake_case" }) as unknown as Database;
    await applyMigrations({ kind: "postgres", db: ownerDb, pool: owner }).catch(async (error: unknown) => {
      await owner.end();
      throw error;
    });
    if (options.as === "owner") return { db: ownerDb, kind: "postgres", close: () => owner.end() };
    await owner.end();
    const pool = openPool(options.appUrl ?? (process.env.RUNCLEAR_APP_DATABASE_URL || appDatabaseUrl(options.url)));
    const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Database;
    return { db, kind: "postgres", close: () => pool.end() };
  }

  const dir = options.pgliteDir ?? path.join(dataDir(), "pglite");
  let unlock = () => {};
  if (dir !== "memory") {
    fs.mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
  }
  const client = dir === "memory" ? await PGlite.create() : await PGlite.create(dir).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  try {
    // The planner settings the server's app role gets (drizzle/0020): PGlite has one session.
    await client.exec("set random_page_cost = 1.1; set jit = off");
    await applyMigrations({ kind: "pglite", db });
    if (options.seedWhenEmpty) {
      const { seedDemoClinicIfEmpty } = await import("./seed");
      await seedDemoClinicIfEmpty(db);
    }
  } catch (error) {
    await client.close();
    unlock();
    throw error;
  }
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

// PGlite is one process and one connection: the app keeps exactly one handle, shared by
// every request and surviving hot reloads in development.
const holder = globalThis as unknown as { runclearDatabase?: Promise<DatabaseHandle> };

/** The app's database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite. */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.runclearDatabase ??= openDatabase({
    url: process.env.DATABASE_URL || undefined,
    seedWhenEmpty: !process.env.DATABASE_URL && process.env.RUNCLEAR_SEED !== "off",
  });
  return holder.runclearDatabase;
}

/** Tests point the app at their own database. */
export function useDatabaseForTests(handle: DatabaseHandle): void {
  holder.runclearDatabase = Promise.resolve(handle);
}

export async function db(): Promise<Database> {
  return (await getDatabase()).db;
}
