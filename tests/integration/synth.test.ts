import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { sealAuditTrail, verifyAuditChain } from "@/db/audit-chain";
import { openDatabase, type Database } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { checkSynthTarget, synthesizeClinic, SynthRefused, SYNTH_TABLES } from "@/db/synth";
import { SYNTH_DOMAIN } from "@/db/synth-sql";
import { loadCareStates } from "@/lib/dal/internal/care-facts";
import { planSchema } from "@/lib/domain/plan";
import { redFlags } from "@/lib/domain/red-flags";
import { odiAnswersSchema, startBackAnswersSchema } from "@/lib/domain/scores";
import { describeEachDatabase } from "../support/databases";

type Row = Record<string, unknown>;
const rows = async (database: Pick<Database, "execute">, query: ReturnType<typeof sql>): Promise<Row[]> => ((await database.execute(query)) as unknown as { rows: Row[] }).rows;

// A fixed clock and a clinic just large enough that every red-flag state occurs with this seed.
const NOW = new Date("2026-03-02T15:00:00Z");
const OPTIONS = { patients: 150, seed: 16, now: NOW, batch: 60 };
const synthetic = `%@${SYNTH_DOMAIN}`;

/**
 * A digest of the synthetic rows that carry no demo account's (random) id, taken as text by the
 * database itself so the two drivers' ways of returning numbers and dates do not matter.
 */
async function contentHash(database: Database): Promise<string> {
  const digest = (query: string) => sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from (${query}) t`);
  const parts = await Promise.all([
    `select id, mrn, given_name, family_name, date_of_birth, sex, time_zone, weekly_distance_km from patients where email like '${synthetic}'`,
    `select e.id, e.status, e.findings, e.pain_now, e.red_flags from exams e join patients p on p.id = e.patient_id where p.email like '${synthetic}'`,
    `select v.id, v.version, v.plan from plan_versions v join patients p on p.id = v.patient_id where p.email like '${synthetic}'`,
    `select c.id, c.level, c.restrictions, c.review_date, c.withdrawn, c.seq from clearances c join patients p on p.id = c.patient_id where p.email like '${synthetic}'`,
    `select l.id, l.kind, l.local_date, l.item_key, l.status, l.minutes, l.pain_during, l.programme_stage from activity_logs l join patients p on p.id = l.patient_id where p.email like '${synthetic}'`,
  ].map(async (query) => String((await rows(database, digest(query)))[0]!.h)));
  return parts.join(":");
}

describeEachDatabase("synthetic clinic", { seed: true }, (t) => {
  it("fills every table from a demo clinic, and refuses to run twice", { timeout: 60_000 }, async () => {
    await checkSynthTarget(t.owner);
    const result = await synthesizeClinic(t.owner, OPTIONS);
    for (const table of SYNTH_TABLES) expect(result.counts[table], table).toBeGreaterThan(0);
    expect(result.counts.patients).toBe(150 + 14);
    await expect(synthesizeClinic(t.owner, OPTIONS)).rejects.toBeInstanceOf(SynthRefused);
  });

  it("has red flags in every state, from exams and check-ins, of both tiers", async () => {
    const alerts = await rows(t.db, sql`select source, flags, acknowledged_at is not null as seen, resolved_at is not null as resolved from red_flag_alerts r
      join patients p on p.id = r.patient_id where p.email like ${synthetic}`);
    const tierOf = (flags: string[]) => (flags.some((f) => redFlags.find((r) => r.id === f)?.tier === "emergency") ? "emergency" : "urgent");
    const states = new Set(alerts.map((a) => `${a.resolved ? "resolved" : a.seen ? "acknowledged" : "open"}`));
    expect([...states].sort()).toEqual(["acknowledged", "open", "resolved"]);
    expect(new Set(alerts.map((a) => a.source))).toEqual(new Set(["exam", "check_in"]));
    expect(new Set(alerts.map((a) => tierOf(a.flags as string[])))).toEqual(new Set(["emergency", "urgent"]));
    // A healed episode has no unresolved red flag (DOMAIN.md §10.2); one open episode per patient.
    expect(await rows(t.db, sql`select 1 from red_flag_alerts r join episodes e on e.patient_id = r.patient_id and e.status = 'healed'
      where r.resolved_at is null and not exists (select 1 from episodes o where o.patient_id = r.patient_id and o.status <> 'healed')`)).toEqual([]);
    expect(await rows(t.db, sql`select patient_id from episodes where status <> 'healed' group by patient_id having count(*) > 1`)).toEqual([]);
  });

  it("keeps the change marks equal to the rows they count", async () => {
    expect(await rows(t.db, sql`select p.id from patients p left join patient_change_marks m on m.patient_id = p.id
      where m.last_log_date is distinct from (select max(local_date) from activity_logs l where l.patient_id = p.id)`)).toEqual([]);
    const drift = await rows(t.db, sql`select p.id from patients p left join patient_change_marks m on m.patient_id = p.id
      where p.email like ${synthetic} and coalesce(m.changes, 0) <>
        (select count(*) from activity_logs x where x.patient_id = p.id) + (select count(*) from check_ins x where x.patient_id = p.id)
        + (select count(*) from plan_versions x where x.patient_id = p.id) + (select count(*) from clearances x where x.patient_id = p.id)
        + (select count(*) from red_flag_alerts x where x.patient_id = p.id) + (select count(*) from episodes x where x.patient_id = p.id)
        + (select count(*) from episode_events x where x.patient_id = p.id) + (select count(*) from exams x where x.patient_id = p.id and x.status = 'signed')
        + (select count(*) from questionnaire_responses x where x.patient_id = p.id) + (select count(*) from return_to_run_signoffs x where x.patient_id = p.id)
        + (select count(*) from walk_run_stage_changes x where x.patient_id = p.id)`);
    expect(drift).toEqual([]);
  });

  it("leaves an audit trail that verifies", async () => {
    expect((await verifyAuditChain(t.owner)).intact).toBe(true);
    await sealAuditTrail(t.owner);
    const report = await verifyAuditChain(t.owner);
    expect(report).toMatchObject({ intact: true });
    expect(report.rows).toBeGreaterThan(300);
  });

  it("writes JSON the app parses, and every patient's care state loads", async () => {
    for (const r of await rows(t.db, sql`select plan from plan_versions`)) planSchema.parse(r.plan);
    for (const r of await rows(t.db, sql`select kind, answers from questionnaire_responses`)) {
      if (r.kind === "odi") odiAnswersSchema.parse(r.answers);
      else startBackAnswersSchema.parse(r.answers);
    }
    const ids = (await rows(t.db, sql`select id from patients`)).map((r) => String(r.id));
    const states = await loadCareStates(ids, t.db);
    expect(states.size).toBe(ids.length);
    // Busy demo care teams, and sign-in accounts for the synthetic patients.
    const [ortiz] = await rows(t.db, sql`select count(*)::int as n from care_team_members c join users u on u.id = c.user_id where u.email = 'dr.ortiz@runclear.example'`);
    expect(Number(ortiz!.n)).toBeGreaterThan(7 + 10);
  });

  it("gives the same clinic for the same seed", { timeout: 60_000 }, async () => {
    const other = await openDatabase({ pgliteDir: "memory" });
    try {
      await seedDemoClinic(other.db);
      await synthesizeClinic(other.db, OPTIONS);
      expect(await contentHash(other.db)).toBe(await contentHash(t.db));
    } finally {
      await other.close();
    }
  });
});
