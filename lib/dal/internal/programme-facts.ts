// No "server-only" marker: loadCareFacts runs under tsx too (the seed's outcomes rebuild). It
// checks nothing and takes the caller's transaction; ESLint keeps lib/dal/internal out of app code.
import { sql } from "drizzle-orm";
import type { HealingFact, ProgrammeFacts } from "@/lib/domain/walk-run";
import { localDate } from "@/lib/domain/schedule";
import { dateOf, jsonOf, numberOrNull, type Row } from "./sql-rows";

export interface LoadedProgramme {
  programme: ProgrammeFacts;
  healing: HealingFact | null;
  usualWeeklyKm: number;
}

/**
 * What the walk/run programme and the return to training are derived from (lib/domain/walk-run.ts),
 * as columns of a statement over `patients p`: the latest sign-off and stage change, the programme
 * runs logged since the latest sign-off (activity_logs_programme_runs_idx, bounded by the
 * programme), and the latest healing with the patient's usual weekly distance.
 */
export const PROGRAMME_COLUMNS = sql`
  (select json_build_array(x.episode_id, x.seq, x.signed_at) from return_to_run_signoffs x
    where x.patient_id = p.id order by x.seq desc limit 1) as programme_signoff,
  (select json_build_array(x.episode_id, x.stage, x.reason, x.seq, x.set_at) from walk_run_stage_changes x
    where x.patient_id = p.id order by x.seq desc limit 1) as programme_stage_change,
  (select json_agg(json_build_array(a.id, a.local_date, a.created_at, a.programme_stage, a.pain_before, a.pain_during,
      a.pain_after, a.morning_pain, a.new_numbness_or_weakness) order by a.created_at, a.id)
    from activity_logs a
    where a.patient_id = p.id and a.kind = 'run' and a.programme_stage is not null
      and a.created_at > (select max(s.signed_at) from return_to_run_signoffs s where s.patient_id = p.id)) as programme_runs,
  p.weekly_distance_km as programme_usual_weekly_km,
  (select json_build_array(ee.occurred_at, ee.weekly_km_at_healing) from episode_events ee
    join episodes e on e.id = ee.episode_id and e.status = 'healed'
    where ee.patient_id = p.id and ee.kind = 'healed'
    order by ee.seq desc limit 1) as programme_healing`;

type ProgrammeRun = [string, string, string, number, number | null, number | null, number | null, number | null, boolean];

/** The programme facts of one row of a statement with PROGRAMME_COLUMNS. */
export function programmeFromRow(r: Row, timeZone: string): LoadedProgramme {
  const signoff = jsonOf<[string, number, string]>(r.programme_signoff);
  const stageChange = jsonOf<[string, number, string, number, string]>(r.programme_stage_change);
  const healing = jsonOf<[string, number | null]>(r.programme_healing);
  return {
    programme: {
      signoff: signoff && { episodeId: signoff[0], seq: Number(signoff[1]), signedAt: dateOf(signoff[2]), localDate: localDate(dateOf(signoff[2]), timeZone) },
      stageChange: stageChange && {
        episodeId: stageChange[0],
        stage: Number(stageChange[1]),
        reason: String(stageChange[2]),
        seq: Number(stageChange[3]),
        setAt: dateOf(stageChange[4]),
        localDate: localDate(dateOf(stageChange[4]), timeZone),
      },
      runs: (jsonOf<ProgrammeRun[]>(r.programme_runs) ?? []).map(([id, date, createdAt, stage, painBefore, painDuring, painAfter, morningPain, numbness]) => ({
        id,
        localDate: date,
        createdAt: dateOf(createdAt),
        programmeStage: Number(stage),
        painBefore: numberOrNull(painBefore),
        painDuring: numberOrNull(painDuring),
        painAfter: numberOrNull(painAfter),
        morningPain: numberOrNull(morningPain),
        newNumbnessOrWeakness: Boolean(numbness),
      })),
    },
    healing: healing ? { healedOn: localDate(dateOf(healing[0]), timeZone), weeklyKmAtHealing: numberOrNull(healing[1]) } : null,
    usualWeeklyKm: Number(r.programme_usual_weekly_km ?? 0),
  };
}
