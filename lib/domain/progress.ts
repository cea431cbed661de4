import { adherence, type ActivityLog, type AdherenceInput, type PlanVersionSchedule } from "./adherence";
import type { Plan } from "./plan";
import { catalogueEntry, doseCadence } from "./plan-catalogue";
import { addDays, weekStart, type LocalDate } from "./schedule";

/**
 * The daily log takes one tick per prescribed time: an item due 3 times a day is done that day
 * after three "done" ticks, and each tick is one session of adherence (lib/domain/adherence.ts).
 * Running is left out: runs are judged against the clearance, not ticked.
 */
export function adherenceInputFrom(
  versions: readonly { effectiveFrom: LocalDate; plan: Plan }[],
  logs: readonly { localDate: LocalDate; itemKey: string; status: "done" | "skipped"; skipReason?: string | null }[],
  timeZone: string,
): AdherenceInput {
  const schedules: PlanVersionSchedule[] = versions.map(({ effectiveFrom, plan }) => ({
    effectiveFrom,
    items: plan.items.flatMap((item) => {
      const cadence = doseCadence(item.dose);
      if (!cadence || item.dose.kind === "running") return [];
      return [{ key: item.key, category: catalogueEntry(item.catalogueId).category, schedule: { timesPerDay: cadence.timesPerDay, daysPerWeek: cadence.daysPerWeek, startDate: plan.startDate } }];
    }),
  }));
  const entries: ActivityLog[] = logs.map((l) => ({ itemKey: l.itemKey, status: l.status, localDate: l.localDate, ...(l.skipReason ? { reason: l.skipReason } : {}) }));
  return { versions: schedules, logs: entries, timeZone };
}

/** What a patient logged and reported, as the adherence, caseload and progress views read it. */
export interface PatientActivity {
  timeZone: string;
  /** Plan versions, oldest first, each with the local date it took effect. */
  versions: { effectiveFrom: LocalDate; plan: Plan }[];
  itemLogs: { localDate: LocalDate; itemKey: string; status: "done" | "skipped"; skipReason?: string | null }[];
  runs: { localDate: LocalDate; minutes: number; breaches: string[] }[];
  /** The newest date anything was logged for, however long ago. */
  lastLogDate: LocalDate | null;
  /** The latest episode has healed: there is no plan to follow any more. */
  healed: boolean;
  /** Pain now (0–10) from check-ins, oldest first. */
  pains: { localDate: LocalDate; pain: number }[];
  /** Longest run × runs a week the current clearance allows; null when it sets no such limit. */
  weeklyRunLimit: number | null;
}

export function activityAdherenceInput(activity: PatientActivity): AdherenceInput {
  return adherenceInputFrom(activity.versions, activity.itemLogs, activity.timeZone);
}

export interface WeekPoint {
  week: LocalDate;
  adherencePercent: number | null;
  /** Mean pain of the week's check-ins; null without one. */
  pain: number | null;
  runMinutes: number;
}

const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : Math.round(rate * 100));

/** Monday–Sunday weeks, the last one holding `today`: plan done, pain and running minutes each. */
export function weeklyProgress(activity: PatientActivity, today: LocalDate, weeks: number): WeekPoint[] {
  const from = addDays(weekStart(today), -7 * (weeks - 1));
  const report = activity.versions.length ? adherence({ ...activityAdherenceInput(activity), from, to: today }) : null;
  return Array.from({ length: weeks }, (_, i) => {
    const week = addDays(from, 7 * i);
    const pains = activity.pains.filter((p) => weekStart(p.localDate) === week).map((p) => p.pain);
    return {
      week,
      adherencePercent: percent(report?.byWeek.find((w) => w.weekStart === week)?.rate),
      pain: pains.length ? Math.round((pains.reduce((a, b) => a + b, 0) / pains.length) * 10) / 10 : null,
      runMinutes: activity.runs.filter((r) => weekStart(r.localDate) === week).reduce((sum, r) => sum + r.minutes, 0),
    };
  });
}
