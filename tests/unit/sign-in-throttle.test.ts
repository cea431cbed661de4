import { describe, expect, it } from "vitest";
import {
  ACCOUNT_FREE_FAILURES,
  ADDRESS_FREE_FAILURES,
  PAIR_FREE_FAILURES,
  secondsBeforeAttempt,
  throttleDelaySeconds,
  type AttemptHistory,
} from "@/lib/domain/sign-in-throttle";

const now = new Date("2026-12-01T10:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const none = { failures: 0, lastFailureAt: null };
const history = (h: Partial<AttemptHistory>): AttemptHistory => ({ pair: none, account: none, address: none, ...h });

describe("sign-in throttle", () => {
  it("has the ceilings the README states", () => {
    expect([PAIR_FREE_FAILURES, ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES]).toEqual([5, 50, 20]);
  });

  it.each([
    [4, 5, 0],
    [5, 5, 30],
    [6, 5, 60],
    [7, 5, 120],
    [10, 5, 900],
    [40, 5, 900],
  ])("%i failures with %i free wait %i s", (failures, free, seconds) => {
    expect(throttleDelaySeconds(failures, free)).toBe(seconds);
  });

  it("delays this account from this address after 5 failures there", () => {
    expect(secondsBeforeAttempt(history({ pair: { failures: 4, lastFailureAt: secondsAgo(1) } }), now)).toBe(0);
    expect(secondsBeforeAttempt(history({ pair: { failures: 5, lastFailureAt: secondsAgo(10) } }), now)).toBe(20);
    expect(secondsBeforeAttempt(history({ pair: { failures: 5, lastFailureAt: secondsAgo(31) } }), now)).toBe(0);
  });

  it("lets the clinician in from their own address while a stranger's failures elsewhere count only for the account", () => {
    // Eight failures by someone else, from another address: the pair at the workstation is clean.
    const atWorkstation = history({ account: { failures: 8, lastFailureAt: secondsAgo(2) } });
    expect(secondsBeforeAttempt(atWorkstation, now)).toBe(0);
    const atStranger = history({ pair: { failures: 8, lastFailureAt: secondsAgo(2) }, account: { failures: 8, lastFailureAt: secondsAgo(2) } });
    expect(secondsBeforeAttempt(atStranger, now)).toBe(238);
  });

  it("stops the account everywhere at 50 failures from all addresses together", () => {
    expect(secondsBeforeAttempt(history({ account: { failures: 49, lastFailureAt: secondsAgo(1) } }), now)).toBe(0);
    expect(secondsBeforeAttempt(history({ account: { failures: 50, lastFailureAt: secondsAgo(1) } }), now)).toBe(29);
  });

  it("stops one address at 20 failures across accounts", () => {
    expect(secondsBeforeAttempt(history({ address: { failures: 19, lastFailureAt: secondsAgo(1) } }), now)).toBe(0);
    expect(secondsBeforeAttempt(history({ address: { failures: 21, lastFailureAt: secondsAgo(1) } }), now)).toBe(59);
  });
});
