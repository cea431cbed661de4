import type { Restrictions } from "@/lib/domain/clearance";
import type { Permission } from "@/lib/domain/care-state";
import { weekStart, type LocalDate } from "@/lib/domain/schedule";

/**
 * A logged run checked against the permission in force (lib/domain/care-state.ts; DOMAIN §1
 * step 2, §6).
 *
 * Limits are inclusive: a run exactly at a limit is within it. Only a clearance with limits
 * carries any; a full clearance and a healed runner's return to training have none, and while no
 * clearance is in force no running is allowed at all. Effort (RPE) and pain are the 0–10 scales
 * the clearance uses; a pain left blank is not checked against the ceiling. The log records
 * neither terrain nor pace, so `flatGroundOnly` and `noSpeedWork` are shown to the patient as
 * advice and cannot be checked here.
 */

/** The clearance's limits that bear on a run; a whole `Restrictions` record fits. */
export type RunRestrictions = Omit<Restrictions, "notes">;

export interface LoggedRun {
  minutes: number;
  distanceKm: number;
  rpe: number;
  painDuring: number | null;
  date: LocalDate;
}

/** The other runs already logged in the same Monday–Sunday week, not counting the one checked. */
export interface WeekSoFar {
  runs: number;
  distanceKm: number;
}

export type BreachCode = "not_cleared" | "too_long" | "too_hard" | "pain_above_ceiling" | "too_many_runs" | "weekly_distance";

export interface RunBreach {
  code: BreachCode;
  patientMessage: string;
  clinicianMessage: string;
}

// Distances arrive as decimals, and 0.1 + 0.2 must not read as over a 0.3 km limit.
const KM_TOLERANCE = 1e-6;

function km(value: number): string {
  return `${Number(value.toFixed(1))} km`;
}

/**
 * `whyNot` is what the patient reads when no clearance is in force (from
 * lib/domain/permission-wording.ts), so the breach says why, not only that.
 */
export function checkRunAgainstClearance(run: LoggedRun, permission: Permission, weekSoFar: WeekSoFar, whyNot = "You are not cleared to run at the moment."): RunBreach[] {
  if (permission.status === "paused") {
    return [
      {
        code: "not_cleared",
        patientMessage: `${whyNot} Please do not run until your doctor clears you. This run is saved and your care team can see it.`,
        clinicianMessage: `Run logged on ${run.date} while no clearance was in force.`,
      },
    ];
  }
  const limits: RunRestrictions | null = permission.status === "cleared" ? permission.restrictions : null;
  if (!limits) return [];

  const breaches: RunBreach[] = [];
  if (limits.maxRunMinutes !== null && run.minutes > limits.maxRunMinutes) {
    breaches.push({
      code: "too_long",
      patientMessage:
        `This run lasted ${run.minutes} minutes and your limit is ${limits.maxRunMinutes} minutes. ` +
        `Keep your next runs to ${limits.maxRunMinutes} minutes or less.`,
      clinicianMessage: `Run of ${run.minutes} min over the ${limits.maxRunMinutes} min limit per run.`,
    });
  }
  if (limits.maxEffortRpe !== null && run.rpe > limits.maxEffortRpe) {
    breaches.push({
      code: "too_hard",
      patientMessage:
        `You rated this run ${run.rpe} out of 10 for effort and your limit is ${limits.maxEffortRpe}. ` +
        "Slow down next time: you should be able to talk in full sentences.",
      clinicianMessage: `Effort RPE ${run.rpe}/10 over the ${limits.maxEffortRpe}/10 limit.`,
    });
  }
  if (limits.painCeiling !== null && run.painDuring !== null && run.painDuring > limits.painCeiling) {
    breaches.push({
      code: "pain_above_ceiling",
      patientMessage:
        `Your pain reached ${run.painDuring} out of 10 during this run and your limit is ${limits.painCeiling}. ` +
        `Next time, stop and walk when the pain goes above ${limits.painCeiling}. If it has not settled by tomorrow ` +
        "morning, or you notice new numbness or weakness, contact your care team.",
      clinicianMessage: `Pain during run ${run.painDuring}/10 over the ${limits.painCeiling}/10 ceiling.`,
    });
  }
  const runsThisWeek = weekSoFar.runs + 1;
  if (limits.runsPerWeek !== null && runsThisWeek > limits.runsPerWeek) {
    breaches.push({
      code: "too_many_runs",
      patientMessage:
        `This is run ${runsThisWeek} this week and your limit is ${limits.runsPerWeek} a week. ` +
        "Rest or walk instead of running for the rest of the week.",
      clinicianMessage: `Run ${runsThisWeek} in the week of ${weekStart(run.date)}, over the ${limits.runsPerWeek} runs a week limit.`,
    });
  }
  const distanceThisWeek = weekSoFar.distanceKm + run.distanceKm;
  if (limits.weeklyDistanceKm !== null && distanceThisWeek > limits.weeklyDistanceKm + KM_TOLERANCE) {
    breaches.push({
      code: "weekly_distance",
      patientMessage:
        `You have run ${km(distanceThisWeek)} this week and your limit is ${km(limits.weeklyDistanceKm)}. ` +
        "Rest from running until next Monday.",
      clinicianMessage: `${km(distanceThisWeek)} in the week of ${weekStart(run.date)}, over the ${km(limits.weeklyDistanceKm)} weekly limit.`,
    });
  }
  return breaches;
}

/** Sums the other runs that fall in the same Monday–Sunday week as `date`. */
export function weekSoFarFor(date: LocalDate, otherRuns: ReadonlyArray<{ date: LocalDate; distanceKm: number }>): WeekSoFar {
  const week = weekStart(date);
  const sameWeek = otherRuns.filter((run) => weekStart(run.date) === week);
  return { runs: sameWeek.length, distanceKm: sameWeek.reduce((sum, run) => sum + run.distanceKm, 0) };
}
