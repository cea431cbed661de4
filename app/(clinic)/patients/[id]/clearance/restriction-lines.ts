import type { Restrictions } from "@/lib/domain/clearance";

/** The limits of a restricted clearance, one short line each, as the clinician set them. */
export function restrictionLines(r: Restrictions): string[] {
  const lines: string[] = [];
  if (r.maxRunMinutes !== null) lines.push(`Longest run: ${r.maxRunMinutes} min`);
  if (r.runsPerWeek !== null) lines.push(`Runs per week: ${r.runsPerWeek}`);
  if (r.weeklyDistanceKm !== null) lines.push(`Weekly distance: ${r.weeklyDistanceKm} km`);
  if (r.maxEffortRpe !== null) lines.push(`Highest effort: RPE ${r.maxEffortRpe}/10`);
  if (r.painCeiling !== null) lines.push(`Pain ceiling: ${r.painCeiling}/10`);
  if (r.flatGroundOnly) lines.push("Flat ground only");
  if (r.noSpeedWork) lines.push("No speed work");
  if (r.notes !== "") lines.push(`Notes: ${r.notes}`);
  return lines;
}
