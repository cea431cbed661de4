import { randomBytes } from "node:crypto";
import pg from "pg";

/** The same server as `url`, but the named database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database next to the one in `url` (optionally copied from a template). */
export async function createFreshDatabase(url: string, prefix: string, template?: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await onServer(url, (c) => c.query(`create database "${name}"${template ? ` template "${template}"` : ""}`));
  return withDatabase(url, name);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await onServer(url, (c) => c.query(`drop database if exists "${name}" with (force)`));
}
