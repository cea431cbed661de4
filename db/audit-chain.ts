import { sql } from "drizzle-orm";
import type { Database } from "./client";

export type ChainReport =
  | { intact: true; rows: number }
  | { intact: false; rows: number; brokenAtSeq: number; problem: "row_changed" | "link_broken" };

const GENESIS = "0".repeat(64);
const BATCH = 5_000;

/**
 * Walks the audit trail in order and reports the first broken link: a row whose stored hash no
 * longer matches its fields (edited), or whose previous-hash does not match the row before it
 * (a row removed or inserted). Reads in batches so a long trail does not fill memory.
 */
export async function verifyAuditChain(database: Database): Promise<ChainReport> {
  let previousHash = GENESIS;
  let afterSeq = 0;
  let rows = 0;
  for (;;) {
    const result = await database.execute(sql`
      select a.seq, a.prev_hash, a.hash,
             encode(sha256(convert_to(audit_event_canonical(a), 'UTF8')), 'hex') as expected
      from audit_events a where a.seq > ${afterSeq} order by a.seq limit ${BATCH}`);
    const batch = (result as unknown as { rows: { seq: string | number; prev_hash: string; hash: string; expected: string }[] }).rows;
    for (const row of batch) {
      const seq = Number(row.seq);
      if (row.prev_hash !== previousHash) return { intact: false, rows, brokenAtSeq: seq, problem: "link_broken" };
      if (row.hash !== row.expected) return { intact: false, rows, brokenAtSeq: seq, problem: "row_changed" };
      previousHash = row.hash;
      afterSeq = seq;
      rows += 1;
    }
    if (batch.length < BATCH) return { intact: true, rows };
  }
}
