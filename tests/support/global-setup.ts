import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { dropDatabase, withDatabase } from "./fresh-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated template database for this run on the PostgreSQL server, when DATABASE_URL is set. */
    postgresTemplateUrl: string | null;
    postgresRunPrefix: string;
  }
}

/**
 * With DATABASE_URL set, integration tests also run on that PostgreSQL server: this creates a
 * fresh, migrated template database for the run; each test file copies it; all are dropped after.
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  const prefix = `rct_${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  project.provide("postgresRunPrefix", prefix);
  if (!base) {
    project.provide("postgresTemplateUrl", null);
    return;
  }
  const admin = new pg.Client({ connectionString: withDatabase(base, "postgres") });
  await admin.connect();
  const template = `${prefix}_template`;
  await admin.query(`create database "${template}"`);
  await admin.end();
  const templateUrl = withDatabase(base, template);
  const handle = await openDatabase({ url: templateUrl });
  await handle.close();
  project.provide("postgresTemplateUrl", templateUrl);

  return async () => {
    const client = new pg.Client({ connectionString: withDatabase(base, "postgres") });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [
      `${prefix}_%`,
    ]);
    await client.end();
    for (const { datname } of rows) await dropDatabase(withDatabase(base, datname));
  };
}
