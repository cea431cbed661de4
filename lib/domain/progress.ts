import type { ActivityLog, AdherenceInput, PlanVersionSchedule } from "./adherence";
import type { Plan } from "./plan";
import { catalogueEntry, doseCadence } from "./plan-catalogue";
import type { LocalDate } from "./schedule";

/**
 * The daily log records each plan item once a day, done or skipped, so adherence is counted in
 * days: an item due on a day (by its days a week) is done when the patient ticked it that day.
 * Running is left out: runs are judged against the clearance, not ticked.
 */
export function adherenceInputFrom(
  versions: readonly { effectiveFrom: LocalDate; plan: Plan }[],
  logs: readonly { localDate: LocalDate; itemKey: string; status: "done" | "skipped" }[],
  timeZone: string,
): AdherenceInput {
  const schedules: PlanVersionSchedule[] = versions.map(({ effectiveFrom, plan }) => ({
    effectiveFrom,
    items: plan.items.flatMap((item) => {
      const cadence = doseCadence(item.dose);
      if (!cadence || item.dose.kind === "running") return [];
      return [{ key: item.key, category: catalogueEntry(item.catalogueId).category, schedule: { timesPerDay: 1, daysPerWeek: cadence.daysPerWeek, startDate: plan.startDate } }];
    }),
  }));
  // Noon UTC falls on the same calendar day in every zone the clinic's patients live in (UTC−10 to UTC+10).
  const entries: ActivityLog[] = logs.map((l) => ({ itemKey: l.itemKey, status: l.status, occurredAt: new Date(`${l.localDate}T12:00:00Z`) }));
  return { versions: schedules, logs: entries, timeZone };
}
