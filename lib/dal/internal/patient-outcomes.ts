// No "server-only" marker: the seed and `npm run outcomes:rebuild` load this outside Next.js
// (tsx). It checks nothing and takes the caller's transaction; ESLint keeps lib/dal/internal out
// of app code.
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { diagnoses } from "@/db/schema/diagnoses";
import { patientOutcomes } from "@/db/schema/outcomes";
import { patients } from "@/db/schema/patients";
import { planVersions } from "@/db/schema/plans";
import { adherenceBefore } from "@/lib/domain/adherence";
import type { Plan } from "@/lib/domain/plan";
import { adherenceInputFrom } from "@/lib/domain/progress";
import { walkRunStages } from "@/lib/domain/progression";
import { recoveryCourse } from "@/lib/domain/recovery-course";
import { addDays, localDate } from "@/lib/domain/schedule";
import type { Tx } from "./care-facts";
import { groupByPatient } from "./group-by-patient";
import { readTogether } from "./read-together";
import { loadRecoveryFacts } from "./recovery-facts";

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
 * The same for a batch of patients with a fixed number of queries whatever its size, so a rebuild
 * or the synthetic clinic does not pay one round of reads per patient. The one-patient refresh is
 * this with a batch of one: there is one way to compute a row.
 */
export async function refreshPatientOutcomesOf(tx: Tx, patientIds: readonly string[], now = new Date()): Promise<void> {
  const ids = [...new Set(patientIds)];
  if (!ids.length) return;
  const zones = await tx.select({ id: patients.id, timeZone: patients.timeZone }).from(patients).where(inArray(patients.id, ids));
  if (!zones.length) return;
  const todayOf = new Map(zones.map((z) => [z.id, localDate(now, z.timeZone)]));
  const recoveryOf = await loadRecoveryFacts(tx, zones);
  const episodes = [...recoveryOf].map(([patientId, r]) => ({ patientId, episodeId: r.episodeId, since: r.startedOn }));
  const logsFrom = addDays([...todayOf.values()].sort()[0]!, -ADHERENCE_DAYS - 1);
  const [diagnosisRows, programme, versionRows, itemRows] = await readTogether(tx, [
    // The latest diagnosis of the episode the recovery figures are about.
    () =>
      episodes.length
        ? tx
            .selectDistinctOn([diagnoses.patientId], { patientId: diagnoses.patientId, condition: diagnoses.condition })
            .from(diagnoses)
            .where(and(inArray(diagnoses.patientId, ids), inArray(diagnoses.episodeId, episodes.map((e) => e.episodeId))))
            .orderBy(diagnoses.patientId, desc(diagnoses.recordedAt))
        : [],
    // Each patient's stage in force and first continuous run, since their own episode began.
    () =>
      episodes.length
        ? tx.execute(sql`
            select v.patient_id::text as patient_id,
              (select a.programme_stage from activity_logs a
                where a.patient_id = v.patient_id and a.kind = 'run' and a.programme_stage is not null and a.local_date >= v.since
                order by a.local_date desc, a.created_at desc limit 1) as stage,
              (select min(a.local_date)::text from activity_logs a
                where a.patient_id = v.patient_id and a.kind = 'run' and a.programme_stage = ${CONTINUOUS_STAGE} and a.local_date >= v.since) as continuous_on
            from (values ${sql.join(
              episodes.map((e) => sql`(${e.patientId}::uuid, ${e.since}::date)`),
              sql`, `,
            )}) as v(patient_id, since)`)
        : { rows: [] },
    () =>
      tx
        .select({ patientId: planVersions.patientId, plan: planVersions.plan, createdAt: planVersions.createdAt })
        .from(planVersions)
        .where(inArray(planVersions.patientId, ids))
        .orderBy(planVersions.patientId, asc(planVersions.version)),
    () =>
      tx
        .select({ patientId: activityLogs.patientId, localDate: activityLogs.localDate, itemKey: activityLogs.itemKey, status: activityLogs.status })
        .from(activityLogs)
        .where(and(inArray(activityLogs.patientId, ids), eq(activityLogs.kind, "item"), gte(activityLogs.localDate, logsFrom))),
  ]);
  const rootCauseOf = new Map(diagnosisRows.map((d) => [d.patientId, d.condition]));
  const programmeOf = new Map(
    (programme as unknown as { rows: { patient_id: string; stage: number | null; continuous_on: string | null }[] }).rows.map((r) => [r.patient_id, r]),
  );
  const versionsOf = groupByPatient(versionRows);
  const itemLogsOf = groupByPatient(itemRows);
  const rows = zones.map(({ id: patientId, timeZone }) => {
    const today = todayOf.get(patientId)!;
    const recovery = recoveryOf.get(patientId) ?? null;
    // The first version runs from the plan's start, a later one from the day it was saved (as in patient-activity.ts).
    const effective = (versionsOf.get(patientId) ?? []).map((v, i) => ({ effectiveFrom: i === 0 ? (v.plan as Plan).startDate : localDate(v.createdAt, timeZone), plan: v.plan as Plan }));
    const from = addDays(today, -ADHERENCE_DAYS - 1);
    const logs = (itemLogsOf.get(patientId) ?? []).flatMap((l) =>
      l.localDate >= from && l.itemKey && l.status ? [{ localDate: l.localDate, itemKey: l.itemKey, status: l.status }] : [],
    );
    const rate = effective.length ? adherenceBefore(today, ADHERENCE_DAYS, adherenceInputFrom(effective, logs, timeZone)).overall.rate : null;
    const stage = recovery ? programmeOf.get(patientId) : undefined;
    return {
      patientId,
      episodeId: recovery?.episodeId ?? null,
      episodeStartedOn: recovery?.startedOn ?? null,
      episodeStatus: recovery?.episodeStatus ?? null,
      rootCause: (recovery && rootCauseOf.get(patientId)) ?? null,
      programmeStage: stage?.stage ?? null,
      continuousOn: stage?.continuous_on ?? null,
      baselineOdi: recovery?.baselineOdi ?? null,
      latestOdi: recovery?.latestOdi ?? null,
      baselinePain: recovery?.baselinePain ?? null,
      latestPain: recovery?.latestPain ?? null,
      adherencePercent: rate === null ? null : Math.round(rate * 1000) / 10,
      notImprovingAtWeek6: recovery ? recoveryCourse(recovery, today).notImproving : false,
      updatedAt: now,
    };
  });
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
