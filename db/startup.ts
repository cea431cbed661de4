import cluster from "node:cluster";
import { READY_MESSAGE } from "@/lib/server/workers.mjs";
import { getDatabase } from "./client";

/** Opens the database, applies migrations, seeds an empty embedded database; stops start-up on failure. */
export async function startDatabase(): Promise<void> {
  try {
    const { kind } = await getDatabase();
    // One of several server processes (lib/server/workers.mjs): it has started for good.
    if (cluster.isWorker) process.send?.({ type: READY_MESSAGE });
    const url = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    console.log(`RunClear is ready on ${kind === "pglite" ? "the embedded database" : "PostgreSQL"}.`);
    console.log(`Sign in at ${url}/login (demo accounts are listed in README.md).`);
  } catch (error) {
    console.error(`\nRunClear could not start. ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
