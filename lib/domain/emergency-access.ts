/**
 * Break-glass limits (issue 12, point 7). A physician may ask for emergency access at most
 * EMERGENCY_REQUESTS_PER_HOUR times in any 60 minutes, whether the MRN and date of birth matched
 * or not: enough for a night on call, far too few to find charts by guessing MRNs.
 */
export const EMERGENCY_REQUESTS_PER_HOUR = 5;
const HOUR_MS = 60 * 60_000;

/** When the next request is allowed, given the times of earlier ones; null = now. */
export function nextEmergencyRequestAt(earlier: readonly Date[], now: Date): Date | null {
  const recent = earlier.filter((t) => now.getTime() - t.getTime() < HOUR_MS).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < EMERGENCY_REQUESTS_PER_HOUR) return null;
  // The oldest request that must leave the hour for one more to fit.
  return new Date(recent[recent.length - EMERGENCY_REQUESTS_PER_HOUR]!.getTime() + HOUR_MS);
}

/** How long emergency access shows on the care team's patient list after it was granted. */
export const EMERGENCY_NOTICE_DAYS = 7;
