import "server-only";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { patientChangeMarks } from "@/db/schema/change-marks";
import { checkIns } from "@/db/schema/check-ins";
import { planVersions } from "@/db/schema/plans";
import { weeklyRunLimit } from "@/lib/domain/care-state";
import type { PatientActivity } from "@/lib/domain/progress";
import { addDays, localDate, weekStart, type LocalDate } from "@/lib/domain/schedule";
import type { ZonedCareState } from "./care-facts";
import { groupByPatient } from "./group-by-patient";

/** Weeks of history the adherence views read: the 8-week charts, which also cover the 28-day figure. */
export const HISTORY_WEEKS = 8;
/** Enough for the 28-day figure and the 7-day pain change, for lists of patients. */
export const SUMMARY_WEEKS = 5;

export interface LoadedActivity extends PatientActivity {
  today: LocalDate;
}

/**
 * Everything the adherence figures are computed from, for patients the caller has already been
 * allowed to see, in one query per table whatever the number of patients. Each patient's day,
 * time zone, whether the episode has healed and the running limit come from their state in force
 * (`states`, which the caller has read for the same request), so the figures and the state agree
 * on what "today" is. Patients without a state are left out.
 */
export async function loadPatientActivity(
  patientIds: readonly string[],
  states: ReadonlyMap<string, ZonedCareState>,
  { weeks = HISTORY_WEEKS } = {},
): Promise<Map<string, LoadedActivity>> {
  const result = new Map<string, LoadedActivity>();
  const ids = patientIds.filter((id) => states.has(id));
  if (!ids.length) return result;
  const database = await db();
  // The earliest "from" any patient needs; each patient's own window is cut by the rules.
  const earliest = addDays(weekStart(ids.map((id) => states.get(id)!.today).sort()[0]!), -7 * weeks);
  const mine = and(inArray(activityLogs.patientId, ids), gte(activityLogs.localDate, earliest));
  const [itemLogs, runs, lastLogs, pains, versions] = await Promise.all([
    // Tens of thousands of item logs over a caseload: one JSON text per patient is far quicker
    // to read than a row each.
    database
      .select({
        patientId: activityLogs.patientId,
        logs: sql<string>`json_agg(json_build_array(${activityLogs.localDate}, ${activityLogs.itemKey}, ${activityLogs.status}, ${activityLogs.skipReason}))::text`,
      })
      .from(activityLogs)
      .where(and(mine, eq(activityLogs.kind, "item")))
      .groupBy(activityLogs.patientId),
    database
      .select({ patientId: activityLogs.patientId, localDate: activityLogs.localDate, minutes: activityLogs.minutes, breaches: activityLogs.breaches })
      .from(activityLogs)
      .where(and(mine, eq(activityLogs.kind, "run"))),
    // The newest log date is kept per patient by the database (patient_change_marks), so the
    // "last log" figure never reads a patient's whole history.
    database
      .select({ patientId: patientChangeMarks.patientId, last: patientChangeMarks.lastLogDate })
      .from(patientChangeMarks)
      .where(inArray(patientChangeMarks.patientId, ids)),
    database
      .select({ patientId: checkIns.patientId, createdAt: checkIns.createdAt, pain: checkIns.painNow })
      .from(checkIns)
      .where(and(inArray(checkIns.patientId, ids), gte(checkIns.createdAt, new Date(`${earliest}T00:00:00Z`))))
      .orderBy(asc(checkIns.createdAt)),
    database
      .select({ patientId: planVersions.patientId, plan: planVersions.plan, createdAt: planVersions.createdAt })
      .from(planVersions)
      .where(inArray(planVersions.patientId, ids))
      .orderBy(asc(planVersions.version)),
  ]);
  const itemLogsOf = new Map(itemLogs.map((row) => [row.patientId, JSON.parse(row.logs) as [LocalDate, string, "done" | "skipped", string | null][]]));
  const lastLogOf = new Map(lastLogs.map((row) => [row.patientId, row.last]));
  const runsOf = groupByPatient(runs);
  const painsOf = groupByPatient(pains);
  const versionsOf = groupByPatient(versions);
  for (const id of ids) {
    const state = states.get(id)!;
    const { timeZone } = state;
    result.set(id, {
      timeZone,
      today: state.today,
      // The first version runs from the plan's start; a later one from the day it was saved.
      versions: (versionsOf.get(id) ?? []).map((v, i) => ({ effectiveFrom: i === 0 ? v.plan.startDate : localDate(v.createdAt, timeZone), plan: v.plan })),
      itemLogs: (itemLogsOf.get(id) ?? []).map(([date, itemKey, status, skipReason]) => ({ localDate: date, itemKey, status, skipReason })),
      runs: (runsOf.get(id) ?? []).map((r) => ({ localDate: r.localDate, minutes: r.minutes ?? 0, breaches: r.breaches ?? [] })),
      lastLogDate: lastLogOf.get(id) ?? null,
      healed: state.episode?.status === "healed",
      pains: (painsOf.get(id) ?? []).map((p) => ({ localDate: localDate(p.createdAt, timeZone), pain: p.pain })),
      weeklyRunLimit: weeklyRunLimit(state.permission),
    });
  }
  return result;
}

/**
 * A mark that moves whenever a log, check-in, plan version, clearance or red-flag alert of the
 * patients `ids` selects changes, or when who they are changes: read from the per-patient counters
 * the database keeps (drizzle/0017), one index row per patient. It also moves on the hour: what is
 * in force follows the calendar too (a review date passes, a week's window slides, a patient falls
 * silent), with no write to mark it, and every patient's midnight falls on some hour.
 */
export async function changeMarker(ids: ReturnType<typeof sql>): Promise<string> {
  const result = await (await db()).execute(sql`
    select to_char(now() at time zone 'UTC', 'YYYYMMDDHH24') || ':' || count(*) || ':' || coalesce(sum(m.changes), 0) || ':' || md5(coalesce(string_agg(t.id::text, ',' order by t.id), '')) as marker
    from patients t left join patient_change_marks m on m.patient_id = t.id
    where t.id in ${ids}`);
  return String((result as unknown as { rows: { marker: string | null }[] }).rows[0]?.marker ?? "");
}
