import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getMyDay, logActivity } from "@/lib/dal/activity";
import { getAdherenceSummary, getPatientAdherence, patientAdherenceMarker } from "@/lib/dal/adherence";
import { caseloadMarker, listCaseload } from "@/lib/dal/caseload";
import { decideClearance } from "@/lib/dal/clearance";
import { NotFoundError } from "@/lib/dal/errors";
import { listWorklist } from "@/lib/dal/worklist";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("caseload and adherence", { seed: true }, (t) => {
  it("gives each therapist only their own patients, most in need first, with a spread of adherence", async () => {
    await becomeCaller(t.db, "assignedTherapist"); // Jordan Morgan, PT
    const morgan = await listCaseload();
    expect(morgan.rows.map((r) => r.name).sort()).toEqual(["Elena Petrova", "Grace Liu", "Marcus Bell", "Rosa Delgado", "Sam Rivera"]);
    const byName = Object.fromEntries(morgan.rows.map((r) => [r.name, r]));
    expect(byName["Marcus Bell"]!.summary.flags.map((f) => f.code)).toEqual(expect.arrayContaining(["low_adherence", "no_recent_log"]));
    expect(byName["Grace Liu"]!.summary.flags.map((f) => f.code)).toContain("pain_rising");
    expect(byName["Sam Rivera"]!.summary.flags).toEqual([]);
    expect(byName["Sam Rivera"]!.summary.last28).toBeGreaterThan(0.7);
    expect(byName["Marcus Bell"]!.summary.last28).toBeLessThan(0.5);
    // Rosa Delgado's open red flag (from her exam) puts her first; then rising pain, then Marcus.
    expect(morgan.rows.map((r) => r.name)).toEqual(["Rosa Delgado", "Grace Liu", "Marcus Bell", "Elena Petrova", "Sam Rivera"]);

    await becomeCaller(t.db, "otherTherapist"); // Amrit Singh, PT
    const singh = await listCaseload();
    expect(singh.rows.map((r) => r.name).sort()).toEqual(["Diego Alvarez", "Hannah Kowalski", "Kenji Watanabe", "Olu Adeyemi", "Priya Natarajan"]);
    // Kenji's unresolved red flag puts him first; Hannah ran too long this week; Olu does under half.
    expect(singh.rows[0]!.name).toBe("Kenji Watanabe");
    expect(singh.rows.find((r) => r.name === "Hannah Kowalski")!.alerts.map((a) => a.code)).toContain("run_beyond_restrictions");
    expect(singh.rows.find((r) => r.name === "Olu Adeyemi")!.summary.last28).toBeLessThan(0.6);
    expect(singh.rows.find((r) => r.name === "Priya Natarajan")!.summary.last28).toBeGreaterThan(0.8);
  });

  it("shows a new log at once: the marker changes and the last log becomes today", async () => {
    await becomeCaller(t.db, "assignedTherapist");
    const before = await caseloadMarker();
    // The page's marker and the poll's are made the same way: an unchanged caseload is not refetched.
    expect((await listCaseload()).marker).toBe(before);
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const samBefore = await patientAdherenceMarker(sam);

    await becomeCaller(t.db, "thePatient");
    const day = await getMyDay();
    const once = day.items.find((i) => i.timesPerDay === 1 && i.status === null)!;
    await logActivity({ kind: "item", idempotencyKey: randomUUID(), date: day.date, itemKey: once.key, status: "done" });

    await becomeCaller(t.db, "assignedTherapist");
    const after = await caseloadMarker();
    expect(after).not.toBe(before);
    expect((await listCaseload()).marker).toBe(after);
    expect(await patientAdherenceMarker(sam)).not.toBe(samBefore);
    const row = (await listCaseload()).rows.find((r) => r.id === sam)!;
    expect(row.summary.lastLogDate).toBe(day.date);
    expect((await getAdherenceSummary(sam)).summary).toEqual(row.summary);
    const adherence = await getPatientAdherence(sam);
    const ticked = adherence.heatMap.find((h) => h.key === once.key)!;
    expect(ticked.days.at(-1)).toMatchObject({ date: day.date, mark: "done", done: 1, allowed: 1 });
    expect(adherence.weeks).toHaveLength(8);
    expect(adherence.weeklyRunLimit).toBe(60);
  });

  it("gives physicians the same figures on the worklist", async () => {
    await becomeCaller(t.db, "assignedTherapist");
    const fromCaseload = (await listCaseload()).rows.find((r) => r.name === "Marcus Bell")!;
    await becomeCaller(t.db, "physicianOffTeam"); // Dr. Chen is Marcus's physician in the demo clinic
    const [marcus] = (await listWorklist({ q: "Marcus" })).rows;
    const { recentSkips, ...figures } = fromCaseload.summary;
    expect(recentSkips.length).toBeGreaterThan(0);
    // The same figures; the worklist does not show the skip notes, so it does not send them.
    expect(marcus!.adherence).toEqual(figures);
    expect(marcus!.adherence!.flags.map((f) => f.code)).toContain("low_adherence");
  });

  it("keeps therapists to their own patients and out of the clearance", async () => {
    const priya = await patientIdByMrn(t.db, "RC-100102");
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "assignedTherapist"); // Priya is Amrit Singh's, not Jordan Morgan's
    await expect(getPatientAdherence(priya)).rejects.toBeInstanceOf(NotFoundError);
    await expect(patientAdherenceMarker(priya)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideClearance(sam, 1, { level: "full", restrictions: null, reviewDate: "2099-01-01", overrideReason: "" })).rejects.toBeInstanceOf(NotFoundError);
    for (const caller of ["thePatient", "admin", "noSession"] as const) {
      await becomeCaller(t.db, caller);
      await expect(listCaseload()).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPatientAdherence(sam)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
  it("pages a large caseload: the followed patients ranked by need, the healed last, each page audited alone", async () => {
    await t.db.execute(sql`
      with pt as (select id from users where email = 'pt.morgan@runclear.example'),
      p as (
        insert into patients (mrn, given_name, family_name, date_of_birth, sex, time_zone)
        select 'PG-' || g, 'Paged', 'Patient ' || lpad(g::text, 2, '0'), date '1980-01-01', 'unknown', 'UTC' from generate_series(1, 30) g returning id, mrn
      ),
      t as (insert into care_team_members (patient_id, user_id, role) select p.id, pt.id, 'therapist' from p, pt returning patient_id)
      insert into episodes (patient_id, status, resolved_at)
      select p.id, case when substr(p.mrn, 4)::int <= 10 then 'healed' else 'active' end::episode_status,
        case when substr(p.mrn, 4)::int <= 10 then now() end
      from p`);
    await becomeCaller(t.db, "assignedTherapist");
    const first = await listCaseload();
    const second = await listCaseload({ page: 2 });
    expect([first.total, second.total, first.pageSize, first.rows.length, second.rows.length]).toEqual([35, 35, 25, 25, 10]);
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(35);
    // Rosa's open red flag still comes first; the ten healed patients close the list, by name.
    expect(all[0]!.name).toBe("Rosa Delgado");
    expect(all.slice(-10).every((r) => r.healed)).toBe(true);
    expect(all.slice(-10).map((r) => r.name)).toEqual([...all.slice(-10).map((r) => r.name)].sort());
    expect(all.slice(0, 25).some((r) => r.healed)).toBe(false);
    expect(second.needingAttention).toBe(first.needingAttention);
    const [entry] = (
      (await t.db.execute(sql`select resource from audit_events where action = 'caseload.view' order by seq desc limit 1`)) as unknown as { rows: { resource: string }[] }
    ).rows;
    expect(entry!.resource).toBe(`patients:${second.rows.map((r) => r.id).join(",")}`);
    // Page 2 is told that page 1 holds the red flags and safety alerts it no longer shows.
    expect(first.urgentBefore).toBe(0);
    expect(second.urgentBefore).toBe(first.rows.filter((r) => r.openRedFlags > 0 || r.alerts.length > 0).length);
    expect(second.urgentBefore).toBeGreaterThan(0);
    // A page past the end (the caseload shrank while it was open) is the last page.
    const beyond = await listCaseload({ page: 9 });
    expect([beyond.page, beyond.rows.map((r) => r.id)]).toEqual([2, second.rows.map((r) => r.id)]);
  });
  it("ranks from kept ranks only while they hold: a new red flag, a healing or a new day places the patient again", async () => {
    await becomeCaller(t.db, "assignedTherapist");
    const first = await listCaseload();
    const pages = Math.ceil(first.total / first.pageSize);
    const everyone = async () => (await Promise.all(Array.from({ length: pages }, (_, i) => listCaseload({ page: i + 1 })))).flatMap((c) => c.rows);
    const quiet = (await everyone()).findLast((r) => !r.healed && r.openRedFlags === 0 && r.alerts.length === 0)!;
    const ranks = async () =>
      ((await t.db.execute(sql`select patient_id, need_score, healed, as_of::text as as_of from caseload_ranks`)) as unknown as { rows: { patient_id: string; need_score: number; healed: boolean; as_of: string }[] }).rows;
    expect((await ranks()).length).toBeGreaterThanOrEqual(first.total);

    // A red flag moves the patient's change mark: the next view derives them again and puts them first.
    await t.db.execute(sql`insert into red_flag_alerts (patient_id, source, flags) values (${quiet.id}, 'check_in', array['saddle_numbness'])`);
    const top = (await listCaseload()).rows[0]!;
    expect([top.id, top.openRedFlags]).toEqual([quiet.id, 1]);

    // Healing moves it too (the episode's own trigger, drizzle/0021): the patient goes to the healed, last.
    await t.db.execute(sql`update red_flag_alerts set resolved_at = now(), resolution = 'assessed' where patient_id = ${quiet.id}`);
    await t.db.execute(sql`update episodes set status = 'healed', resolved_at = now() where patient_id = ${quiet.id}`);
    const after = await everyone();
    expect(after.find((r) => r.id === quiet.id)!.healed).toBe(true);
    expect(after.slice(after.findIndex((r) => r.healed)).every((r) => r.healed)).toBe(true);

    // A rank made on another day is not trusted: it is derived again, whatever it says.
    await t.db.execute(sql`update caseload_ranks set as_of = as_of - 1, need_score = 999 where patient_id = ${quiet.id}`);
    await listCaseload();
    const kept = (await ranks()).find((r) => r.patient_id === quiet.id)!;
    expect([kept.need_score === 999, kept.healed]).toEqual([false, true]);
  });
  it("lists kept adherence figures only while they hold: a change, another day, review grace or rules' version derives them again", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const kept = async () =>
      (
        (await t.db.execute(sql`
          select s.changes, s.summary, coalesce(m.changes, 0) as mark from adherence_summaries s
          left join patient_change_marks m on m.patient_id = s.patient_id where s.patient_id = ${sam}`)) as unknown as {
          rows: { changes: string | number; summary: unknown; mark: string | number }[];
        }
      ).rows[0];
    const caseloadFigures = async () => (await listCaseload()).rows.find((r) => r.id === sam)!.summary;
    await becomeCaller(t.db, "assignedTherapist");
    const derived = (await getAdherenceSummary(sam)).summary;
    expect(await caseloadFigures()).toEqual(derived);
    const row = (await kept())!;
    expect([Number(row.changes), typeof row.summary === "string" ? JSON.parse(row.summary) : row.summary]).toEqual([Number(row.mark), derived]);

    // While it holds, the kept summary is what both lists show (marked here so it can be told apart)...
    const marked = sql`summary = jsonb_set(summary, '{last28}', '0.125')`;
    await t.db.execute(sql`update adherence_summaries set ${marked} where patient_id = ${sam}`);
    expect((await caseloadFigures()).last28).toBe(0.125);
    await becomeCaller(t.db, "physicianOnTeam");
    expect((await listWorklist({ q: "Rivera" })).rows.find((r) => r.id === sam)!.adherence!.last28).toBe(0.125);

    // ...but one made on another day, under another review grace or rules' version, or at an older change mark is derived again and rewritten.
    await becomeCaller(t.db, "assignedTherapist");
    for (const stale of [sql`as_of = as_of - 1`, sql`grace_days = grace_days + 1`, sql`rules = rules + 1`, sql`changes = changes - 1`]) {
      await t.db.execute(sql`update adherence_summaries set ${marked}, ${stale} where patient_id = ${sam}`);
      expect(await caseloadFigures()).toEqual(derived);
      expect((await kept())!.changes).toEqual(row.changes);
    }

    // A new fact moves the mark in its own transaction: the next view derives the figures from it.
    await t.db.execute(sql`update adherence_summaries set ${marked} where patient_id = ${sam}`);
    await t.db.execute(sql`
      insert into check_ins (patient_id, idempotency_key, pain_now, leg_symptoms, red_flag_answers)
      values (${sam}, ${randomUUID()}, 1, '{}', '{}'::jsonb)`);
    const after = await caseloadFigures();
    expect(after.last28).not.toBe(0.125);
    expect(after).toEqual((await getAdherenceSummary(sam)).summary);
    expect(Number((await kept())!.changes)).toBe(Number(row.changes) + 1);
  });
});
