import "server-only";
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { checkIns } from "@/db/schema/check-ins";
import { patients } from "@/db/schema/patients";
import { planVersions } from "@/db/schema/plans";
import { adherenceBefore, adherenceCalendar, type DayMark } from "@/lib/domain/adherence";
import { weeklyRunLimit, type CareState } from "@/lib/domain/care-state";
import { summarizeActivity, type AdherenceSummary } from "@/lib/domain/caseload";
import { itemName } from "@/lib/domain/plan";
import { describeDose, type PlanCategory } from "@/lib/domain/plan-catalogue";
import { activityAdherenceInput, weeklyProgress, type PatientActivity, type WeekPoint } from "@/lib/domain/progress";
import { addDays, localDate, weekStart, type LocalDate } from "@/lib/domain/schedule";
import { authorizePatient, readPatient } from "./access";
import { careOf } from "./internal/care-state-cache";

/** Weeks of history the adherence views read: the 8-week charts, which also cover the 28-day figure. */
export const HISTORY_WEEKS = 8;
/** Enough for the 28-day figure and the 7-day pain change, for lists of patients. */
export const SUMMARY_WEEKS = 5;

function groupByPatient<T extends { patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.patientId);
    if (group) group.push(row);
    else groups.set(row.patientId, [row]);
  }
  return groups;
}

export interface LoadedActivity extends PatientActivity {
  today: LocalDate;
}

/**
 * Everything the adherence figures are computed from, for patients the caller has already been
 * allowed to see, in one query per table whatever the number of patients. Whether the episode
 * has healed and the running limit come from each patient's state in force (`states`).
 */
export async function loadPatientActivity(
  patientIds: readonly string[],
  states: ReadonlyMap<string, CareState>,
  { weeks = HISTORY_WEEKS, now = new Date() } = {},
): Promise<Map<string, LoadedActivity>> {
  const result = new Map<string, LoadedActivity>();
  if (!patientIds.length) return result;
  const ids = [...patientIds];
  const database = await db();
  const zones = await database.select({ id: patients.id, timeZone: patients.timeZone }).from(patients).where(inArray(patients.id, ids));
  // The earliest "from" any patient needs; each patient's own window is cut by the rules.
  const todays = new Map(zones.map((z) => [z.id, localDate(now, z.timeZone)]));
  const earliest = addDays(weekStart([...todays.values()].sort()[0]!), -7 * weeks);
  const mine = and(inArray(activityLogs.patientId, ids), gte(activityLogs.localDate, earliest));
  const [itemLogs, runs, lastLogs, pains, versions] = await Promise.all([
    // Tens of thousands of item logs over a caseload: one JSON text per patient is far quicker
    // to read than a row each.
    database
      .select({
        patientId: activityLogs.patientId,
        logs: sql<string>`json_agg(json_build_array(${activityLogs.localDate}, ${activityLogs.itemKey}, ${activityLogs.status}))::text`,
      })
      .from(activityLogs)
      .where(and(mine, eq(activityLogs.kind, "item")))
      .groupBy(activityLogs.patientId),
    database
      .select({ patientId: activityLogs.patientId, localDate: activityLogs.localDate, minutes: activityLogs.minutes, breaches: activityLogs.breaches })
      .from(activityLogs)
      .where(and(mine, eq(activityLogs.kind, "run"))),
    database
      .select({ patientId: activityLogs.patientId, last: sql<string>`max(${activityLogs.localDate})::text` })
      .from(activityLogs)
      .where(inArray(activityLogs.patientId, ids))
      .groupBy(activityLogs.patientId),
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
  const itemLogsOf = new Map(itemLogs.map((row) => [row.patientId, JSON.parse(row.logs) as [LocalDate, string, "done" | "skipped"][]]));
  const lastLogOf = new Map(lastLogs.map((row) => [row.patientId, row.last]));
  const runsOf = groupByPatient(runs);
  const painsOf = groupByPatient(pains);
  const versionsOf = groupByPatient(versions);
  for (const { id, timeZone } of zones) {
    const state = states.get(id);
    result.set(id, {
      timeZone,
      today: todays.get(id)!,
      // The first version runs from the plan's start; a later one from the day it was saved.
      versions: (versionsOf.get(id) ?? []).map((v, i) => ({ effectiveFrom: i === 0 ? v.plan.startDate : localDate(v.createdAt, timeZone), plan: v.plan })),
      itemLogs: (itemLogsOf.get(id) ?? []).map(([date, itemKey, status]) => ({ localDate: date, itemKey, status })),
      runs: (runsOf.get(id) ?? []).map((r) => ({ localDate: r.localDate, minutes: r.minutes ?? 0, breaches: r.breaches ?? [] })),
      lastLogDate: lastLogOf.get(id) ?? null,
      healed: state?.episode?.status === "healed",
      pains: (painsOf.get(id) ?? []).map((p) => ({ localDate: localDate(p.createdAt, timeZone), pain: p.pain })),
      weeklyRunLimit: state ? weeklyRunLimit(state.permission) : null,
    });
  }
  return result;
}

export interface HeatMapRow {
  key: string;
  name: string;
  category: PlanCategory;
  dose: string;
  /** Done ÷ due over the last 28 complete days; null when nothing was due. */
  rate28: number | null;
  days: { date: LocalDate; mark: DayMark }[];
}

export interface PatientAdherence {
  today: LocalDate;
  summary: AdherenceSummary;
  /** The state in force: the same alerts and permission as every other screen. */
  care: CareState;
  /** The last 28 days and today, per item of the plan. */
  heatMap: HeatMapRow[];
  weeks: WeekPoint[];
  weeklyRunLimit: number | null;
  /** See `patientAdherenceMarker`. */
  marker: string;
}

export const HEAT_MAP_DAYS = 28;

/** The figures and flags alone, for the top of the chart. */
export async function getAdherenceSummary(patientId: string): Promise<{ today: LocalDate; summary: AdherenceSummary }> {
  await readPatient(patientId, "adherence.view", { roles: ["physician", "therapist"] });
  const { state } = await careOf(patientId);
  const activity = (await loadPatientActivity([patientId], new Map([[patientId, state]]), { weeks: SUMMARY_WEEKS })).get(patientId)!;
  return { today: activity.today, summary: summarizeActivity(activity, activity.today) };
}

/** One patient's adherence, pain and running, for the chart's adherence view. */
export async function getPatientAdherence(patientId: string): Promise<PatientAdherence> {
  await readPatient(patientId, "adherence.view", { roles: ["physician", "therapist"] });
  // The marker is read first: a change landing between the two reads then shows at the next poll.
  const marker = await changeMarker(sql`(${patientId}::uuid)`);
  const { state } = await careOf(patientId);
  const activity = (await loadPatientActivity([patientId], new Map([[patientId, state]]))).get(patientId)!;
  const { today } = activity;
  const input = activityAdherenceInput(activity);
  const calendars = activity.versions.length ? adherenceCalendar({ ...input, from: addDays(today, -HEAT_MAP_DAYS), to: today, today }) : {};
  const byItem = activity.versions.length ? adherenceBefore(today, HEAT_MAP_DAYS, input).byItem : {};
  // Names and doses as the newest version that holds each item has them.
  const items = new Map(activity.versions.flatMap((v) => v.plan.items.map((i) => [i.key, i] as const)));
  return {
    today,
    summary: summarizeActivity(activity, today),
    care: state,
    heatMap: Object.entries(calendars).map(([key, calendar]) => {
      const item = items.get(key)!;
      return { key, name: itemName(item), category: calendar.category, dose: describeDose(item.dose), rate28: byItem[key]?.rate ?? null, days: calendar.days };
    }),
    weeks: weeklyProgress(activity, today, HISTORY_WEEKS),
    weeklyRunLimit: activity.weeklyRunLimit,
    marker,
  };
}

/**
 * A marker that changes when anything the adherence view shows changes, so an open page can
 * poll it cheaply and fetch (and audit) the figures only when there is something new. It
 * carries no clinical content, so reading it is not written to the audit trail.
 */
export async function patientAdherenceMarker(patientId: string): Promise<string> {
  const access = await authorizePatient(patientId, "adherence.view", { roles: ["physician", "therapist"] });
  return changeMarker(sql`(${access.patientId}::uuid)`);
}

/** The newest change to logs, check-ins, plans and clearances of the patients `ids` selects. */
export async function changeMarker(ids: ReturnType<typeof sql>): Promise<string> {
  const result = await (await db()).execute(sql`
    select concat_ws('/',
      -- The count catches a new log whose time sorts before the newest (seeded or clock skew);
      -- next-morning pain is written into an existing run.
      (select max(created_at) || ':' || count(*) || ':' || count(morning_pain) from activity_logs where patient_id in ${ids}),
      (select max(created_at) from check_ins where patient_id in ${ids}),
      (select max(created_at) from plan_versions where patient_id in ${ids}),
      (select max(signed_at) from clearances where patient_id in ${ids}),
      (select max(greatest(raised_at, acknowledged_at, resolved_at)) || ':' || count(*) from red_flag_alerts where patient_id in ${ids})
    ) as marker`);
  return String((result as unknown as { rows: { marker: string | null }[] }).rows[0]?.marker ?? "");
}
