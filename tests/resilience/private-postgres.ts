/**
 * A PostgreSQL server of the test's own, in a temporary data folder on its own port, so an
 * outage can be staged without touching the machine's shared server. initdb refuses to run as
 * root, so as root the server binaries run as the `postgres` OS user.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql).");
  return path.join(root, newest, "bin");
}

const asRoot = process.getuid?.() === 0;

function command(binary: string, args: string[]): [string, string[]] {
  const full = path.join(binDir(), binary);
  return asRoot ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
}

export class PrivatePostgres {
  readonly dir: string;
  private running = false;

  constructor(readonly port: number) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "runclear-pg-"));
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/runclear`;
  }

  /** initdb, start, and create the `runclear` database. */
  async create(): Promise<void> {
    if (asRoot) execFileSync("chown", ["postgres:postgres", this.dir]);
    const [cmd, args] = command("initdb", ["-D", path.join(this.dir, "data"), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
    execFileSync(cmd, args, { stdio: "pipe" });
    await this.start();
    const client = new pg.Client({ connectionString: this.url.replace(/\/runclear$/, "/postgres") });
    await client.connect();
    await client.query("create database runclear");
    await client.end();
  }

  private pgCtl(args: string[]): void {
    const [cmd, full] = command("pg_ctl", ["-D", path.join(this.dir, "data"), ...args]);
    execFileSync(cmd, full, { stdio: "pipe" });
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
    this.pgCtl(["-o", options, "-l", path.join(this.dir, "server.log"), "-w", "-t", "30", "start"]);
    this.running = true;
  }

  /** Fast shutdown: open connections are cut, as in a crash or a failover. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.pgCtl(["-m", "fast", "-w", "-t", "30", "stop"]);
    this.running = false;
  }

  /** For a test that died midway: never leave a server running. */
  stopSync(): void {
    if (!this.running) return;
    try {
      this.pgCtl(["-m", "immediate", "-w", "stop"]);
    } catch {
      // already gone
    }
    this.running = false;
  }

  async destroy(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
