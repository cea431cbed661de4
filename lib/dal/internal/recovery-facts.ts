// No "server-only" marker: the seed and `npm run outcomes:rebuild` load this outside Next.js
// (tsx). It checks nothing and takes the caller's transaction; ESLint keeps lib/dal/internal out
// of app code.
import { sql } from "drizzle-orm";
import type { RecoveryFacts } from "@/lib/domain/recovery-course";
import { localDate } from "@/lib/domain/schedule";
import { dateOf, jsonOf, numberOrNull, type Row } from "./sql-rows";

export interface LoadedRecovery extends RecoveryFacts {
  episodeId: string;
  openedAt: Date;
}

/**
 * The current episode of each patient `p` as `ep` (id, status, opened_at, reopened_seq): the one
 * opened last. For a statement over `patients p`; the care facts and the outcomes aggregate share it.
 */
export const CURRENT_EPISODE_JOIN = sql`
  left join lateral (
    select e.id, e.status::text as status, e.opened_at, e.resolved_at,
      (select max(ee.seq) from episode_events ee where ee.episode_id = e.id and ee.kind = 'reopened') as reopened_seq
    from episodes e where e.patient_id = p.id
    order by e.opened_at desc, e.created_at desc limit 1
  ) ep on true`;

/**
 * The current episode's baseline and latest pain and ODI, as columns of a statement over
 * `patients p` joined to `ep` (CURRENT_EPISODE_JOIN): each a `limit 1` on an index
 * (check_ins_patient_idx, exams_patient_signed_idx, questionnaire_responses_patient_idx).
 */
export const RECOVERY_COLUMNS = sql`
  (select x.pain_now from exams x
    where x.patient_id = p.id and x.episode_id = ep.id and x.status = 'signed'
    order by x.signed_at limit 1) as recovery_exam_pain,
  (select json_build_array(c.id, c.pain_now) from check_ins c where c.patient_id = p.id and c.created_at >= ep.opened_at
    order by c.created_at, c.id limit 1) as recovery_first_check_in,
  (select json_build_array(c.id, c.pain_now) from check_ins c where c.patient_id = p.id and c.created_at >= ep.opened_at
    order by c.created_at desc, c.id desc limit 1) as recovery_latest_check_in,
  (select json_build_array(q.id, q.score) from questionnaire_responses q where q.patient_id = p.id and q.kind = 'odi'
    and q.score is not null and q.completed_at >= ep.opened_at order by q.completed_at, q.id limit 1) as recovery_first_odi,
  (select json_build_array(q.id, q.score) from questionnaire_responses q where q.patient_id = p.id and q.kind = 'odi'
    and q.score is not null and q.completed_at >= ep.opened_at order by q.completed_at desc, q.id desc limit 1) as recovery_latest_odi`;

/** The recovery facts of one row of a statement with `ep` and RECOVERY_COLUMNS; null without an episode. */
export function recoveryFromRow(r: Row, timeZone: string): LoadedRecovery | null {
  if (r.episode_id === null || r.episode_id === undefined) return null;
  const openedAt = dateOf(r.episode_opened_at);
  const [firstCheckInId, firstCheckInPain] = jsonOf<[string, number]>(r.recovery_first_check_in) ?? [null, null];
  const [latestCheckInId, latestCheckInPain] = jsonOf<[string, number]>(r.recovery_latest_check_in) ?? [null, null];
  const [firstOdiId, firstOdi] = jsonOf<[string, number]>(r.recovery_first_odi) ?? [null, null];
  const [latestOdiId, latestOdi] = jsonOf<[string, number]>(r.recovery_latest_odi) ?? [null, null];
  const examPain = numberOrNull(r.recovery_exam_pain);
  return {
    episodeId: String(r.episode_id),
    openedAt,
    episodeStatus: r.episode_status as RecoveryFacts["episodeStatus"],
    startedOn: localDate(openedAt, timeZone),
    // Without a signed exam's pain, the first check-in is the baseline and only a later one is "latest".
    baselinePain: examPain ?? numberOrNull(firstCheckInPain),
    latestPain: examPain !== null || latestCheckInId !== firstCheckInId ? numberOrNull(latestCheckInPain) : null,
    baselineOdi: numberOrNull(firstOdi),
    latestOdi: latestOdiId !== firstOdiId ? numberOrNull(latestOdi) : null,
  };
}
