/**
 * Growing delays after repeated failed sign-ins (OWASP Authentication Cheat Sheet, "Login
 * throttling"). Failures are counted over a 15-minute window, per account and per address.
 * An address gets more room than an account: a clinic's staff may share one public address.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const ACCOUNT_FREE_FAILURES = 5;
export const ADDRESS_FREE_FAILURES = 20;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;

/** Seconds to wait after the last failure, given the failures in the window. */
export function throttleDelaySeconds(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - freeFailures), MAX_DELAY_SECONDS);
}

/** Seconds until another attempt is allowed (0 = now). */
export function secondsUntilAllowed(failures: number, freeFailures: number, lastFailureAt: Date | null, now: Date): number {
  if (!lastFailureAt) return 0;
  const until = lastFailureAt.getTime() + throttleDelaySeconds(failures, freeFailures) * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}
