import "server-only";
import { sql } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { patients } from "@/db/schema/patients";
import { careState, RECENT_DAYS, type CareFacts, type CareState, type ClearanceFact, type EpisodeFact, type RedFlagFact } from "@/lib/domain/care-state";
import { DEFAULT_CLINIC_SETTINGS } from "@/lib/domain/clinic-settings";
import type { Plan } from "@/lib/domain/plan";
import { isRedFlagId } from "@/lib/domain/red-flags";
import { addDays, localDate, type LocalDate } from "@/lib/domain/schedule";
import { refreshPatientOutcomes } from "./patient-outcomes";
import { PROGRAMME_COLUMNS, programmeFromRow } from "./programme-facts";
import { CURRENT_EPISODE_JOIN, RECOVERY_COLUMNS, recoveryFromRow } from "./recovery-facts";
import { dateOf, dateOrNull, idList, jsonOf, numberOrNull, type Row } from "./sql-rows";

/** An open transaction, or the database itself. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Tx;

export interface LoadedCareFacts extends CareFacts {
  patientId: string;
  timeZone: string;
  /** For the rules that weigh age (the plan's medicine guardrails), read with the time zone. */
  dateOfBirth: string;
  /** The current episode, with when it opened and, once healed, when it healed: for the pages that show it. */
  episode: (EpisodeFact & { openedAt: Date; resolvedAt: Date | null }) | null;
}

/** How far back runs are read: the alert window, plus the three days next-morning pain may come late. */
const RUN_DAYS = RECENT_DAYS + 3;

type RunRow = [string, LocalDate, number | null, number | null, number | null, number | null, boolean, string[] | null];

/**
 * Loads what `careState` is derived from (lib/domain/care-state.ts), for patients the caller has
 * already been allowed to see. It checks nothing: DAL functions authorize first (the name of this
 * folder says so).
 *
 * One statement, one row per patient, whatever their number: a page's state in force costs one
 * round trip, and a write's re-check under the patient's lock one more, not a dozen. Each column
 * is a `limit 1` or a window on an index of the patient's own rows. Each patient's today comes
 * from their time zone, which the statement itself returns, so the runs and check-ins are read
 * from a bound every time zone's window starts after (today in UTC, less a day, since no zone is
 * more than a day behind) and cut to the patient's own window below: a patient's facts are the
 * same read alone on their chart or with others on a list.
 */
export async function loadCareFacts(executor: Executor, patientIds: readonly string[], now = new Date()): Promise<Map<string, LoadedCareFacts>> {
  const out = new Map<string, LoadedCareFacts>();
  if (!patientIds.length) return out;
  const utcToday = localDate(now, "UTC");
  const runsFrom = addDays(utcToday, -RUN_DAYS - 1);
  const checkInsFrom = new Date(`${addDays(utcToday, -RUN_DAYS - 2)}T00:00:00Z`);
  const result = await executor.execute(sql`
    select p.id as patient_id, p.time_zone, p.date_of_birth::text as date_of_birth,
      (select s.review_grace_days from clinic_settings s where s.id = 1) as grace_days,
      ep.id as episode_id, ep.status as episode_status, ep.opened_at as episode_opened_at, ep.resolved_at as episode_resolved_at,
      ep.reopened_seq as episode_reopened_seq,
      (select json_build_object('version', c.version, 'level', c.level, 'restrictions', c.restrictions, 'reviewDate', c.review_date,
          'episodeId', c.episode_id, 'seq', c.seq, 'withdrawn', c.withdrawn)
        from clearances c where c.patient_id = p.id order by c.version desc limit 1) as clearance,
      (select json_agg(json_build_object('id', f.id, 'flags', f.flags, 'seq', f.seq, 'raisedAt', f.raised_at, 'source', f.source,
          'acknowledged', f.acknowledged_at is not null) order by f.seq)
        from red_flag_alerts f where f.patient_id = p.id and f.resolved_at is null) as open_flags,
      (select max(f.seq) from red_flag_alerts f where f.patient_id = p.id) as latest_flag_seq,
      (select v.plan from plan_versions v where v.patient_id = p.id order by v.version desc limit 1) as plan,
      (select json_agg(json_build_array(a.id, a.local_date, a.pain_before, a.pain_during, a.pain_after, a.morning_pain,
          a.new_numbness_or_weakness, a.breaches) order by a.local_date, a.created_at, a.id)
        from activity_logs a where a.patient_id = p.id and a.kind = 'run' and a.local_date >= ${runsFrom}) as runs,
      (select json_agg(json_build_array(c.created_at, c.pain_now, c.neuro_worse) order by c.created_at, c.id)
        from check_ins c where c.patient_id = p.id and c.created_at >= ${checkInsFrom}) as check_ins,
      ${RECOVERY_COLUMNS},
      ${PROGRAMME_COLUMNS}
    from patients p ${CURRENT_EPISODE_JOIN}
    where p.id in (${idList([...new Set(patientIds)])})`);
  for (const r of (result as unknown as { rows: Row[] }).rows) {
    const id = String(r.patient_id);
    const timeZone = String(r.time_zone);
    const today = localDate(now, timeZone);
    // Each patient's own windows (see above): runs after today less RUN_DAYS, and check-ins from
    // the day before that, so the earliest run has the pain it was logged against.
    const firstRunDay = addDays(today, -RUN_DAYS);
    const checkInsStart = new Date(`${addDays(today, -RUN_DAYS - 1)}T00:00:00Z`).getTime();
    const clearance = jsonOf<ClearanceFact>(r.clearance);
    const openFlags = jsonOf<{ id: string; flags: string[]; seq: number; raisedAt: string; source: RedFlagFact["source"]; acknowledged: boolean }[]>(r.open_flags) ?? [];
    const runs = jsonOf<RunRow[]>(r.runs) ?? [];
    const checkIns = jsonOf<[string, number, boolean][]>(r.check_ins) ?? [];
    out.set(id, {
      patientId: id,
      timeZone,
      dateOfBirth: String(r.date_of_birth),
      today,
      reviewGraceDays: numberOrNull(r.grace_days) ?? DEFAULT_CLINIC_SETTINGS.reviewGraceDays,
      episode:
        r.episode_id === null || r.episode_id === undefined
          ? null
          : {
              id: String(r.episode_id),
              status: r.episode_status as EpisodeFact["status"],
              reopenedSeq: numberOrNull(r.episode_reopened_seq),
              openedAt: dateOf(r.episode_opened_at),
              resolvedAt: dateOrNull(r.episode_resolved_at),
            },
      clearance: clearance && { ...clearance, seq: Number(clearance.seq) },
      redFlags: openFlags.map((f) => ({
        id: f.id,
        flags: f.flags.filter(isRedFlagId),
        seq: Number(f.seq),
        raisedAt: dateOf(f.raisedAt),
        source: f.source,
        acknowledged: f.acknowledged,
        resolved: false,
      })),
      latestRedFlagSeq: numberOrNull(r.latest_flag_seq),
      plan: jsonOf<Plan>(r.plan),
      runs: runs
        .filter(([, date]) => date > firstRunDay)
        .map(([runId, date, painBefore, painDuring, painAfter, morningPain, numbness, breaches]) => ({
          id: runId,
          localDate: date,
          painBefore,
          painDuring,
          painAfter,
          morningPain,
          newNumbnessOrWeakness: numbness,
          breaches: breaches ?? [],
        })),
      checkIns: checkIns
        .map(([createdAt, painNow, neuroWorse]) => ({ createdAt: dateOf(createdAt), painNow, neuroWorse }))
        .filter((c) => c.createdAt.getTime() >= checkInsStart)
        .map((c) => ({ localDate: localDate(c.createdAt, timeZone), painNow: c.painNow, neuroWorse: c.neuroWorse })),
      // Recovery against the usual course (issue 13 part 4).
      recovery: recoveryFromRow(r, timeZone),
      // The walk/run programme and the return to training after healing (lib/domain/walk-run.ts).
      ...programmeFromRow(r, timeZone),
    });
  }
  return out;
}

/** A patient's state in force with the time zone their day is counted in and the review grace it was derived with. */
export type ZonedCareState = CareState & { timeZone: string; reviewGraceDays: number };

export function zonedCareState(facts: LoadedCareFacts): ZonedCareState {
  return { ...careState(facts), timeZone: facts.timeZone, reviewGraceDays: facts.reviewGraceDays };
}

/** The state in force for patients the caller may see. */
export async function loadCareStates(patientIds: readonly string[], executor?: Executor): Promise<Map<string, ZonedCareState>> {
  const facts = await loadCareFacts(executor ?? (await db()), patientIds);
  return new Map([...facts].map(([id, f]) => [id, zonedCareState(f)]));
}

/**
 * Runs `work` in a transaction holding the patient's row lock, with the facts read after the lock
 * was taken: every write that depends on the clinical state re-checks it here (STYLE.md), so no
 * interleaving of writers can produce a state DOMAIN.md §10 forbids.
 */
export async function withPatientLocked<T>(patientId: string, work: (tx: Tx, facts: LoadedCareFacts) => Promise<T>): Promise<T> {
  return (await db()).transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${patients} where ${patients.id} = ${patientId} for update`);
    const facts = (await loadCareFacts(tx, [patientId])).get(patientId);
    if (!facts) throw new Error("authorized patient has no record");
    const result = await work(tx, facts);
    // The outcomes aggregate follows every locked write in the same transaction, so no writer can
    // forget it and the dashboard never sees a fact without its figure (db/schema/outcomes.ts).
    await refreshPatientOutcomes(tx, patientId);
    return result;
  });
}
