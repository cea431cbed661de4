// No "server-only" marker: the seed and `npm run outcomes:rebuild` load this outside Next.js
// (tsx). It checks nothing and takes the caller's transaction; ESLint keeps lib/dal/internal out
// of app code.
import { sql } from "drizzle-orm";
import type { RecoveryFacts } from "@/lib/domain/recovery-course";
import { localDate } from "@/lib/domain/schedule";
import type { Executor } from "./care-facts";

export interface LoadedRecovery extends RecoveryFacts {
  episodeId: string;
  openedAt: Date;
}

/**
 * The current episode's baseline and latest pain and ODI (lib/domain/recovery-course.ts), for
 * patients the caller may see: one query whatever their number, each reading a `limit 1` on an
 * index (check_ins_patient_idx, exams_patient_signed_idx, questionnaire_responses_patient_idx).
 * Checks nothing: callers have authorized.
 */
export async function loadRecoveryFacts(executor: Executor, zones: readonly { id: string; timeZone: string }[]): Promise<Map<string, LoadedRecovery>> {
  const out = new Map<string, LoadedRecovery>();
  if (!zones.length) return out;
  const ids = sql.join(
    zones.map((z) => sql`${z.id}::uuid`),
    sql`, `,
  );
  const result = await executor.execute(sql`
    with ep as (
      select distinct on (e.patient_id) e.id, e.patient_id, e.status::text as status, e.opened_at
      from episodes e where e.patient_id in (${ids})
      order by e.patient_id, e.opened_at desc, e.created_at desc
    )
    select ep.patient_id, ep.id as episode_id, ep.status, ep.opened_at,
      (select x.pain_now from exams x
        where x.patient_id = ep.patient_id and x.episode_id = ep.id and x.status = 'signed'
        order by x.signed_at limit 1) as exam_pain,
      fc.id as first_check_in_id, fc.pain_now as first_check_in_pain,
      lc.id as latest_check_in_id, lc.pain_now as latest_check_in_pain,
      fo.id as first_odi_id, fo.score as first_odi,
      lo.id as latest_odi_id, lo.score as latest_odi
    from ep
    left join lateral (select c.id, c.pain_now from check_ins c where c.patient_id = ep.patient_id and c.created_at >= ep.opened_at
      order by c.created_at, c.id limit 1) fc on true
    left join lateral (select c.id, c.pain_now from check_ins c where c.patient_id = ep.patient_id and c.created_at >= ep.opened_at
      order by c.created_at desc, c.id desc limit 1) lc on true
    left join lateral (select q.id, q.score from questionnaire_responses q where q.patient_id = ep.patient_id and q.kind = 'odi'
      and q.score is not null and q.completed_at >= ep.opened_at order by q.completed_at, q.id limit 1) fo on true
    left join lateral (select q.id, q.score from questionnaire_responses q where q.patient_id = ep.patient_id and q.kind = 'odi'
      and q.score is not null and q.completed_at >= ep.opened_at order by q.completed_at desc, q.id desc limit 1) lo on true`);
  const zoneOf = new Map(zones.map((z) => [z.id, z.timeZone]));
  for (const r of (result as unknown as { rows: Record<string, unknown>[] }).rows) {
    const patientId = String(r.patient_id);
    const openedAt = new Date(r.opened_at as string | Date);
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    const examPain = num(r.exam_pain);
    // Without a signed exam's pain, the first check-in is the baseline and only a later one is "latest".
    const baselinePain = examPain ?? num(r.first_check_in_pain);
    const latestPain = examPain !== null || r.latest_check_in_id !== r.first_check_in_id ? num(r.latest_check_in_pain) : null;
    out.set(patientId, {
      episodeId: String(r.episode_id),
      openedAt,
      episodeStatus: r.status as RecoveryFacts["episodeStatus"],
      startedOn: localDate(openedAt, zoneOf.get(patientId)!),
      baselinePain,
      latestPain,
      baselineOdi: num(r.first_odi),
      latestOdi: r.latest_odi_id !== r.first_odi_id ? num(r.latest_odi) : null,
    });
  }
  return out;
}
