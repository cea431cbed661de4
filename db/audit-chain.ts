import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { checkpointMac } from "./audit-key";
import type { Database } from "./client";
import { auditCheckpoints, type AuditCheckpoint } from "./schema/audit";

/**
 * What a broken trail looks like, by name:
 * - row_changed: a row's fields no longer match its hash (edited in place);
 * - link_broken: a row written before checkpoints existed does not follow the one before it;
 * - row_removed / row_inserted: a checkpoint counted more / fewer rows up to its entry;
 * - tail_removed: the entries at the end of a checkpoint are gone;
 * - truncated: the trail is empty but checkpoints say it was not;
 * - rechained: the rows are self-consistent but not the ones a checkpoint signed (someone
 *   edited a row and recomputed every hash after it);
 * - checkpoint_forged: a checkpoint's signature does not verify under the audit key.
 */
export type ChainProblem =
  | "row_changed"
  | "link_broken"
  | "row_removed"
  | "row_inserted"
  | "tail_removed"
  | "truncated"
  | "rechained"
  | "checkpoint_forged";

export type ChainReport =
  | { intact: true; rows: number; sealedRows: number }
  | { intact: false; rows: number; brokenAtSeq: number; problem: ChainProblem; sinceSeq?: number };

const GENESIS = "0".repeat(64);
const BATCH = 5_000;
// Writers hold this key shared (the insert trigger); the sealer takes it exclusively for an instant.
const WRITERS_KEY = 7_446_412;
// Only sealers take this one: two never sign the same range.
const SEALER_KEY = 7_446_413;

type RowCheck = { seq: number; prevHash: string; hash: string; expected: string };

function fold(digest: string, rowHash: string): string {
  return createHash("sha256").update(digest + rowHash).digest("hex");
}

async function* rowsAfter(database: Pick<Database, "execute">, afterSeq: number, uptoSeq = Number.MAX_SAFE_INTEGER) {
  for (;;) {
    const result = await database.execute(sql`
      select a.seq, a.prev_hash, a.hash,
             encode(sha256(convert_to(audit_event_canonical(a), 'UTF8')), 'hex') as expected
      from audit_events a where a.seq > ${afterSeq} and a.seq <= ${uptoSeq} order by a.seq limit ${BATCH}`);
    const batch = (result as unknown as { rows: { seq: string | number; prev_hash: string; hash: string; expected: string }[] }).rows;
    for (const r of batch) yield { seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash, expected: r.expected } satisfies RowCheck;
    if (batch.length < BATCH) return;
    afterSeq = Number(batch[batch.length - 1]!.seq);
  }
}

function signed(c: Pick<AuditCheckpoint, "lastSeq" | "lastHash" | "rowCount" | "mac">): boolean {
  return checkpointMac(Number(c.lastSeq), c.lastHash, Number(c.rowCount)) === c.mac;
}

async function checkpointsOf(database: Pick<Database, "select">) {
  return database.select().from(auditCheckpoints).orderBy(auditCheckpoints.lastSeq, auditCheckpoints.id);
}

/**
 * Walks the trail in order: every row must match its own hash, and at each checkpoint the rows so
 * far must number and fold (a running SHA-256) to exactly what the checkpoint signed. Reports the
 * first problem. Rows after the last checkpoint are checked row by row only, until the next seal.
 */
export async function verifyAuditChain(database: Database): Promise<ChainReport> {
  const checkpoints = await checkpointsOf(database);
  const forged = checkpoints.find((c) => !signed(c));
  if (forged) return { intact: false, rows: 0, brokenAtSeq: Number(forged.lastSeq), problem: "checkpoint_forged" };

  let digest = GENESIS;
  let previousHash = GENESIS;
  let rows = 0;
  let lastSeen = 0;
  let sealedRows = 0;
  let next = 0;
  let sinceSeq = 0;
  const settle = (c: AuditCheckpoint, atEnd: boolean): ChainReport | null => {
    const report = (problem: ChainProblem): ChainReport => ({ intact: false, rows, brokenAtSeq: Number(c.lastSeq), problem, sinceSeq });
    if (Number(c.rowCount) === rows && c.lastHash === digest) {
      sealedRows = rows;
      sinceSeq = Number(c.lastSeq);
      return null;
    }
    if (atEnd && rows === 0) return report("truncated");
    if (lastSeen !== Number(c.lastSeq) && rows < Number(c.rowCount)) return report("tail_removed");
    if (rows < Number(c.rowCount)) return report("row_removed");
    if (rows > Number(c.rowCount)) return report("row_inserted");
    return report("rechained");
  };

  for await (const row of rowsAfter(database, 0)) {
    while (next < checkpoints.length && Number(checkpoints[next]!.lastSeq) < row.seq) {
      const broken = settle(checkpoints[next++]!, false);
      if (broken) return broken;
    }
    if (row.hash !== row.expected) return { intact: false, rows, brokenAtSeq: row.seq, problem: "row_changed" };
    // Rows from before checkpoints carry a link to the row before them.
    if (row.prevHash !== "" && row.prevHash !== previousHash) return { intact: false, rows, brokenAtSeq: row.seq, problem: "link_broken" };
    previousHash = row.hash;
    digest = fold(digest, row.hash);
    rows += 1;
    lastSeen = row.seq;
    while (next < checkpoints.length && Number(checkpoints[next]!.lastSeq) === row.seq) {
      const broken = settle(checkpoints[next++]!, false);
      if (broken) return broken;
    }
  }
  while (next < checkpoints.length) {
    const broken = settle(checkpoints[next++]!, true);
    if (broken) return broken;
  }
  return { intact: true, rows, sealedRows };
}

/**
 * Signs a checkpoint over every row written so far, continuing the latest checkpoint's digest.
 * Sound without a global lock: it reads the last number handed out, then takes the writers' key
 * exclusively for an instant, which waits until every writer that might hold a number up to it
 * has committed or rolled back (writers take the key before their number). Never await it while
 * holding a transaction that wrote an audit row: it would wait for that transaction.
 * Returns the new checkpoint, or null when nothing new was written.
 */
export async function sealAuditTrail(database: Database): Promise<AuditCheckpoint | null> {
  const horizonResult = await database.execute(sql`select last_value, is_called from audit_events_seq`);
  const [seqRow] = (horizonResult as unknown as { rows: { last_value: string | number; is_called: boolean }[] }).rows;
  const horizon = seqRow?.is_called ? Number(seqRow.last_value) : 0;
  await database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${WRITERS_KEY})`);
  });
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEALER_KEY})`);
    const [latest] = await tx.select().from(auditCheckpoints).orderBy(sql`${auditCheckpoints.lastSeq} desc, ${auditCheckpoints.id} desc`).limit(1);
    if (latest && !signed(latest)) throw new Error("The latest audit checkpoint does not verify: run `npm run audit:verify`.");
    const from = latest ? Number(latest.lastSeq) : 0;
    if (from >= horizon) return null;
    let digest = latest?.lastHash ?? GENESIS;
    let count = latest ? Number(latest.rowCount) : 0;
    let lastSeq = 0;
    for await (const row of rowsAfter(tx as unknown as Database, from, horizon)) {
      digest = fold(digest, row.hash);
      count += 1;
      lastSeq = row.seq;
    }
    if (lastSeq === 0) return null;
    const [checkpoint] = await tx
      .insert(auditCheckpoints)
      .values({ lastSeq, lastHash: digest, rowCount: count, mac: checkpointMac(lastSeq, digest, count) })
      .returning();
    return checkpoint ?? null;
  });
}
