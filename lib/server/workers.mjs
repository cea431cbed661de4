// Several processes of the production server on one port (node:cluster): one Node.js process
// renders on one core, so a server with more cores serves more with one process per core. Each
// process is a whole app instance, as behind a load balancer (`npm run test:scale` shows that
// nothing one instance keeps in memory breaks this): sessions, the sign-in throttle, idempotent
// writes, live updates and exports all live in the database. The embedded database is one
// process's, so more than one process needs DATABASE_URL.
import cluster from "node:cluster";
import os from "node:os";

const MAX_WORKERS = 64;

/** How many processes RUNCLEAR_WORKERS asks for: unset is one, "auto" is one per core. */
export function workerCount(raw, hasServerDatabase) {
  const text = (raw ?? "").trim();
  const count = text === "" ? 1 : text === "auto" ? os.availableParallelism() : Number(text);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_WORKERS) {
    throw new Error(`RUNCLEAR_WORKERS is a number of processes from 1 to ${MAX_WORKERS}, or "auto" for one per core; it is "${text}".`);
  }
  if (count > 1 && !hasServerDatabase) {
    if (text === "auto") return 1;
    throw new Error("RUNCLEAR_WORKERS above 1 needs DATABASE_URL: the embedded database belongs to one process.");
  }
  return count;
}

/** What a worker sends once its database is open and migrated (db/startup.ts). */
export const READY_MESSAGE = "runclear:database-ready";

/**
 * The primary process: starts `count` workers and keeps that many running. A worker that exits
 * before its database was ready (the database refused it, a migration failed) stops the server
 * with its exit code, rather than being restarted in a loop; one that dies later is replaced in
 * its slot. SIGINT and SIGTERM stop the workers, each finishing what it serves, then the primary.
 */
export function runWorkers(count) {
  let stopping = false;
  const ready = new Set();
  const slots = new Map();
  const running = () => Object.values(cluster.workers ?? {}).filter(Boolean);
  const start = (slot) => slots.set(cluster.fork({ RUNCLEAR_WORKER_SLOT: String(slot) }).id, slot);
  const stopAll = (signal) => {
    stopping = true;
    if (running().length === 0) process.exit();
    for (const worker of running()) worker.process.kill(signal);
    setTimeout(() => process.exit(), 10_000).unref();
  };
  cluster.on("message", (worker, message) => {
    if (message?.type === READY_MESSAGE) ready.add(worker.id);
  });
  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.get(worker.id);
    slots.delete(worker.id);
    if (stopping) {
      if (running().length === 0) process.exit();
      return;
    }
    if (!ready.has(worker.id)) {
      console.error(`Server process ${slot} of ${count} stopped (${signal ?? code}) before its database was ready; stopping the others.`);
      process.exitCode = typeof code === "number" && code !== 0 ? code : 1;
      stopAll("SIGTERM");
      return;
    }
    console.error(`Server process ${slot} of ${count} stopped (${signal ?? code}); starting it again.`);
    start(slot);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => stopAll(signal));
  for (let slot = 1; slot <= count; slot++) start(slot);
}
