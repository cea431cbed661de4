// No "server-only" marker: the outcomes rebuild and the seed run the care facts under tsx.
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "./care-facts";

type Results<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Independent reads, each given as a function that starts it. On the database they run at once,
 * each on a pooled connection. In a transaction they run one after another: a transaction is one
 * connection, which answers one query at a time anyway, and `pg` deprecates a query sent while
 * another is running on the same client (version 9 refuses it).
 */
export async function readTogether<const T extends readonly (() => unknown)[]>(executor: Executor, reads: T): Promise<Results<T>> {
  if (!(executor instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as Results<T>;
}
