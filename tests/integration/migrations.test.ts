import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { applyMigrations, MigrationError } from "@/db/migrate";
import { schema } from "@/db/schema";

describe("migrations", () => {
  it("apply twice without harm (start-up runs them every time)", async () => {
    const handle = await openDatabase({ pgliteDir: "memory" });
    await expect(applyMigrations({ kind: "pglite", db: handle.db })).resolves.toBeUndefined();
    await handle.close();
  });

  it("stop with a clear message when one fails", async () => {
    const client = await PGlite.create();
    // A clashing object makes the first migration fail part-way.
    await client.exec("create type user_role as enum ('someone_else')");
    const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Database;
    const failure = await applyMigrations({ kind: "pglite", db }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as Error).message).toMatch(/^RunClear could not bring the database schema up to date: /);
    // Nothing half-written: the failed migration rolled back.
    const tables = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    expect(tables.rows).toEqual([{ n: 0 }]);
    await client.close();
  });
});
