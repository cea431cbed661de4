import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase, type DatabaseKind } from "@/db/client";

const HEALTH_TIMEOUT_MS = 5_000;

/** Runs a real query; throws when the database does not answer in time. */
export async function checkDatabase(): Promise<DatabaseKind> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database health check timed out")), HEALTH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      (async () => {
        const { db, kind } = await getDatabase();
        await db.execute(sql`select 1`);
        return kind;
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
