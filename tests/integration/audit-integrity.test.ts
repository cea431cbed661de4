import { desc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { sealAuditTrail, verifyAuditChain } from "@/db/audit-chain";
import { auditCheckpoints, auditEvents } from "@/db/schema/audit";
import type { Database } from "@/db/client";
import { describeEachDatabase, type TestDatabase } from "../support/databases";

/**
 * The owner of the database can switch every guard off (ALTER TABLE … DISABLE TRIGGER USER) and
 * rewrite the trail; the audit key is not in the database, so the checkpoints still tell. Each
 * case starts from a fresh trail of 20 entries sealed by a checkpoint, with 3 more after it.
 */
async function asOwner(t: TestDatabase, work: (owner: Database) => Promise<unknown>) {
  await t.owner.execute(sql`alter table audit_events disable trigger user`);
  await t.owner.execute(sql`alter table audit_checkpoints disable trigger user`);
  try {
    await work(t.owner);
  } finally {
    await t.owner.execute(sql`alter table audit_events enable trigger user`);
    await t.owner.execute(sql`alter table audit_checkpoints enable trigger user`);
  }
}

async function write(db: Database, n: number) {
  await db.execute(sql`insert into audit_events (action, outcome) select 'test.row', 'allowed' from generate_series(1, ${n})`);
}

async function seqs(db: Database): Promise<number[]> {
  return (await db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(auditEvents.seq)).map((r) => r.seq);
}

const rehash = sql`encode(sha256(convert_to(audit_event_canonical(audit_events), 'UTF8')), 'hex')`;

describeEachDatabase("audit integrity against the database owner", {}, (t) => {
  let sealedUpTo = 0;
  beforeEach(async () => {
    await asOwner(t, async (owner) => {
      await owner.execute(sql`truncate audit_events, audit_checkpoints`);
    });
    await write(t.db, 20);
    const checkpoint = await sealAuditTrail(t.db);
    sealedUpTo = checkpoint!.lastSeq;
    await write(t.db, 3);
  });

  it("finds a sealed trail intact, and seals only what is new", async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ intact: true, rows: 23, sealedRows: 20 });
    expect(await sealAuditTrail(t.db)).toMatchObject({ rowCount: 23 });
    expect(await sealAuditTrail(t.db)).toBeNull();
    expect(await verifyAuditChain(t.db)).toEqual({ intact: true, rows: 23, sealedRows: 23 });
  });

  it("names an edited row", async () => {
    const target = (await seqs(t.db))[7]!;
    await asOwner(t, (owner) => owner.execute(sql`update audit_events set actor_label = 'someone-else' where seq = ${target}`));
    expect(await verifyAuditChain(t.db)).toEqual({ intact: false, rows: 7, brokenAtSeq: target, problem: "row_changed" });
  });

  it("names a deleted middle row", async () => {
    const target = (await seqs(t.db))[7]!;
    await asOwner(t, (owner) => owner.delete(auditEvents).where(eq(auditEvents.seq, target)));
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: false, brokenAtSeq: sealedUpTo, problem: "row_removed", sinceSeq: 0 });
  });

  it("names a deleted tail: the checkpoint's last entries are gone", async () => {
    const all = await seqs(t.db);
    await asOwner(t, (owner) => owner.delete(auditEvents).where(sql`${auditEvents.seq} >= ${all[17]!}`));
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: false, rows: 17, brokenAtSeq: sealedUpTo, problem: "tail_removed" });
  });

  it("names an entry slipped in among sealed ones", async () => {
    const all = await seqs(t.db);
    const [gap] = all.filter((seq, i) => i > 0 && seq - all[i - 1]! > 1); // the trigger's numbers leave gaps
    await asOwner(t, async (owner) => {
      await owner.execute(sql`insert into audit_events (seq, action, outcome) values (${(gap ?? all[5]!) - 1}, 'forged', 'allowed')`);
      await owner.execute(sql`update audit_events set hash = ${rehash} where action = 'forged'`);
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: false, brokenAtSeq: sealedUpTo, problem: "row_inserted" });
  });

  it("names a truncation", async () => {
    await asOwner(t, (owner) => owner.execute(sql`truncate audit_events`));
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: false, rows: 0, problem: "truncated" });
  });

  it("names a re-chained edit: every hash recomputed, but not the signed checkpoint", async () => {
    const target = (await seqs(t.db))[7]!;
    await asOwner(t, async (owner) => {
      await owner.execute(sql`update audit_events set actor_label = 'someone-else' where seq = ${target}`);
      await owner.execute(sql`update audit_events set hash = ${rehash}`);
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: false, rows: 20, brokenAtSeq: sealedUpTo, problem: "rechained" });
  });

  it("names a forged checkpoint: the owner re-signs the re-chained trail without the key", async () => {
    const target = (await seqs(t.db))[7]!;
    await asOwner(t, async (owner) => {
      await owner.execute(sql`update audit_events set actor_label = 'someone-else' where seq = ${target}`);
      await owner.execute(sql`update audit_events set hash = ${rehash}`);
      await owner.execute(sql`delete from audit_checkpoints`);
      await owner.insert(auditCheckpoints).values({ lastSeq: sealedUpTo, lastHash: "f".repeat(64), rowCount: 20, mac: "0".repeat(64) });
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: false, brokenAtSeq: sealedUpTo, problem: "checkpoint_forged" });
    // Nor does the sealer sign on top of it.
    await expect(sealAuditTrail(t.db)).rejects.toThrow(/does not verify/);
  });

  it("seals what it finds when the rows after the checkpoint were deleted: those were never signed", async () => {
    const all = await seqs(t.db);
    await asOwner(t, (owner) => owner.delete(auditEvents).where(sql`${auditEvents.seq} > ${all[19]!}`));
    expect(await verifyAuditChain(t.db)).toEqual({ intact: true, rows: 20, sealedRows: 20 });
  });

  if (t.kind === "postgres") {
    describe("on the server", () => {
      it("connects the app as runclear_app, which may only read and append audit rows and checkpoints", async () => {
        const [who] = (await t.db.execute(sql`select current_user as name`) as unknown as { rows: { name: string }[] }).rows;
        expect(who!.name).toBe("runclear_app");
        for (const table of ["audit_events", "audit_checkpoints"]) {
          const privileges = (await t.db.execute(sql`
            select p as privilege, has_table_privilege('runclear_app', ${table}, p) as granted
            from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) p`) as unknown as { rows: { privilege: string; granted: boolean }[] }).rows;
          expect(Object.fromEntries(privileges.map((r) => [r.privilege, r.granted]))).toEqual({
            SELECT: true, INSERT: true, UPDATE: false, DELETE: false, TRUNCATE: false, TRIGGER: false,
          });
          // Permission denied (42501) by the grants, before any trigger runs; not the owner, so
          // the triggers cannot be switched off either.
          await expect(t.db.execute(sql.raw(`update ${table} set created_at = created_at`.replaceAll("created_at", table === "audit_events" ? "occurred_at" : "created_at")))).rejects.toMatchObject({ code: "42501" });
          await expect(t.db.execute(sql.raw(`delete from ${table}`))).rejects.toMatchObject({ code: "42501" });
          await expect(t.db.execute(sql.raw(`truncate ${table}`))).rejects.toMatchObject({ code: "42501" });
          await expect(t.db.execute(sql.raw(`alter table ${table} disable trigger user`))).rejects.toMatchObject({ code: "42501" });
        }
        const [owner] = (await t.db.execute(sql`select tableowner from pg_tables where tablename = 'audit_events'`) as unknown as { rows: { tableowner: string }[] }).rows;
        expect(owner!.tableowner).not.toBe("runclear_app");
        await expect(t.db.execute(sql`select setval('audit_events_seq', 1)`)).rejects.toMatchObject({ code: "42501" });
      });

      it("seals without a global lock: a checkpoint waits for a writer that took its number first", async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let inserted!: () => void;
        const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
        const slowWriter = t.db.transaction(async (tx) => {
          await tx.insert(auditEvents).values({ action: "test.slow", outcome: "allowed" });
          inserted();
          await gate;
        });
        await insertedYet;
        // Readers are not held up by one another: ten more entries go in while the writer is open.
        await Promise.all(Array.from({ length: 10 }, () => t.db.insert(auditEvents).values({ action: "test.fast", outcome: "allowed" })));
        let sealed = false;
        const seal = sealAuditTrail(t.db).then((c) => ((sealed = true), c));
        await new Promise((r) => setTimeout(r, 300));
        expect(sealed).toBe(false);
        release();
        await slowWriter;
        const checkpoint = await seal;
        const [slow] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "test.slow")).orderBy(desc(auditEvents.seq)).limit(1);
        expect(checkpoint!.lastSeq).toBeGreaterThanOrEqual(slow!.seq);
        expect(await verifyAuditChain(t.db)).toEqual({ intact: true, rows: 34, sealedRows: 34 });
      });
    });
  }
});
