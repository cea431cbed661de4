import "server-only";
import { sql } from "drizzle-orm";
import { adherenceBefore, adherenceCalendar, type CalendarDay } from "@/lib/domain/adherence";
import type { CareState } from "@/lib/domain/care-state";
import { summarizeActivity, type AdherenceSummary } from "@/lib/domain/caseload";
import { itemName } from "@/lib/domain/plan";
import { describeDose, type PlanCategory } from "@/lib/domain/plan-catalogue";
import { activityAdherenceInput, weeklyProgress, type WeekPoint } from "@/lib/domain/progress";
import { addDays, type LocalDate } from "@/lib/domain/schedule";
import { authorizePatient, readPatient } from "./internal/access";
import { careOf } from "./internal/care-state-cache";
import { changeMarker, HISTORY_WEEKS, loadPatientActivity, SUMMARY_WEEKS } from "./internal/patient-activity";

export interface HeatMapRow {
  key: string;
  name: string;
  category: PlanCategory;
  dose: string;
  /** Done ÷ due over the last 28 complete days; null when nothing was due. */
  rate28: number | null;
  days: CalendarDay[];
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

