import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { oneTimePassword } from "@/lib/domain/one-time-password";
import { passwordProblem } from "@/lib/domain/password-policy";
import { judgeSession, sessionPolicy } from "@/lib/domain/session-policy";
import { throttleDelaySeconds } from "@/lib/domain/sign-in-throttle";

describe("password policy (NIST SP 800-63B, OWASP)", () => {
  it.each([
    ["eleven char", "Use at least 12 characters."],
    ["x".repeat(129), "Use at most 128 characters."],
    ["password1234", expect.stringContaining("too common")],
    ["qwerty123456", expect.stringContaining("too common")],
    ["Password2026!", expect.stringContaining("too common")],
    ["aaaaaaaaaaaaaa", expect.stringContaining("too common")],
    ["my runclear login", expect.stringContaining("name of this service")],
    ["twelve chars", null],
    ["  spaces count  ", null],
    ["no Capitals or digits needed", null],
    ["x".repeat(128), expect.stringContaining("too common")],
  ])("%j → %s", (password, problem) => {
    expect(passwordProblem(password)).toEqual(problem);
  });

  it("refuses the account's own email name", () => {
    expect(passwordProblem("dr.ortiz-is-great", "dr.ortiz@runclear.example")).toMatch(/email/);
  });

  it("never trims: 11 characters and a space is 12", () => {
    expect(passwordProblem("abcdefghijk ")).toBeNull();
  });

  it("one-time passwords pass the policy", () => {
    for (let i = 0; i < 20; i++) expect(passwordProblem(oneTimePassword())).toBeNull();
  });
});

describe("sign-in throttle delays", () => {
  it.each([
    [4, 5, 0],
    [5, 5, 30],
    [6, 5, 60],
    [7, 5, 120],
    [20, 5, 900],
    [19, 20, 0],
    [20, 20, 30],
  ])("%i failures with %i free → wait %i s", (failures, free, seconds) => {
    expect(throttleDelaySeconds(failures, free)).toBe(seconds);
  });
});

describe("session policy", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const user = { active: true, sessionsValidAfter: minutesAgo(24 * 60) };
  const policy = { idleMinutes: 30, maxHours: 12 };

  it.each([
    ["fresh", { createdAt: minutesAgo(5), lastSeenAt: minutesAgo(1), revokedAt: null }, user, "valid"],
    ["idle 30 min", { createdAt: minutesAgo(60), lastSeenAt: minutesAgo(30), revokedAt: null }, user, "valid"],
    ["idle 31 min", { createdAt: minutesAgo(60), lastSeenAt: minutesAgo(31), revokedAt: null }, user, "idle"],
    ["12 h 1 min old", { createdAt: minutesAgo(12 * 60 + 1), lastSeenAt: minutesAgo(1), revokedAt: null }, user, "expired"],
    ["signed out", { createdAt: minutesAgo(5), lastSeenAt: minutesAgo(1), revokedAt: minutesAgo(2) }, user, "revoked"],
    ["deactivated", { createdAt: minutesAgo(5), lastSeenAt: minutesAgo(1), revokedAt: null }, { ...user, active: false }, "revoked"],
    ["before a reset", { createdAt: minutesAgo(5), lastSeenAt: minutesAgo(1), revokedAt: null }, { ...user, sessionsValidAfter: minutesAgo(3) }, "revoked"],
  ] as const)("%s → %s", (_name, session, account, verdict) => {
    expect(judgeSession(session, account, policy, now)).toBe(verdict);
  });

  it("reads both limits from the environment, falling back to 30 minutes and 12 hours", () => {
    expect(sessionPolicy({})).toEqual({ idleMinutes: 30, maxHours: 12 });
    expect(sessionPolicy({ RUNCLEAR_SESSION_IDLE_MINUTES: "15", RUNCLEAR_SESSION_MAX_HOURS: "8" })).toEqual({ idleMinutes: 15, maxHours: 8 });
    expect(sessionPolicy({ RUNCLEAR_SESSION_IDLE_MINUTES: "soon" })).toEqual({ idleMinutes: 30, maxHours: 12 });
  });
});

describe("client address", () => {
  it("reads the one address the production server wrote (see client-address.test.ts)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers({}))).toBe("unknown");
  });
});
