// No "server-only" marker: the seed and `npm run outcomes:rebuild` load this outside Next.js
// (tsx). It checks nothing and takes the caller's transaction; ESLint keeps lib/dal/internal out
// of app code.
import { readTogether } from "./read-together";
import { and, asc, desc, eq, gte, isNotNull, min } from "drizzle-orm";
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
import { loadRecoveryFacts } from "./recovery-facts";

/** The last stage of the walk/run programme: continuous running (DOMAIN.md §6). */
export const CONTINUOUS_STAGE = walkRunStages.length;
export const ADHERENCE_DAYS = 28;

/**
 * Recomputes one patient's row of the outcomes aggregate (db/schema/outcomes.ts) from bounded
 * reads, inside the caller's transaction: `withPatientLocked` calls it after every locked write.
 * Checks nothing (internal): the write that called it authorized.
 */
export async function refreshPatientOutcomes(tx: Tx, patientId: string, now = new Date()): Promise<void> {
  const [patient] = await tx.select({ id: patients.id, timeZone: patients.timeZone }).from(patients).where(eq(patients.id, patientId));
  if (!patient) return;
  const today = localDate(now, patient.timeZone);
  const recovery = (await loadRecoveryFacts(tx, [patient])).get(patientId) ?? null;
  const since = recovery?.startedOn ?? null;
  const programmeRuns = and(eq(activityLogs.patientId, patientId), eq(activityLogs.kind, "run"), isNotNull(activityLogs.programmeStage));
  const [diagnosis, latestRun, continuous, versions, itemLogs] = await readTogether(tx, [
    () => recovery
      ? tx
          .select({ condition: diagnoses.condition })
          .from(diagnoses)
          .where(and(eq(diagnoses.patientId, patientId), eq(diagnoses.episodeId, recovery.episodeId)))
          .orderBy(desc(diagnoses.recordedAt))
          .limit(1)
      : [],
    () => since
      ? tx
          .select({ stage: activityLogs.programmeStage })
          .from(activityLogs)
          .where(and(programmeRuns, gte(activityLogs.localDate, since)))
          .orderBy(desc(activityLogs.localDate), desc(activityLogs.createdAt))
          .limit(1)
      : [],
    () => since
      ? tx
          .select({ first: min(activityLogs.localDate) })
          .from(activityLogs)
          .where(and(programmeRuns, eq(activityLogs.programmeStage, CONTINUOUS_STAGE), gte(activityLogs.localDate, since)))
      : [],
    () => tx.select({ plan: planVersions.plan, createdAt: planVersions.createdAt }).from(planVersions).where(eq(planVersions.patientId, patientId)).orderBy(asc(planVersions.version)),
    () => tx
      .select({ localDate: activityLogs.localDate, itemKey: activityLogs.itemKey, status: activityLogs.status })
      .from(activityLogs)
      .where(and(eq(activityLogs.patientId, patientId), eq(activityLogs.kind, "item"), gte(activityLogs.localDate, addDays(today, -ADHERENCE_DAYS - 1)))),
  ]);
  // The first version runs from the plan's start, a later one from the day it was saved (as in patient-activity.ts).
  const effective = versions.map((v, i) => ({ effectiveFrom: i === 0 ? (v.plan as Plan).startDate : localDate(v.createdAt, patient.timeZone), plan: v.plan as Plan }));
  const logs = itemLogs.flatMap((l) => (l.itemKey && l.status ? [{ localDate: l.localDate, itemKey: l.itemKey, status: l.status }] : []));
  const rate = effective.length ? adherenceBefore(today, ADHERENCE_DAYS, adherenceInputFrom(effective, logs, patient.timeZone)).overall.rate : null;
  const row = {
    episodeId: recovery?.episodeId ?? null,
    episodeStartedOn: recovery?.startedOn ?? null,
    episodeStatus: recovery?.episodeStatus ?? null,
    rootCause: diagnosis[0]?.condition ?? null,
    programmeStage: latestRun[0]?.stage ?? null,
    continuousOn: continuous[0]?.first ?? null,
    baselineOdi: recovery?.baselineOdi ?? null,
    latestOdi: recovery?.latestOdi ?? null,
    baselinePain: recovery?.baselinePain ?? null,
    latestPain: recovery?.latestPain ?? null,
    adherencePercent: rate === null ? null : Math.round(rate * 1000) / 10,
    notImprovingAtWeek6: recovery ? recoveryCourse(recovery, today).notImproving : false,
    updatedAt: now,
  };
  await tx.insert(patientOutcomes).values({ patientId, ...row }).onConflictDoUpdate({ target: patientOutcomes.patientId, set: row });
}

/** Recomputes every patient's row inside one transaction: the demo seed's last step. */
export async function rebuildPatientOutcomesIn(tx: Tx, now = new Date()): Promise<number> {
  const ids = await tx.select({ id: patients.id }).from(patients);
  for (const { id } of ids) await refreshPatientOutcomes(tx, id, now);
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
