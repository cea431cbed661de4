import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getMyDay, logActivity } from "@/lib/dal/activity";
import { caseloadMarker, listCaseload } from "@/lib/dal/caseload";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

type Row = Record<string, unknown>;
async function rows(database: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }, query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await database.execute(query)) as { rows: Row[] }).rows;
}

describeEachDatabase("patient change marks", { seed: true }, (t) => {
  it("hold, for every patient, the newest log date the logs themselves give", async () => {
    const drift = await rows(t.db, sql`
      select p.id from patients p left join patient_change_marks m on m.patient_id = p.id
      where m.last_log_date is distinct from (select max(local_date) from activity_logs l where l.patient_id = p.id)`);
    expect(drift).toEqual([]);
  });

  it("move on a log, and the caseload shows it as the last log", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const [before] = await rows(t.db, sql`select changes from patient_change_marks where patient_id = ${sam}`);
    await becomeCaller(t.db, "assignedTherapist");
    const marker = await caseloadMarker();

    await becomeCaller(t.db, "thePatient");
    const day = await getMyDay();
    const item = day.items.find((i) => i.status === null)!;
    await logActivity({ kind: "item", idempotencyKey: randomUUID(), date: day.date, itemKey: item.key, status: "done" });

    const [after] = await rows(t.db, sql`select changes, last_log_date::text as last from patient_change_marks where patient_id = ${sam}`);
    expect(Number(after!.changes)).toBe(Number(before!.changes) + 1);
    expect(after!.last).toBe(day.date);
    await becomeCaller(t.db, "assignedTherapist");
    expect(await caseloadMarker()).not.toBe(marker);
    expect((await listCaseload()).rows.find((r) => r.id === sam)!.summary.lastLogDate).toBe(day.date);
  });

  it("count a statement touching many rows once per row, and follow deletes and corrected dates", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const [start] = await rows(t.owner, sql`select changes from patient_change_marks where patient_id = ${sam}`);
    await t.owner.execute(sql`
      insert into activity_logs (patient_id, idempotency_key, kind, local_date, item_key, status)
      select ${sam}, gen_random_uuid(), 'item', ('2099-01-0' || g)::date, 'x', 'done' from generate_series(1, 3) g`);
    let [mark] = await rows(t.owner, sql`select changes, last_log_date::text as last from patient_change_marks where patient_id = ${sam}`);
    expect(Number(mark!.changes)).toBe(Number(start!.changes) + 3);
    expect(mark!.last).toBe("2099-01-03");
    await t.owner.execute(sql`update activity_logs set local_date = '2099-02-01' where patient_id = ${sam} and local_date = '2099-01-01'`);
    [mark] = await rows(t.owner, sql`select last_log_date::text as last from patient_change_marks where patient_id = ${sam}`);
    expect(mark!.last).toBe("2099-02-01");
    await t.owner.execute(sql`delete from activity_logs where patient_id = ${sam} and local_date > '2090-01-01'`);
    [mark] = await rows(t.owner, sql`select last_log_date::text as last, changes from patient_change_marks where patient_id = ${sam}`);
    expect(mark!.last).toBe(String((await rows(t.owner, sql`select max(local_date)::text as d from activity_logs where patient_id = ${sam}`))[0]!.d));
    expect(Number(mark!.changes)).toBe(Number(start!.changes) + 7);
  });

  it("move on check-ins, plan versions, clearances and red-flag alerts too", async () => {
    await becomeCaller(t.db, "assignedTherapist");
    const before = await caseloadMarker();
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await t.owner.execute(sql`update red_flag_alerts set raised_at = raised_at where patient_id = ${sam}`);
    await t.owner.execute(sql`update clearances set signed_at = signed_at where patient_id = ${sam}`);
    const counted = await rows(t.owner, sql`select (select count(*) from red_flag_alerts where patient_id = ${sam}) + (select count(*) from clearances where patient_id = ${sam}) as n`);
    expect(Number(counted[0]!.n)).toBeGreaterThan(0);
    expect(await caseloadMarker()).not.toBe(before);
  });

  it("cannot be written by the application's role", async () => {
    if (t.kind !== "postgres") return; // PGlite has one role: the owner.
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await expect(t.db.execute(sql`update patient_change_marks set changes = 0 where patient_id = ${sam}`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from patient_change_marks`)).rejects.toThrow();
  });

  it("are reset by a truncate of the logs, which only the owner may do", async () => {
    await t.owner.execute(sql`truncate activity_logs`);
    const left = await rows(t.owner, sql`select count(*) as n from patient_change_marks where last_log_date is not null`);
    expect(Number(left[0]!.n)).toBe(0);
  });
});
