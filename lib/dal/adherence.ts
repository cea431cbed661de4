import "server-only";
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { checkIns } from "@/db/schema/check-ins";
import { clearances } from "@/db/schema/clearance";
import { patients } from "@/db/schema/patients";
import { planVersions } from "@/db/schema/plans";
import { adherence, adherenceCalendar, type DayMark } from "@/lib/domain/adherence";
import { summarizeActivity, type AdherenceSummary } from "@/lib/domain/caseload";
import { itemName } from "@/lib/domain/plan";
import { describeDose, type PlanCategory } from "@/lib/domain/plan-catalogue";
import { activityAdherenceInput, weeklyProgress, type PatientActivity, type WeekPoint } from "@/lib/domain/progress";
import { addDays, localDate, weekStart, type LocalDate } from "@/lib/domain/schedule";
import { authorizePatient, readPatient } from "./access";

/** Weeks of history the adherence views read: the 8-week charts, which also cover the 28-day figure. */
export const HISTORY_WEEKS = 8;

export interface LoadedActivity extends PatientActivity {
  today: LocalDate;
}

/**
 * Everything the adherence figures are computed from, for patients the caller has already been
 * allowed to see, in one query per table whatever the number of patients.
 */
export async function loadPatientActivity(patientIds: readonly string[], now = new Date()): Promise<Map<string, LoadedActivity>> {
  const result = new Map<string, LoadedActivity>();
  if (!patientIds.length) return result;
  const ids = [...patientIds];
  const database = await db();
  const zones = await database.select({ id: patients.id, timeZone: patients.timeZone }).from(patients).where(inArray(patients.id, ids));
  // The earliest "from" any patient needs; each patient's own window is cut below.
  const todays = new Map(zones.map((z) => [z.id, localDate(now, z.timeZone)]));
  const earliest = addDays(weekStart([...todays.values()].sort()[0]!), -7 * HISTORY_WEEKS);
  const [logs, pains, versions, latestClearances] = await Promise.all([
    database
      .select({ patientId: activityLogs.patientId, kind: activityLogs.kind, localDate: activityLogs.localDate, itemKey: activityLogs.itemKey, status: activityLogs.status, minutes: activityLogs.minutes, breaches: activityLogs.breaches })
      .from(activityLogs)
      .where(and(inArray(activityLogs.patientId, ids), gte(activityLogs.localDate, earliest))),
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
    database
      .selectDistinctOn([clearances.patientId], { patientId: clearances.patientId, level: clearances.level, restrictions: clearances.restrictions })
      .from(clearances)
      .where(inArray(clearances.patientId, ids))
      .orderBy(clearances.patientId, desc(clearances.version)),
  ]);
  for (const { id, timeZone } of zones) {
    const clearance = latestClearances.find((c) => c.patientId === id);
    const limits = clearance?.level === "restricted" ? clearance.restrictions : null;
    const mine = logs.filter((l) => l.patientId === id);
    result.set(id, {
      timeZone,
      today: todays.get(id)!,
      // The first version runs from the plan's start; a later one from the day it was saved.
      versions: versions.filter((v) => v.patientId === id).map((v, i) => ({ effectiveFrom: i === 0 ? v.plan.startDate : localDate(v.createdAt, timeZone), plan: v.plan })),
      itemLogs: mine.flatMap((l) => (l.kind === "item" && l.itemKey && l.status ? [{ localDate: l.localDate, itemKey: l.itemKey, status: l.status }] : [])),
      runs: mine.flatMap((l) => (l.kind === "run" ? [{ localDate: l.localDate, minutes: l.minutes ?? 0, breaches: l.breaches ?? [] }] : [])),
      pains: pains.filter((p) => p.patientId === id).map((p) => ({ localDate: localDate(p.createdAt, timeZone), pain: p.pain })),
      weeklyRunLimit: limits?.maxRunMinutes && limits.runsPerWeek ? limits.maxRunMinutes * limits.runsPerWeek : null,
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
  /** The last 28 days and today, per item of the plan. */
  heatMap: HeatMapRow[];
  weeks: WeekPoint[];
  weeklyRunLimit: number | null;
  /** See `patientAdherenceMarker`. */
  marker: string;
}

export const HEAT_MAP_DAYS = 28;

/** One patient's adherence, pain and running, for the chart's adherence view. */
export async function getPatientAdherence(patientId: string): Promise<PatientAdherence> {
  await readPatient(patientId, "adherence.view", { roles: ["physician", "therapist"] });
  // The marker is read first: a change landing between the two reads then shows at the next poll.
  const marker = await changeMarker(sql`(${patientId}::uuid)`);
  const activity = (await loadPatientActivity([patientId])).get(patientId)!;
  const { today } = activity;
  const input = activityAdherenceInput(activity);
  const calendars = activity.versions.length ? adherenceCalendar({ ...input, from: addDays(today, -HEAT_MAP_DAYS), to: today, today }) : {};
  const byItem = activity.versions.length ? adherence({ ...input, from: addDays(today, -HEAT_MAP_DAYS), to: addDays(today, -1) }).byItem : {};
  // Names and doses as the newest version that holds each item has them.
  const items = new Map(activity.versions.flatMap((v) => v.plan.items.map((i) => [i.key, i] as const)));
  return {
    today,
    summary: summarizeActivity(activity, today),
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
      (select max(created_at) || ':' || count(*) from activity_logs where patient_id in ${ids}),
      (select count(*) from activity_logs where patient_id in ${ids} and morning_pain is not null),
      (select max(created_at) from check_ins where patient_id in ${ids}),
      (select max(created_at) from plan_versions where patient_id in ${ids}),
      (select max(signed_at) from clearances where patient_id in ${ids}),
      (select max(greatest(raised_at, acknowledged_at, resolved_at)) || ':' || count(*) from red_flag_alerts where patient_id in ${ids})
    ) as marker`);
  return String((result as unknown as { rows: { marker: string | null }[] }).rows[0]?.marker ?? "");
}
