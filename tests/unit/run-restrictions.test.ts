import { describe, expect, it } from "vitest";
import { careState, type CareFacts, type PauseReason, type Permission } from "@/lib/domain/care-state";
import type { Restrictions } from "@/lib/domain/clearance";
import {
  checkRunAgainstClearance,
  weekSoFarFor,
  type BreachCode,
  type LoggedRun,
  type RunRestrictions,
  type WeekSoFar,
} from "@/lib/domain/run-restrictions";

// Limits written out: 30 min a run, 3 runs a week, 15 km a week, effort RPE 4/10, pain 3/10.
const limits: Restrictions = {
  maxRunMinutes: 30,
  runsPerWeek: 3,
  weeklyDistanceKm: 15,
  maxEffortRpe: 4,
  painCeiling: 3,
  flatGroundOnly: true,
  noSpeedWork: true,
  notes: "",
};
const clearedWith = (restrictions: Restrictions | null): Permission => ({
  status: "cleared",
  level: "restricted",
  restrictions,
  reviewDate: "2026-05-01",
  reviewDue: false,
  version: 2,
});
const restricted = clearedWith(limits);
const paused = (reason: PauseReason): Permission => ({ status: "paused", reason });

/** The permission careState derives for a decision in the current episode. */
function permissionFor(level: "not_cleared" | "restricted" | "full", restrictions: Restrictions | null): Permission {
  const facts: CareFacts = {
    today: "2026-04-15",
    reviewGraceDays: 7,
    episode: { id: "e", status: "active", reopenedSeq: null },
    clearance: { version: 1, level, restrictions, reviewDate: "2026-05-01", episodeId: "e", seq: 1, withdrawn: false },
    redFlags: [],
    latestRedFlagSeq: null,
    plan: null,
    runs: [],
    checkIns: [],
  };
  return careState(facts).permission;
}
const easyRun: LoggedRun = { minutes: 20, distanceKm: 3, rpe: 3, painDuring: 1, date: "2026-04-15" };
const quietWeek: WeekSoFar = { runs: 0, distanceKm: 0 };

describe("checkRunAgainstClearance at the limits (equal is fine, one above breaches)", () => {
  it.each<[string, Partial<LoggedRun>, WeekSoFar, BreachCode[]]>([
    ["an easy run well inside every limit", {}, quietWeek, []],
    ["30 minutes, exactly the limit", { minutes: 30 }, quietWeek, []],
    ["31 minutes", { minutes: 31 }, quietWeek, ["too_long"]],
    ["effort 4/10, exactly the limit", { rpe: 4 }, quietWeek, []],
    ["effort 5/10", { rpe: 5 }, quietWeek, ["too_hard"]],
    ["pain 3/10, exactly the ceiling", { painDuring: 3 }, quietWeek, []],
    ["pain 4/10", { painDuring: 4 }, quietWeek, ["pain_above_ceiling"]],
    ["the 3rd run of the week", {}, { runs: 2, distanceKm: 6 }, []],
    ["the 4th run of the week", {}, { runs: 3, distanceKm: 6 }, ["too_many_runs"]],
    ["15 km in the week, exactly the limit", { distanceKm: 5 }, { runs: 1, distanceKm: 10 }, []],
    ["15.1 km in the week", { distanceKm: 5.1 }, { runs: 1, distanceKm: 10 }, ["weekly_distance"]],
    ["decimals that add to the limit (0.1 + 0.2 style)", { distanceKm: 0.2 }, { runs: 1, distanceKm: 14.8 }, []],
    ["everything over at once", { minutes: 45, rpe: 7, painDuring: 6, distanceKm: 8 }, { runs: 3, distanceKm: 10 }, ["too_long", "too_hard", "pain_above_ceiling", "too_many_runs", "weekly_distance"]],
  ])("%s", (_, change, week, codes) => {
    const breaches = checkRunAgainstClearance({ ...easyRun, ...change }, restricted, week);
    expect(breaches.map((b) => b.code)).toEqual(codes);
  });

  it.each<[string, Partial<RunRestrictions>]>([
    ["no run length limit", { maxRunMinutes: null }],
    ["no effort limit", { maxEffortRpe: null }],
    ["no pain ceiling", { painCeiling: null }],
    ["no runs-a-week limit", { runsPerWeek: null }],
    ["no weekly distance limit", { weeklyDistanceKm: null }],
  ])("%s: that limit is not checked", (_, change) => {
    const clearance = clearedWith({ ...limits, ...change });
    const hardRun = { minutes: 90, distanceKm: 20, rpe: 9, painDuring: 8, date: "2026-04-15" };
    const all = checkRunAgainstClearance(hardRun, restricted, { runs: 5, distanceKm: 20 }).length;
    expect(checkRunAgainstClearance(hardRun, clearance, { runs: 5, distanceKm: 20 })).toHaveLength(all - 1);
  });
});

describe("checkRunAgainstClearance by the permission in force", () => {
  const hardRun = { minutes: 90, distanceKm: 20, rpe: 9, painDuring: 8, date: "2026-04-15" };
  const week = { runs: 5, distanceKm: 20 };

  it.each<[string, Permission, BreachCode[]]>([
    ["not cleared: any run is a breach, and the only one reported", permissionFor("not_cleared", null), ["not_cleared"]],
    ["not cleared, even with limits still on file", permissionFor("not_cleared", limits), ["not_cleared"]],
    ["paused by an open red flag", paused({ code: "red_flag_open", tier: "urgent", flags: ["fever"], source: "check_in", raisedAt: new Date("2026-04-14T08:00:00Z") }), ["not_cleared"]],
    ["paused: review overdue", paused({ code: "review_overdue", reviewDate: "2026-04-01", graceEnded: "2026-04-08" }), ["not_cleared"]],
    ["paused: awaiting exam", paused({ code: "awaiting_exam" }), ["not_cleared"]],
    ["fully cleared: limits on file no longer apply", permissionFor("full", limits), []],
    ["healed, back to training: no limits", { status: "return_to_training" }, []],
    ["restricted without limits recorded", clearedWith(null), []],
    ["restricted, through careState", permissionFor("restricted", limits), ["too_long", "too_hard", "pain_above_ceiling", "too_many_runs", "weekly_distance"]],
  ])("%s", (_, permission, codes) => {
    expect(checkRunAgainstClearance(hardRun, permission, week).map((b) => b.code)).toEqual(codes);
  });

  it("a run while paused says why, in the words the patient already read", () => {
    const [breach] = checkRunAgainstClearance(easyRun, paused({ code: "withdrawn" }), quietWeek, "Your clearance to run was withdrawn.");
    expect(breach).toEqual({
      code: "not_cleared",
      patientMessage: "Your clearance to run was withdrawn. Please do not run until your doctor clears you. This run is saved and your care team can see it.",
      clinicianMessage: "Run logged on 2026-04-15 while no clearance was in force.",
    });
    expect(checkRunAgainstClearance(easyRun, paused({ code: "not_cleared" }), quietWeek)[0]?.patientMessage).toMatch(/^You are not cleared to run at the moment\. /);
  });

  it("a pain left blank is not checked against the ceiling (unknown, never 0)", () => {
    expect(checkRunAgainstClearance({ ...easyRun, painDuring: null }, restricted, quietWeek)).toEqual([]);
    expect(checkRunAgainstClearance({ ...easyRun, painDuring: null, minutes: 31 }, restricted, quietWeek).map((b) => b.code)).toEqual(["too_long"]);
  });
});

describe("breach messages", () => {
  it("tell the patient what to do in plain words and the clinician the numbers", () => {
    const [tooLong] = checkRunAgainstClearance({ ...easyRun, minutes: 31 }, restricted, quietWeek);
    expect(tooLong?.patientMessage).toContain("30 minutes or less");
    expect(tooLong?.clinicianMessage).toContain("31 min");

    const [pain] = checkRunAgainstClearance({ ...easyRun, painDuring: 6 }, restricted, quietWeek);
    expect(pain?.patientMessage).toMatch(/numbness or weakness/);
    expect(pain?.clinicianMessage).toContain("6/10");

    const [distance] = checkRunAgainstClearance({ ...easyRun, distanceKm: 5.25 }, restricted, { runs: 1, distanceKm: 10 });
    expect(distance?.patientMessage).toContain("15.3 km");
  });
});

describe("weekSoFarFor", () => {
  const otherRuns = [
    { date: "2026-04-12", distanceKm: 4 }, // the Sunday before: a different week
    { date: "2026-04-13", distanceKm: 3 },
    { date: "2026-04-15", distanceKm: 5.5 },
    { date: "2026-04-19", distanceKm: 2 }, // Sunday: same week
    { date: "2026-04-20", distanceKm: 6 }, // next Monday
  ];

  it.each([
    ["2026-04-15", { runs: 3, distanceKm: 10.5 }],
    ["2026-04-12", { runs: 1, distanceKm: 4 }],
    ["2026-04-21", { runs: 1, distanceKm: 6 }],
  ])("a run on %s shares its Monday–Sunday week with %o", (date, week) => {
    expect(weekSoFarFor(date, otherRuns)).toEqual(week);
  });
});
