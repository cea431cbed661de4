// No "server-only" marker: the seed and `npm run outcomes:rebuild` load this outside Next.js
// (tsx). It checks nothing and takes the caller's transaction; ESLint keeps lib/dal/internal out
// of app code.
import { eq, sql } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { patientOutcomes } from "@/db/schema/outcomes";
import { patients } from "@/db/schema/patients";
import { adherenceBefore } from "@/lib/domain/adherence";
import type { Plan } from "@/lib/domain/plan";
import { adherenceInputFrom } from "@/lib/domain/progress";
import { walkRunStages } from "@/lib/domain/progression";
import { recoveryCourse } from "@/lib/domain/recovery-course";
import { addDays, localDate } from "@/lib/domain/schedule";
import type { Tx } from "./care-facts";
import { CURRENT_EPISODE_JOIN, RECOVERY_COLUMNS, recoveryFromRow } from "./recovery-facts";
import { dateOf, idList, jsonOf, type Row } from "./sql-rows";

/** The last stage of the walk/run programme: continuous running (DOMAIN.md §6). */
export const CONTINUOUS_STAGE = walkRunStages.length;
export const ADHERENCE_DAYS = 28;
/** Patients per batch when many rows are recomputed: a few hundred reads of bounded size. */
export const OUTCOMES_BATCH = 200;

/**
 * Recomputes one patient's row of the outcomes aggregate (db/schema/outcomes.ts) from bounded
 * reads, inside the caller's transaction: `withPatientLocked` calls it after every locked write.
 * Checks nothing (internal): the write that called it authorized.
 */
export async function refreshPatientOutcomes(tx: Tx, patientId: string, now = new Date()): Promise<void> {
  await refreshPatientOutcomesOf(tx, [patientId], now);
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * What a row of the aggregate is computed from, one row per patient, in one statement: the time
 * zone, the current episode's recovery figures (RECOVERY_COLUMNS), its latest diagnosis, the
 * programme's latest stage and first continuous run days, the plan's versions and the item logs of
 * the adherence window. Local dates are reckoned in Node (lib/domain/schedule.ts), not in SQL, so
 * the runs are read from a bound every zone's date of the episode's start falls on or after (its
 * UTC date less a day) and cut to the patient's own start below; the item logs likewise.
 */
function outcomeFacts(tx: Tx, ids: readonly string[], itemsFrom: string) {
  const since = sql`((ep.opened_at at time zone 'UTC')::date - 1)`;
  return tx.execute(sql`
    select p.id as patient_id, p.time_zone, ep.id as episode_id, ep.status as episode_status, ep.opened_at as episode_opened_at,
      ${RECOVERY_COLUMNS},
      (select d.condition from diagnoses d where d.patient_id = p.id and d.episode_id = ep.id
        order by d.recorded_at desc limit 1) as root_cause,
      (select json_build_array(a.local_date, a.programme_stage) from activity_logs a
        where a.patient_id = p.id and a.kind = 'run' and a.programme_stage is not null and a.local_date >= ${since}
        order by a.local_date desc, a.created_at desc limit 1) as latest_stage_run,
      (select json_agg(x.local_date order by x.local_date) from (
        select distinct a.local_date from activity_logs a
        where a.patient_id = p.id and a.kind = 'run' and a.programme_stage = ${CONTINUOUS_STAGE} and a.local_date >= ${since}
        order by a.local_date limit 3) x) as continuous_dates,
      (select json_agg(json_build_array(v.plan, v.created_at) order by v.version) from plan_versions v
        where v.patient_id = p.id) as plan_versions,
      (select json_agg(json_build_array(a.local_date, a.item_key, a.status) order by a.created_at, a.id) from activity_logs a
        where a.patient_id = p.id and a.kind = 'item' and a.local_date >= ${itemsFrom}::date) as item_logs
    from patients p ${CURRENT_EPISODE_JOIN}
    where p.id in (${idList(ids)})`);
}

/** One patient's row of the aggregate from their facts (outcomeFacts) on the day `now` falls on for them. */
function outcomeRow(r: Row, now: Date) {
  const patientId = String(r.patient_id);
  const timeZone = String(r.time_zone);
  const today = localDate(now, timeZone);
  const recovery = recoveryFromRow(r, timeZone);
  // The first version runs from the plan's start, a later one from the day it was saved (as in patient-activity.ts).
  const effective = (jsonOf<[Plan, string][]>(r.plan_versions) ?? []).map(([plan, createdAt], i) => ({
    effectiveFrom: i === 0 ? plan.startDate : localDate(dateOf(createdAt), timeZone),
    plan,
  }));
  const from = addDays(today, -ADHERENCE_DAYS - 1);
  const logs = (jsonOf<[string, string | null, "done" | "skipped" | null][]>(r.item_logs) ?? []).flatMap(([date, itemKey, status]) =>
    date >= from && itemKey && status ? [{ localDate: date, itemKey, status }] : [],
  );
  const rate = effective.length ? adherenceBefore(today, ADHERENCE_DAYS, adherenceInputFrom(effective, logs, timeZone)).overall.rate : null;
  // The programme since the episode's own start, in the patient's zone.
  const latestRun = recovery && jsonOf<[string, number]>(r.latest_stage_run);
  const stage = latestRun && latestRun[0] >= recovery.startedOn ? Number(latestRun[1]) : null;
  const continuousOn = recovery ? ((jsonOf<string[]>(r.continuous_dates) ?? []).find((d) => d >= recovery.startedOn) ?? null) : null;
  return {
    patientId,
    episodeId: recovery?.episodeId ?? null,
    episodeStartedOn: recovery?.startedOn ?? null,
    episodeStatus: recovery?.episodeStatus ?? null,
    rootCause: recovery && r.root_cause ? String(r.root_cause) : null,
    programmeStage: stage,
    continuousOn,
    baselineOdi: recovery?.baselineOdi ?? null,
    latestOdi: recovery?.latestOdi ?? null,
    baselinePain: recovery?.baselinePain ?? null,
    latestPain: recovery?.latestPain ?? null,
    adherencePercent: rate === null ? null : Math.round(rate * 1000) / 10,
    notImprovingAtWeek6: recovery ? recoveryCourse(recovery, today).notImproving : false,
    updatedAt: now,
  };
}

/**
 * The same for a batch of patients: one read and one write whatever its size, so a locked write
 * adds two statements and a rebuild or the synthetic clinic does not pay a round of reads per
 * patient. The one-patient refresh is this with a batch of one: there is one way to compute a row.
 */
export async function refreshPatientOutcomesOf(tx: Tx, patientIds: readonly string[], now = new Date()): Promise<void> {
  const ids = [...new Set(patientIds)];
  if (!ids.length) return;
  // Every zone's "today" is on or after the UTC date less a day; each row cuts to its own window.
  const itemsFrom = addDays(now.toISOString().slice(0, 10), -ADHERENCE_DAYS - 2);
  const facts = (await outcomeFacts(tx, ids, itemsFrom)) as unknown as { rows: Row[] };
  if (!facts.rows.length) return;
  const rows = facts.rows.map((r) => outcomeRow(r, now));
  const { patientId: _key, ...columns } = rows[0]!;
  await tx
    .insert(patientOutcomes)
    .values(rows)
    .onConflictDoUpdate({ target: patientOutcomes.patientId, set: Object.fromEntries(Object.keys(columns).map((k) => [k, sql.raw(`excluded.${snake(k)}`)])) });
}

/** Recomputes every patient's row inside one transaction: the demo seed's last step. */
export async function rebuildPatientOutcomesIn(tx: Tx, now = new Date()): Promise<number> {
  const ids = (await tx.select({ id: patients.id }).from(patients)).map((p) => p.id);
  for (let i = 0; i < ids.length; i += OUTCOMES_BATCH) await refreshPatientOutcomesOf(tx, ids.slice(i, i + OUTCOMES_BATCH), now);
  return ids.length;
}

/**
 * Rebuilds every patient's row from the facts (`npm run outcomes:rebuild`), one short transaction
 * per patient holding its row lock, so live writers are not held up for long.
 */
export async function rebuildAllPatientOutcomes(database?: Database): Promise<number> {
  const executor = database ?? (await db());
  const ids = await executor.select({ id: patients.id }).from(patients);
  for (const { id } of ids) {
    await executor.transaction(async (tx) => {
      await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, id)).for("update");
      await refreshPatientOutcomes(tx, id);
    });
  }
  return ids.length;
}
