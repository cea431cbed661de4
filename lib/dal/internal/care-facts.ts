import "server-only";
import { and, desc, eq, gte, inArray, isNull, max, sql } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { checkIns } from "@/db/schema/check-ins";
import { clearances } from "@/db/schema/clearance";
import { clinicSettings } from "@/db/schema/clinic-settings";
import { episodes } from "@/db/schema/episodes";
import { patients } from "@/db/schema/patients";
import { planVersions } from "@/db/schema/plans";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { careState, RECENT_DAYS, type CareFacts, type CareState } from "@/lib/domain/care-state";
import { DEFAULT_CLINIC_SETTINGS } from "@/lib/domain/clinic-settings";
import type { Plan } from "@/lib/domain/plan";
import { isRedFlagId } from "@/lib/domain/red-flags";
import { addDays, localDate, type LocalDate } from "@/lib/domain/schedule";
import { refreshPatientOutcomes } from "./patient-outcomes";
import { loadProgrammeFacts } from "./programme-facts";
import { readTogether } from "./read-together";
import { loadRecoveryFacts } from "./recovery-facts";

/** An open transaction, or the database itself. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Tx;

/**
 * Loads what `careState` is derived from (lib/domain/care-state.ts), for patients the caller has
 * already been allowed to see: a fixed number of queries whatever the number of patients. It
 * checks nothing: DAL functions authorize first (the name of this folder says so).
 */

export interface LoadedCareFacts extends CareFacts {
  patientId: string;
  timeZone: string;
  /** For the rules that weigh age (the plan's medicine guardrails), read with the time zone. */
  dateOfBirth: string;
}

/** How far back runs are read: the alert window, plus the three days next-morning pain may come late. */
const RUN_DAYS = RECENT_DAYS + 3;

export async function loadCareFacts(executor: Executor, patientIds: readonly string[], now = new Date()): Promise<Map<string, LoadedCareFacts>> {
  const out = new Map<string, LoadedCareFacts>();
  if (!patientIds.length) return out;
  const ids = [...new Set(patientIds)];
  // Each patient's time zone sets their today, which bounds the reads below; the clinic's grace
  // days for a passed review come with them (one round trip, not two).
  const zones = await executor
    .select({
      id: patients.id,
      timeZone: patients.timeZone,
      dateOfBirth: patients.dateOfBirth,
      graceDays: sql<number | null>`(select ${clinicSettings.reviewGraceDays} from ${clinicSettings} where ${clinicSettings.id} = 1)`,
    })
    .from(patients)
    .where(inArray(patients.id, ids));
  if (!zones.length) return out;
  const todays = new Map(zones.map((z) => [z.id, localDate(now, z.timeZone)]));
  const earliest: LocalDate = addDays([...todays.values()].sort()[0]!, -RUN_DAYS);
  const [episodeRows, clearanceRows, openFlags, latestFlagSeqs, planRows, runRows, checkInRows] = await readTogether(executor, [
    () => executor
      .selectDistinctOn([episodes.patientId], {
        patientId: episodes.patientId,
        id: episodes.id,
        status: episodes.status,
        // Qualified by hand: drizzle leaves a single-table select's columns unqualified.
        reopenedSeq: sql<string | null>`(select max(ee.seq) from episode_events ee where ee.episode_id = "episodes"."id" and ee.kind = 'reopened')`,
      })
      .from(episodes)
      .where(inArray(episodes.patientId, ids))
      .orderBy(episodes.patientId, desc(episodes.openedAt), desc(episodes.createdAt)),
    () => executor
      .selectDistinctOn([clearances.patientId], {
        patientId: clearances.patientId,
        version: clearances.version,
        level: clearances.level,
        restrictions: clearances.restrictions,
        reviewDate: clearances.reviewDate,
        episodeId: clearances.episodeId,
        seq: clearances.seq,
        withdrawn: clearances.withdrawn,
      })
      .from(clearances)
      .where(inArray(clearances.patientId, ids))
      .orderBy(clearances.patientId, desc(clearances.version)),
    () => executor
      .select({
        patientId: redFlagAlerts.patientId,
        id: redFlagAlerts.id,
        flags: redFlagAlerts.flags,
        seq: redFlagAlerts.seq,
        raisedAt: redFlagAlerts.raisedAt,
        source: redFlagAlerts.source,
        acknowledgedAt: redFlagAlerts.acknowledgedAt,
      })
      .from(redFlagAlerts)
      .where(and(inArray(redFlagAlerts.patientId, ids), isNull(redFlagAlerts.resolvedAt))),
    () => executor
      .select({ patientId: redFlagAlerts.patientId, seq: max(redFlagAlerts.seq) })
      .from(redFlagAlerts)
      .where(inArray(redFlagAlerts.patientId, ids))
      .groupBy(redFlagAlerts.patientId),
    () => executor
      .selectDistinctOn([planVersions.patientId], { patientId: planVersions.patientId, plan: planVersions.plan })
      .from(planVersions)
      .where(inArray(planVersions.patientId, ids))
      .orderBy(planVersions.patientId, desc(planVersions.version)),
    () => executor
      .select({
        patientId: activityLogs.patientId,
        id: activityLogs.id,
        localDate: activityLogs.localDate,
        painBefore: activityLogs.painBefore,
        painDuring: activityLogs.painDuring,
        painAfter: activityLogs.painAfter,
        morningPain: activityLogs.morningPain,
        newNumbnessOrWeakness: activityLogs.newNumbnessOrWeakness,
        breaches: activityLogs.breaches,
      })
      .from(activityLogs)
      .where(and(inArray(activityLogs.patientId, ids), eq(activityLogs.kind, "run"), gte(activityLogs.localDate, earliest))),
    () => executor
      .select({ patientId: checkIns.patientId, createdAt: checkIns.createdAt, painNow: checkIns.painNow, neuroWorse: checkIns.neuroWorse })
      .from(checkIns)
      .where(and(inArray(checkIns.patientId, ids), gte(checkIns.createdAt, new Date(`${addDays(earliest, -1)}T00:00:00Z`))))
      .orderBy(checkIns.createdAt),
  ]);
  // One clinic's setting, the same on every row.
  const graceDays = zones[0]!.graceDays;
  const reviewGraceDays = graceDays === null ? DEFAULT_CLINIC_SETTINGS.reviewGraceDays : Number(graceDays);
  const episodeOf = new Map(episodeRows.map((e) => [e.patientId, e]));
  const clearanceOf = new Map(clearanceRows.map((c) => [c.patientId, c]));
  const latestFlagSeqOf = new Map(latestFlagSeqs.map((r) => [r.patientId, r.seq === null ? null : Number(r.seq)]));
  const planOf = new Map(planRows.map((p) => [p.patientId, p.plan as Plan]));
  for (const { id, timeZone, dateOfBirth } of zones) {
    const today = todays.get(id)!;
    const episode = episodeOf.get(id);
    const clearance = clearanceOf.get(id);
    out.set(id, {
      patientId: id,
      timeZone,
      dateOfBirth,
      today,
      reviewGraceDays,
      episode: episode ? { id: episode.id, status: episode.status, reopenedSeq: episode.reopenedSeq === null ? null : Number(episode.reopenedSeq) } : null,
      clearance: clearance
        ? {
            version: clearance.version,
            level: clearance.level,
            restrictions: clearance.restrictions,
            reviewDate: clearance.reviewDate,
            episodeId: clearance.episodeId,
            seq: Number(clearance.seq),
            withdrawn: clearance.withdrawn,
          }
        : null,
      redFlags: openFlags
        .filter((f) => f.patientId === id)
        .map((f) => ({
          id: f.id,
          flags: f.flags.filter(isRedFlagId),
          seq: Number(f.seq),
          raisedAt: f.raisedAt,
          source: f.source,
          acknowledged: f.acknowledgedAt !== null,
          resolved: false,
        })),
      latestRedFlagSeq: latestFlagSeqOf.get(id) ?? null,
      plan: planOf.get(id) ?? null,
      runs: runRows
        .filter((r) => r.patientId === id && r.localDate > addDays(today, -RUN_DAYS))
        .map((r) => ({ ...r, breaches: r.breaches ?? [] }))
        .sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0)),
      checkIns: checkInRows.filter((c) => c.patientId === id).map((c) => ({ localDate: localDate(c.createdAt, timeZone), painNow: c.painNow, neuroWorse: c.neuroWorse })),
    });
  }
  // Recovery against the usual course (issue 13 part 4): one more query for any number of patients.
  const [recoveryOf, programmeOf] = await readTogether(executor, [() => loadRecoveryFacts(executor, zones), () => loadProgrammeFacts(executor, zones)]);
  for (const [id, facts] of out) facts.recovery = recoveryOf.get(id) ?? null;
  // The walk/run programme and the return to training after healing (lib/domain/walk-run.ts).
  for (const [id, facts] of out) Object.assign(facts, programmeOf.get(id) ?? {});
  return out;
}

/** A patient's state in force with the time zone their day is counted in. */
export type ZonedCareState = CareState & { timeZone: string };

/** The state in force for patients the caller may see. */
export async function loadCareStates(patientIds: readonly string[], executor?: Executor): Promise<Map<string, ZonedCareState>> {
  const facts = await loadCareFacts(executor ?? (await db()), patientIds);
  return new Map([...facts].map(([id, f]) => [id, { ...careState(f), timeZone: f.timeZone }]));
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
