import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adherence,
  adherenceBefore,
  adherenceBeforeEach,
  adherenceCalendar,
  adherenceLastDays,
  type ActivityLog,
  type PlanVersionSchedule,
  type ScheduledItem,
} from "@/lib/domain/adherence";
import type { PlanCategory } from "@/lib/domain/plan-catalogue";
import { addDays, datesFrom, type Schedule } from "@/lib/domain/schedule";

const LA = "America/Los_Angeles";
// The week of Monday 13 April 2026; Los Angeles is on PDT (UTC−7).
const MON = "2026-04-13";
const WED = "2026-04-15";
const THU = "2026-04-16";
const SUN = "2026-04-19";

function item(key: string, schedule: Partial<Schedule>, category: PlanCategory = "stretch"): ScheduledItem {
  return { key, category, schedule: { timesPerDay: 1, startDate: MON, ...schedule } };
}

function version(effectiveFrom: string, ...items: ScheduledItem[]): PlanVersionSchedule {
  return { effectiveFrom, items };
}

/** A log at a local wall-clock time, given with its UTC offset so the test states the instant. */
function log(itemKey: string, localIso: string, status: ActivityLog["status"] = "done", reason?: string): ActivityLog {
  return { itemKey, occurredAt: new Date(localIso), status, ...(reason ? { reason } : {}) };
}

function each(itemKey: string, from: string, to: string, time = "18:00:00-07:00", times = 1): ActivityLog[] {
  return datesFrom(from, to).flatMap((date) => Array.from({ length: times }, () => log(itemKey, `${date}T${time}`)));
}

type Case = {
  name: string;
  versions: PlanVersionSchedule[];
  logs: ActivityLog[];
  from?: string;
  to?: string;
  expected: number;
  done: number;
  skipped: number;
};

const cases: Case[] = [
  {
    name: "daily, twice a day, every session done",
    versions: [version(MON, item("s", { timesPerDay: 2 }))],
    logs: each("s", MON, SUN, "08:00:00-07:00").concat(each("s", MON, SUN, "20:00:00-07:00")),
    expected: 14,
    done: 14,
    skipped: 0,
  },
  {
    name: "plan starts on a Thursday: only Thursday to Sunday is expected",
    versions: [version(THU, item("s", { startDate: THU }))],
    logs: each("s", THU, SUN),
    expected: 4,
    done: 4,
    skipped: 0,
  },
  {
    name: "any 3 days a week, starting on a Thursday: round(3 × 4 / 7) = 2 days",
    versions: [version(THU, item("s", { daysPerWeek: 3, startDate: THU }))],
    logs: each("s", THU, SUN),
    expected: 2,
    done: 2,
    skipped: 0,
  },
  {
    name: "plan changes on Thursday from once to twice a day: each version for its own days",
    versions: [version(MON, item("s", {})), version(THU, item("s", { timesPerDay: 2, startDate: THU }))],
    logs: each("s", MON, SUN, "18:00:00-07:00", 2),
    expected: 3 * 1 + 4 * 2,
    done: 11,
    skipped: 0,
  },
  {
    name: "item dropped by the Thursday version: expected Monday to Wednesday only",
    versions: [version(MON, item("s", {}), item("w", {}, "walking")), version(THU, item("w", {}, "walking"))],
    logs: each("s", MON, SUN),
    expected: 3 + 7,
    done: 3,
    skipped: 0,
  },
  {
    name: "any 3 days, unchanged across a mid-week version: the week is not split",
    versions: [version(MON, item("s", { daysPerWeek: 3 })), version(THU, item("s", { daysPerWeek: 3 }), item("w", {}, "walking"))],
    logs: each("s", MON, WED),
    expected: 3 + 4,
    done: 3,
    skipped: 0,
  },
  {
    name: "any 3 days changed to any 5 days on Thursday: round(9/7) + round(20/7) = 1 + 3",
    versions: [version(MON, item("s", { daysPerWeek: 3 })), version(THU, item("s", { daysPerWeek: 5, startDate: THU }))],
    logs: each("s", MON, SUN),
    expected: 4,
    done: 4,
    skipped: 0,
  },
  {
    name: "skipped days: 5 done, 1 skipped with a reason, 1 silent miss",
    versions: [version(MON, item("s", {}))],
    logs: [...each("s", MON, "2026-04-17"), log("s", "2026-04-18T09:00:00-07:00", "skipped", "leg pain flared")],
    expected: 7,
    done: 5,
    skipped: 1,
  },
  {
    name: "a skip on a day already done does not count: done + skipped never exceeds expected",
    versions: [version(MON, item("s", {}))],
    logs: [...each("s", MON, SUN), log("s", "2026-04-18T21:00:00-07:00", "skipped")],
    expected: 7,
    done: 7,
    skipped: 0,
  },
  {
    name: "Wednesdays only: 23:30 Wednesday in Los Angeles (06:30 Thursday UTC) counts",
    versions: [version(MON, item("s", { weekdays: [3] }))],
    logs: [log("s", "2026-04-15T23:30:00-07:00")],
    expected: 1,
    done: 1,
    skipped: 0,
  },
  {
    name: "Wednesdays only: 00:30 Thursday in Los Angeles is Thursday, and does not count",
    versions: [version(MON, item("s", { weekdays: [3] }))],
    logs: [log("s", "2026-04-16T00:30:00-07:00")],
    expected: 1,
    done: 0,
    skipped: 0,
  },
  {
    name: "DST ends Sunday 1 Nov 2026: daily logs at 23:30 local all land on their own day",
    versions: [version("2026-10-26", item("s", { startDate: "2026-10-26" }))],
    logs: [...each("s", "2026-10-26", "2026-10-31", "23:30:00-07:00"), log("s", "2026-11-01T23:30:00-08:00")],
    from: "2026-10-26",
    to: "2026-11-01",
    expected: 7,
    done: 7,
    skipped: 0,
  },
  {
    name: "DST starts Sunday 8 Mar 2026: daily logs at 23:30 local all land on their own day",
    versions: [version("2026-03-02", item("s", { startDate: "2026-03-02" }))],
    logs: [...each("s", "2026-03-02", "2026-03-07", "23:30:00-08:00"), log("s", "2026-03-08T23:30:00-07:00")],
    from: "2026-03-02",
    to: "2026-03-08",
    expected: 7,
    done: 7,
    skipped: 0,
  },
  {
    name: "extra logs on a once-a-day item do not inflate",
    versions: [version(MON, item("s", {}))],
    logs: [...each("s", MON, WED, "18:00:00-07:00", 3)],
    expected: 7,
    done: 3,
    skipped: 0,
  },
  {
    name: "any 3 days done on 6 days counts 3",
    versions: [version(MON, item("s", { daysPerWeek: 3 }))],
    logs: each("s", MON, "2026-04-18"),
    expected: 3,
    done: 3,
    skipped: 0,
  },
  {
    name: "Monday, Wednesday, Friday: a Tuesday log counts for nothing",
    versions: [version(MON, item("s", { weekdays: [1, 3, 5] }))],
    logs: [log("s", "2026-04-13T18:00:00-07:00"), log("s", "2026-04-14T18:00:00-07:00")],
    expected: 3,
    done: 1,
    skipped: 0,
  },
  {
    name: "item ending on Wednesday: Thursday onwards is neither expected nor counted",
    versions: [version(MON, item("s", { endDate: WED }))],
    logs: each("s", MON, SUN),
    expected: 3,
    done: 3,
    skipped: 0,
  },
  {
    name: "logs for an item not in the plan are ignored",
    versions: [version(MON, item("s", {}))],
    logs: each("gone", MON, SUN),
    expected: 7,
    done: 0,
    skipped: 0,
  },
];

describe("adherence over a window", () => {
  it.each(cases)("$name", ({ versions, logs, from = MON, to = SUN, expected, done, skipped }) => {
    const { overall } = adherence({ versions, logs, timeZone: LA, from, to });
    expect(overall).toEqual({ expected, done, skipped, rate: done / expected });
  });

  it("reports no rate, not 0 %, when nothing was expected", () => {
    const report = adherence({ versions: [version(THU, item("s", { startDate: THU }))], logs: [], timeZone: LA, from: MON, to: WED });
    expect(report.overall).toEqual({ expected: 0, done: 0, skipped: 0, rate: null });
  });

  it("breaks the figures down by item, category and week", () => {
    const versions = [version(MON, item("hamstring", {}), item("bridge", { daysPerWeek: 3 }, "strength"), item("walk", {}, "walking"))];
    const logs = [...each("hamstring", MON, "2026-04-26"), ...each("bridge", MON, WED), log("walk", "2026-04-20T07:00:00-07:00", "skipped", "rain")];
    const report = adherence({ versions, logs, timeZone: LA, from: MON, to: "2026-04-26" });

    expect(report.byItem).toEqual({
      hamstring: { category: "stretch", expected: 14, done: 14, skipped: 0, rate: 1 },
      bridge: { category: "strength", expected: 6, done: 3, skipped: 0, rate: 0.5 },
      walk: { category: "walking", expected: 14, done: 0, skipped: 1, rate: 0 },
    });
    expect(report.byCategory).toEqual({
      stretch: { expected: 14, done: 14, skipped: 0, rate: 1 },
      strength: { expected: 6, done: 3, skipped: 0, rate: 0.5 },
      walking: { expected: 14, done: 0, skipped: 1, rate: 0 },
    });
    expect(report.byWeek).toEqual([
      { weekStart: MON, from: MON, to: SUN, expected: 17, done: 10, skipped: 0, rate: 10 / 17 },
      { weekStart: "2026-04-20", from: "2026-04-20", to: "2026-04-26", expected: 17, done: 7, skipped: 1, rate: 7 / 17 },
    ]);
    expect(report.overall).toEqual({ expected: 34, done: 17, skipped: 1, rate: 0.5 });
  });

  it("refuses a window that ends before it starts", () => {
    expect(() => adherence({ versions: [], logs: [], timeZone: LA, from: SUN, to: MON })).toThrow(RangeError);
  });
});

describe("adherence over the last n days", () => {
  const versions = [version("2026-03-02", item("daily", { startDate: "2026-03-02" }), item("any3", { startDate: "2026-03-02", daysPerWeek: 3 }))];

  it.each([
    // Wednesday morning: the 7 complete days are Wednesday 15 to Tuesday 21 April.
    ["2026-04-22T10:00:00-07:00", 7, "2026-04-15", "2026-04-21"],
    // 23:30 Tuesday in Los Angeles is already Wednesday in UTC; locally today is still Tuesday.
    ["2026-04-21T23:30:00-07:00", 7, "2026-04-14", "2026-04-20"],
    ["2026-04-22T10:00:00-07:00", 28, "2026-03-25", "2026-04-21"],
  ])("at %s, the last %i days run from %s to %s", (now, days, from, to) => {
    const report = adherenceLastDays(days, new Date(now), { versions, logs: [], timeZone: LA });
    expect([report.from, report.to]).toEqual([from, to]);
  });

  it("expects exactly N days of an any-N-days item in a rolling 7-day window that straddles two weeks", () => {
    // Wednesday to Sunday is round(15/7) = 2 days, Monday and Tuesday round(6/7) = 1.
    const report = adherenceLastDays(7, new Date("2026-04-22T10:00:00-07:00"), { versions, logs: [], timeZone: LA });
    expect(report.byItem.any3?.expected).toBe(3);
    expect(report.byItem.daily?.expected).toBe(7);
  });

  it("counts 28 calendar days across the daylight-saving change of 8 March 2026", () => {
    const logs = datesFrom("2026-03-02", "2026-03-29").map((date) =>
      log("daily", `${date}T22:00:00${date < "2026-03-08" ? "-08:00" : "-07:00"}`),
    );
    const report = adherenceLastDays(28, new Date("2026-03-30T09:00:00-07:00"), { versions, logs, timeZone: LA });
    expect(report.from).toBe("2026-03-02");
    expect(report.byItem.daily).toEqual({ category: "stretch", expected: 28, done: 28, skipped: 0, rate: 1 });
    expect(report.byItem.any3?.expected).toBe(12);
    expect(report.byWeek.map((w) => w.weekStart)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
  });

  it("gives each window the same figures when several are computed from one reading of the logs", () => {
    const itemKeys = ["daily", "any3", "weekdays"];
    const dated = fc.record({
      day: fc.integer({ min: -60, max: 2 }),
      itemKey: fc.constantFrom(...itemKeys),
      status: fc.constantFrom("done" as const, "skipped" as const),
    });
    fc.assert(
      fc.property(fc.array(dated, { maxLength: 120 }), fc.integer({ min: 0, max: 40 }), fc.subarray([1, 7, 14, 28, 35], { minLength: 1 }), (entries, changeAgo, windows) => {
        const today = "2026-04-22";
        const first = version("2026-02-02", item("daily", { startDate: "2026-02-02" }), item("any3", { startDate: "2026-02-02", daysPerWeek: 3 }));
        const second = version(addDays(today, -changeAgo), item("daily", { startDate: "2026-02-02", timesPerDay: 2 }), item("weekdays", { startDate: "2026-03-01", weekdays: [1, 3, 5] }));
        const input = { versions: [first, second], logs: entries.map((e) => ({ itemKey: e.itemKey, status: e.status, localDate: addDays(today, e.day) })), timeZone: LA };
        expect(adherenceBeforeEach(today, windows, input)).toEqual(windows.map((days) => adherence({ ...input, from: addDays(today, -days), to: addDays(today, -1) })));
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a window of no days, as a single window does", () => {
    const input = { versions, logs: [], timeZone: LA };
    expect(() => adherenceBefore("2026-04-22", 0, input)).toThrow(RangeError);
    expect(() => adherenceBeforeEach("2026-04-22", [7, 0], input)).toThrow(RangeError);
  });

  it("leaves today out, so this morning's unfinished sessions are not missed ones", () => {
    const today = "2026-04-22";
    const logs = datesFrom(addDays(today, -7), addDays(today, -1)).map((date) => log("daily", `${date}T18:00:00-07:00`));
    const report = adherenceLastDays(7, new Date(`${today}T08:00:00-07:00`), { versions, logs, timeZone: LA });
    expect(report.byItem.daily?.rate).toBe(1);
  });
});

describe("adherenceCalendar", () => {
  const marks = (calendar: ReturnType<typeof adherenceCalendar>, key: string) => calendar[key]!.days.map((d) => d.mark);

  it("marks set days done, skipped or missed, and days off the plan", () => {
    const calendar = adherenceCalendar({
      versions: [version(MON, item("daily", { startDate: WED }), item("tue-thu", { weekdays: [2, 4] }))],
      logs: [log("daily", `${WED}T08:00:00-07:00`), log("daily", `${THU}T08:00:00-07:00`, "skipped", "Sore"), log("tue-thu", `${THU}T08:00:00-07:00`)],
      timeZone: LA,
      from: MON,
      to: SUN,
    });
    expect(marks(calendar, "daily")).toEqual(["off", "off", "done", "skipped", "missed", "missed", "missed"]);
    expect(marks(calendar, "tue-thu")).toEqual(["off", "missed", "off", "done", "off", "off", "off"]);
    // The patient's reason travels with the skipped day, for the care team to read.
    expect(calendar.daily!.days[3]).toMatchObject({ mark: "skipped", skipReasons: ["Sore"], done: 0, allowed: 1 });
  });

  it("leaves an any-N-days item's empty days open, and shows part of a day's sessions", () => {
    const calendar = adherenceCalendar({
      versions: [version(MON, item("3x", { daysPerWeek: 3 }), item("twice", { timesPerDay: 2 }))],
      logs: [log("3x", `${MON}T08:00:00-07:00`), log("twice", `${MON}T08:00:00-07:00`), log("twice", `${MON}T20:00:00-07:00`), log("twice", `${addDays(MON, 1)}T08:00:00-07:00`)],
      timeZone: LA,
      from: MON,
      to: WED,
    });
    expect(marks(calendar, "3x")).toEqual(["done", "open", "open"]);
    expect(calendar.twice!.days.slice(0, 2).map((d) => [d.done, d.allowed])).toEqual([[2, 2], [1, 2]]);
    expect(marks(calendar, "twice")).toEqual(["done", "partial", "missed"]);
  });

  it("places a late-evening log on the patient's own date and follows a plan change mid-week", () => {
    const calendar = adherenceCalendar({
      versions: [version(MON, item("a", {})), version(THU, item("b", {}))],
      // 23:30 on Wednesday in Los Angeles is Thursday in UTC.
      logs: [log("a", `${WED}T23:30:00-07:00`)],
      timeZone: LA,
      from: WED,
      to: "2026-04-17",
    });
    expect(marks(calendar, "a")).toEqual(["done", "off", "off"]);
    expect(marks(calendar, "b")).toEqual(["off", "missed", "missed"]);
  });
});

describe("adherenceCalendar today", () => {
  it("marks a set day due today as pending, not missed", () => {
    const calendar = adherenceCalendar({ versions: [version(MON, item("daily", {}))], logs: [], timeZone: LA, from: MON, to: WED, today: WED });
    expect(calendar.daily!.days.map((d) => d.mark)).toEqual(["missed", "missed", "pending"]);
  });
});
