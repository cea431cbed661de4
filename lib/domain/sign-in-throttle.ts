/**
 * Growing delays after repeated failed sign-ins (OWASP Authentication Cheat Sheet, "Login
 * throttling"), counted over a 15-minute window. A password change, a second factor and any other
 * re-authentication count as attempts too.
 *
 * Lockout is per account *and address*: a stranger typing wrong passwords from elsewhere delays
 * only their own address, not the clinician at their workstation. Two wider ceilings stop spreading
 * the guesses out: one account from every address together, and one address across every account
 * (higher, since a clinic's staff may share one public address).
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const PAIR_FREE_FAILURES = 5;
export const ACCOUNT_FREE_FAILURES = 50;
export const ADDRESS_FREE_FAILURES = 20;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 15 * 60;

export interface FailureCount {
  failures: number;
  lastFailureAt: Date | null;
}

/** Failures in the window: for this account from this address, for this account, for this address. */
export interface AttemptHistory {
  pair: FailureCount;
  account: FailureCount;
  address: FailureCount;
}

/** Seconds to wait after the last failure, given the failures in the window. */
export function throttleDelaySeconds(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(FIRST_DELAY_SECONDS * 2 ** (failures - freeFailures), MAX_DELAY_SECONDS);
}

/** Seconds until one counter allows another attempt (0 = now). */
export function secondsUntilAllowed(count: FailureCount, freeFailures: number, now: Date): number {
  if (!count.lastFailureAt) return 0;
  const until = count.lastFailureAt.getTime() + throttleDelaySeconds(count.failures, freeFailures) * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** Seconds until the next attempt for this account from this address is allowed (0 = now). */
export function secondsBeforeAttempt(history: AttemptHistory, now: Date): number {
  return Math.max(
    secondsUntilAllowed(history.pair, PAIR_FREE_FAILURES, now),
    secondsUntilAllowed(history.account, ACCOUNT_FREE_FAILURES, now),
    secondsUntilAllowed(history.address, ADDRESS_FREE_FAILURES, now),
  );
}
