// No "server-only" marker: loadCareFacts runs under tsx too (the seed's outcomes rebuild). It
// checks nothing and takes the caller's transaction; ESLint keeps lib/dal/internal out of app code.
import { sql } from "drizzle-orm";
import type { HealingFact, ProgrammeFacts } from "@/lib/domain/walk-run";
import { localDate } from "@/lib/domain/schedule";
import { readTogether } from "./read-together";
import type { Executor } from "./care-facts";

export interface LoadedProgramme {
  programme: ProgrammeFacts;
  healing: HealingFact | null;
  usualWeeklyKm: number;
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;
const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/**
 * What the walk/run programme and the return to training are derived from (lib/domain/walk-run.ts),
 * for patients the caller may see, in three queries whatever their number: the latest sign-off and
 * stage change, the programme runs logged since the latest sign-off (bounded by the programme),
 * and the latest healing with the patient's usual weekly distance. Checks nothing.
 */
export async function loadProgrammeFacts(executor: Executor, zones: readonly { id: string; timeZone: string }[]): Promise<Map<string, LoadedProgramme>> {
  const out = new Map<string, LoadedProgramme>();
  if (!zones.length) return out;
  const ids = sql.join(
    zones.map((z) => sql`${z.id}::uuid`),
    sql`, `,
  );
  const [anchors, runs, healings] = await readTogether(executor, [
    () => executor.execute(sql`
      select p.id as patient_id,
        s.episode_id as s_episode, s.seq as s_seq, s.signed_at,
        c.episode_id as c_episode, c.stage, c.reason, c.seq as c_seq, c.set_at
      from patients p
      left join lateral (select * from return_to_run_signoffs x where x.patient_id = p.id order by x.seq desc limit 1) s on true
      left join lateral (select * from walk_run_stage_changes x where x.patient_id = p.id order by x.seq desc limit 1) c on true
      where p.id in (${ids})`),
    () => executor.execute(sql`
      select a.patient_id, a.id, a.local_date::text as local_date, a.created_at, a.programme_stage, a.pain_before, a.pain_during, a.pain_after, a.morning_pain, a.new_numbness_or_weakness
      from activity_logs a
      where a.patient_id in (${ids}) and a.kind = 'run' and a.programme_stage is not null
        and a.created_at > (select max(s.signed_at) from return_to_run_signoffs s where s.patient_id = a.patient_id)
      order by a.created_at`),
    () => executor.execute(sql`
      select p.id as patient_id, p.weekly_distance_km, h.occurred_at, h.weekly_km_at_healing
      from patients p
      left join lateral (
        select ee.occurred_at, ee.weekly_km_at_healing from episode_events ee
        join episodes e on e.id = ee.episode_id and e.status = 'healed'
        where ee.patient_id = p.id and ee.kind = 'healed'
        order by ee.seq desc limit 1
      ) h on true
      where p.id in (${ids})`),
  ]);
  const zoneOf = new Map(zones.map((z) => [z.id, z.timeZone]));
  const runsOf = new Map<string, ProgrammeFacts["runs"][number][]>();
  for (const r of rowsOf(runs)) {
    const list = runsOf.get(String(r.patient_id)) ?? [];
    list.push({
      id: String(r.id),
      localDate: String(r.local_date),
      createdAt: asDate(r.created_at),
      programmeStage: Number(r.programme_stage),
      painBefore: r.pain_before === null ? null : Number(r.pain_before),
      painDuring: r.pain_during === null ? null : Number(r.pain_during),
      painAfter: r.pain_after === null ? null : Number(r.pain_after),
      morningPain: r.morning_pain === null ? null : Number(r.morning_pain),
      newNumbnessOrWeakness: Boolean(r.new_numbness_or_weakness),
    });
    runsOf.set(String(r.patient_id), list);
  }
  const healingOf = new Map(rowsOf(healings).map((h) => [String(h.patient_id), h]));
  for (const a of rowsOf(anchors)) {
    const id = String(a.patient_id);
    const zone = zoneOf.get(id) ?? "UTC";
    const h = healingOf.get(id);
    out.set(id, {
      programme: {
        signoff: a.s_seq === null ? null : { episodeId: String(a.s_episode), seq: Number(a.s_seq), signedAt: asDate(a.signed_at), localDate: localDate(asDate(a.signed_at), zone) },
        stageChange:
          a.c_seq === null
            ? null
            : { episodeId: String(a.c_episode), stage: Number(a.stage), reason: String(a.reason), seq: Number(a.c_seq), setAt: asDate(a.set_at), localDate: localDate(asDate(a.set_at), zone) },
        runs: runsOf.get(id) ?? [],
      },
      healing: h?.occurred_at ? { healedOn: localDate(asDate(h.occurred_at), zone), weeklyKmAtHealing: h.weekly_km_at_healing === null ? null : Number(h.weekly_km_at_healing) } : null,
      usualWeeklyKm: Number(h?.weekly_distance_km ?? 0),
    });
  }
  return out;
}
