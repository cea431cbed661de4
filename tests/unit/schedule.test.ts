import { describe, expect, it } from "vitest";
import {
  addDays,
  anyDaysSessionsDue,
  datesFrom,
  daysBetween,
  daysDueInPartWeek,
  isoWeekday,
  localDate,
  scheduleSchema,
  sessionsAllowedOn,
  sessionsDueOn,
  weekStart,
  type Schedule,
} from "@/lib/domain/schedule";

describe("localDate", () => {
  it.each([
    // 23:30 on the evening US daylight saving starts (PDT, UTC−7) is still that day locally.
    ["2026-03-09T06:30:00Z", "America/Los_Angeles", "2026-03-08"],
    // 23:30 on the evening it ends (PST, UTC−8).
    ["2026-11-02T07:30:00Z", "America/Los_Angeles", "2026-11-01"],
    ["2026-11-02T08:30:00Z", "America/Los_Angeles", "2026-11-02"],
    ["2026-06-30T23:30:00Z", "Europe/London", "2026-07-01"],
    ["2026-01-01T10:59:00Z", "Pacific/Auckland", "2026-01-01"],
    ["2026-01-01T11:00:00Z", "Pacific/Auckland", "2026-01-02"],
    ["2026-04-15T12:00:00Z", "UTC", "2026-04-15"],
  ])("%s in %s is %s", (instant, zone, date) => {
    expect(localDate(new Date(instant), zone)).toBe(date);
  });

  it("answers each zone for its own instant when the same instant is asked again and again", () => {
    const evening = new Date("2026-11-02T07:30:00Z");
    for (let i = 0; i < 3; i++) {
      expect(localDate(evening, "America/Los_Angeles")).toBe("2026-11-01");
      expect(localDate(evening, "Pacific/Auckland")).toBe("2026-11-02");
      expect(localDate(new Date(evening.getTime() + 60 * 60 * 1000), "America/Los_Angeles")).toBe("2026-11-02");
    }
    expect(localDate(new Date("0900-06-15T12:00:00Z"), "UTC")).toBe("0900-06-15");
  });

  it("refuses an unknown time zone", () => {
    expect(() => localDate(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    ["2026-03-07", 1, "2026-03-08"],
    ["2026-03-07", 2, "2026-03-09"],
    ["2026-10-31", 2, "2026-11-02"],
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-12-31", 1, "2027-01-01"],
  ])("%s plus %i days is %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ["2026-10-26", "2026-11-02", 7],
    ["2026-03-02", "2026-03-09", 7],
    ["2026-03-01", "2026-03-31", 30],
    ["2026-03-31", "2026-03-01", -30],
  ])("from %s to %s is %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ["2026-11-01", "2026-10-26", 7],
    ["2026-11-02", "2026-11-02", 1],
    ["2026-03-04", "2026-03-02", 3],
    ["2027-01-01", "2026-12-28", 5],
  ])("%s falls in the week starting Monday %s (weekday %i)", (date, monday, weekday) => {
    expect(weekStart(date)).toBe(monday);
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each([
    ["1969-12-31", 3],
    ["1900-01-01", 1],
    ["1600-02-29", 2],
    ["0001-01-01", 1],
    ["9999-12-31", 5],
  ])("%s is weekday %i, before 1970 and far after it too", (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it("lists dates inclusively and nothing for a reversed range", () => {
    expect(datesFrom("2026-10-31", "2026-11-02")).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(datesFrom("2026-11-02", "2026-11-01")).toEqual([]);
  });

  it.each(["2026-02-30", "2026-13-01", "26-01-01"])("refuses %s", (date) => {
    expect(() => addDays(date, 1)).toThrow(RangeError);
  });
});

describe("what a schedule asks for on a date", () => {
  const daily: Schedule = { timesPerDay: 2, startDate: "2026-04-15", endDate: "2026-04-20" };
  const tueThu: Schedule = { timesPerDay: 1, weekdays: [2, 4], startDate: "2026-04-13" };
  const anyThree: Schedule = { timesPerDay: 1, daysPerWeek: 3, startDate: "2026-04-13" };

  it.each<[string, Schedule, string, number | null, number]>([
    ["daily, the day before it starts", daily, "2026-04-14", 0, 0],
    ["daily, its first day", daily, "2026-04-15", 2, 2],
    ["daily, its last day (end date included)", daily, "2026-04-20", 2, 2],
    ["daily, the day after it ends", daily, "2026-04-21", 0, 0],
    ["Tuesdays and Thursdays, on a Tuesday", tueThu, "2026-04-14", 1, 1],
    ["Tuesdays and Thursdays, on a Wednesday", tueThu, "2026-04-15", 0, 0],
    ["any 3 days, any day: due belongs to the week", anyThree, "2026-04-15", null, 1],
    ["any 3 days, before it starts", anyThree, "2026-04-12", 0, 0],
  ])("%s: due %s, counts up to %i", (_, schedule, date, due, allowed) => {
    expect(sessionsDueOn(schedule, date)).toBe(due);
    expect(sessionsAllowedOn(schedule, date)).toBe(allowed);
  });
});

describe("any N days a week, over part of a week", () => {
  it.each([
    [3, 7, 3],
    [3, 6, 3],
    [3, 5, 2],
    [3, 4, 2],
    [3, 3, 1],
    [3, 2, 1],
    [3, 1, 0],
    [3, 0, 0],
    [5, 4, 3],
    [5, 3, 2],
    [1, 4, 1],
    [1, 3, 0],
    [6, 1, 1],
  ])("%i days a week over %i days is due %i days", (n, days, due) => {
    expect(daysDueInPartWeek(n, days)).toBe(due);
  });

  it("adds back up to exactly N however a week is cut in two", () => {
    for (let n = 1; n <= 6; n++) {
      for (let days = 0; days <= 7; days++) {
        expect(daysDueInPartWeek(n, days) + daysDueInPartWeek(n, 7 - days)).toBe(n);
      }
    }
  });

  it("prorates days with the same schedule together and separate schedules apart", () => {
    const v1: Schedule = { timesPerDay: 1, daysPerWeek: 3, startDate: "2026-04-13" };
    const v1Again: Schedule = { ...v1, startDate: "2026-04-16" };
    const v2: Schedule = { timesPerDay: 1, daysPerWeek: 5, startDate: "2026-04-16" };
    const days = (dates: string[], schedule: Schedule) => dates.map((date) => ({ date, schedule }));
    const monToWed = ["2026-04-13", "2026-04-14", "2026-04-15"];
    const thuToSun = ["2026-04-16", "2026-04-17", "2026-04-18", "2026-04-19"];
    expect(anyDaysSessionsDue([...days(monToWed, v1), ...days(thuToSun, v1Again)])).toBe(3);
    // 3 a week over 3 days is 1; 5 a week over 4 days is 3.
    expect(anyDaysSessionsDue([...days(monToWed, v1), ...days(thuToSun, v2)])).toBe(4);
  });
});

describe("scheduleSchema", () => {
  const valid = { timesPerDay: 1, daysPerWeek: 3, startDate: "2026-04-13", endDate: "2026-05-10" };

  it("accepts a well-formed schedule", () => {
    expect(scheduleSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    [{ ...valid, timesPerDay: 0 }, "timesPerDay", "Times a day must be at least 1"],
    [{ ...valid, timesPerDay: 1.5 }, "timesPerDay", "Times a day must be a whole number"],
    [{ ...valid, daysPerWeek: 8 }, "daysPerWeek", "Days a week can be at most 7"],
    [{ ...valid, endDate: "2026-04-12" }, "endDate", "The end date must be on or after the start date"],
    [{ ...valid, startDate: "2026-02-30" }, "startDate", "That date does not exist"],
    [{ ...valid, weekdays: [1, 1, 3] }, "weekdays", "Each day can be picked only once"],
    [{ ...valid, weekdays: [1, 3] }, "daysPerWeek", "Days a week must match the days picked"],
  ])("rejects %o at %s: %s", (input, path, message) => {
    const result = scheduleSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message }));
  });
});
