/**
 * A PgBouncer of the test's own (the Debian package's /usr/sbin/pgbouncer), in front of one
 * database on the PostgreSQL server, in transaction pooling: a server connection is lent to a
 * client for one transaction, or one statement outside any, and then to whoever asks next.
 * PgBouncer refuses to run as root, so as root it runs as the `postgres` OS user.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Child, Children } from "./processes";

export const PGBOUNCER = "/usr/sbin/pgbouncer";
/** The name clients ask PgBouncer for; it maps to the fresh database on the server. */
export const POOLED_DATABASE = "runclear";
/** Server connections per database and user: fewer than the app's pools together ask for. */
export const POOL_SIZE = 6;

export interface PgBouncer {
  child: Child;
  port: number;
  /** The pooled database as `user`, e.g. `postgres://runclear_app@127.0.0.1:6432/runclear`. */
  url(user: string): string;
  /** Runs one admin console command (SHOW POOLS, SHOW CONFIG...) and returns its rows. */
  admin(command: string): Promise<Record<string, unknown>[]>;
}

export async function startPgBouncer(options: { dir: string; port: number; server: URL; users: string[]; children: Children }): Promise<PgBouncer> {
  const { dir, port, server, users, children } = options;
  fs.mkdirSync(dir, { recursive: true });
  // The server's users trust local connections (the CI machine's PostgreSQL), so PgBouncer
  // checks no password either; each user must still be listed in the auth file.
  fs.writeFileSync(path.join(dir, "userlist.txt"), users.map((u) => `"${u}" ""\n`).join(""));
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    `[databases]
${POOLED_DATABASE} = host=${server.hostname} port=${server.port || 5432} dbname=${server.pathname.slice(1)}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${path.join(dir, "userlist.txt")}
admin_users = postgres
pool_mode = transaction
default_pool_size = ${POOL_SIZE}
max_client_conn = 200
query_wait_timeout = 20
server_connect_timeout = 5
ignore_startup_parameters = extra_float_digits
`,
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    fs.chownSync(dir, ...postgresIds());
    for (const f of fs.readdirSync(dir)) fs.chownSync(path.join(dir, f), ...postgresIds());
  }
  const ini = path.join(dir, "pgbouncer.ini");
  const child = asRoot ? children.start("pgbouncer", "runuser", ["-u", "postgres", "--", PGBOUNCER, ini]) : children.start("pgbouncer", PGBOUNCER, [ini]);
  const url = (user: string) => `postgres://${user}@127.0.0.1:${port}/${POOLED_DATABASE}`;
  const admin = async (command: string) => {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/pgbouncer`, connectionTimeoutMillis: 2_000 });
    await client.connect();
    try {
      return (await client.query(command)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`pgbouncer exited (${child.process.exitCode}):\n${child.output()}`);
    try {
      await admin("SHOW VERSION");
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`pgbouncer did not accept connections in 15 s: ${String(error)}\n${child.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { child, port, url, admin };
}

function postgresIds(): [number, number] {
  const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("postgres:"));
  if (!line) throw new Error("no postgres OS user to run pgbouncer as");
  const [, , uid, gid] = line.split(":");
  return [Number(uid), Number(gid)];
}
