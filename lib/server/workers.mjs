// Several processes of the production server on one port (node:cluster): one Node.js process
// renders on one core, so a server with more cores serves more with one process per core. Each
// process is a whole app instance, as behind a load balancer (`npm run test:scale` shows that
// nothing one instance keeps in memory breaks this): sessions, the sign-in throttle, idempotent
// writes, live updates and exports all live in the database. The embedded database is one
// process's, so more than one process needs DATABASE_URL.
import cluster from "node:cluster";
import os from "node:os";

const MAX_WORKERS = 64;
// A replacement that fails again waits longer each time, up to this.
const MAX_RESTART_DELAY_MS = 30_000;

/** What a worker sends once its database is open and migrated (db/startup.ts). */
export const READY_MESSAGE = "runclear:database-ready";

/** How many processes RUNCLEAR_WORKERS asks for: unset is one, "auto" is one per core. */
export function workerCount(raw, hasServerDatabase) {
  const text = (raw ?? "").trim();
  const count = text === "" ? 1 : text === "auto" ? Math.min(os.availableParallelism(), MAX_WORKERS) : Number(text);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_WORKERS) {
    throw new Error(`RUNCLEAR_WORKERS is a number of processes from 1 to ${MAX_WORKERS}, or "auto" for one per core; it is "${text}".`);
  }
  if (count > 1 && !hasServerDatabase) {
    if (text === "auto") return 1;
    throw new Error("RUNCLEAR_WORKERS above 1 needs DATABASE_URL: the embedded database belongs to one process.");
  }
  return count;
}

/**
 * The primary process: starts `count` workers and keeps that many running. A worker has started
 * once it listens and its database is ready. If one of the first workers stops before that (the
 * database refused it, a migration failed, the port is taken), the server stops with exit code
 * 1, rather than restarting it in a loop. A worker that stops later is replaced in its slot, at
 * once the first time and after a growing delay while its replacements keep failing. SIGINT
 * and SIGTERM stop the workers, each finishing what it serves, then the primary.
 */
export function runWorkers(count) {
  let stopping = false;
  const slots = new Map(); // worker id → { slot, listening, ready, first }
  const failures = new Map(); // slot → replacements in a row that stopped before they started
  const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
  const start = (slot, first) => slots.set(cluster.fork({ RUNCLEAR_WORKER_SLOT: String(slot) }).id, { slot, listening: false, ready: false, first });
  const started = (state) => state.listening && state.ready;
  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    // SIGTERM to each: a terminal's Ctrl-C has already reached them, and a second SIGINT would
    // not let them finish.
    for (const worker of alive()) worker.process.kill("SIGTERM");
    if (alive().length === 0) process.exit();
    setTimeout(() => process.exit(), 10_000).unref();
  };
  const noteStarted = (worker) => {
    const state = slots.get(worker.id);
    if (state && started(state)) failures.delete(state.slot);
  };
  cluster.on("listening", (worker) => {
    const state = slots.get(worker.id);
    if (state) state.listening = true;
    noteStarted(worker);
  });
  cluster.on("message", (worker, message) => {
    const state = slots.get(worker.id);
    if (state && message?.type === READY_MESSAGE) state.ready = true;
    noteStarted(worker);
  });
  cluster.on("exit", (worker, code, signal) => {
    const state = slots.get(worker.id);
    slots.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) process.exit();
      return;
    }
    if (!state) return;
    const how = signal ?? `exit code ${code}`;
    if (!started(state) && state.first) {
      console.error(`Server process ${state.slot} of ${count} stopped (${how}) before it started; stopping the server.`);
      process.exitCode = 1;
      stopAll();
      return;
    }
    const failed = started(state) ? 0 : (failures.get(state.slot) ?? 0) + 1;
    failures.set(state.slot, failed);
    const delay = failed === 0 ? 0 : Math.min(MAX_RESTART_DELAY_MS, 1_000 * 2 ** (failed - 1));
    console.error(`Server process ${state.slot} of ${count} stopped (${how}); starting it again${delay ? ` in ${delay / 1000} s` : ""}.`);
    setTimeout(() => {
      if (!stopping) start(state.slot, false);
    }, delay);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stopAll);
  for (let slot = 1; slot <= count; slot++) start(slot, true);
}
