import { z } from "zod";

/**
 * The patient's calendar, and what a plan item's schedule asks of it.
 *
 * A `LocalDate` is "YYYY-MM-DD" on the patient's own wall calendar. Arithmetic on it runs on UTC
 * midnights, where every day lasts 24 hours, so a daylight-saving change can never move a date;
 * only `localDate` looks at instants and time zones.
 *
 * A schedule repeats sessions in one of two ways:
 * - on set days: every day, or the named `weekdays`; each such day is due `timesPerDay` sessions.
 * - on any N days: `daysPerWeek` N below 7 with no `weekdays` means the patient picks any N days
 *   in each Monday–Sunday week. No single day is due, only the week; a day still counts for at
 *   most `timesPerDay` sessions. A week the item covers only in part is due
 *   `daysDueInPartWeek(N, days)` days.
 * `startDate` and `endDate` are both inclusive; no `endDate` means the item runs on.
 */

export type LocalDate = string;
/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Schedule {
  timesPerDay: number;
  daysPerWeek?: number | null;
  weekdays?: readonly Weekday[] | null;
  startDate: LocalDate;
  endDate?: LocalDate | null;
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Adherence over a caseload parses the same few hundred dates hundreds of thousands of times.
const parsed = new Map<string, number>();

function toUtcMs(date: LocalDate): number {
  const known = parsed.get(date);
  if (known !== undefined) return known;
  const ms = parseDate(date);
  if (parsed.size > 50_000) parsed.clear();
  parsed.set(date, ms);
  return ms;
}

function parseDate(date: LocalDate): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const ms = new Date(0).setUTCFullYear(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new RangeError(`Not a calendar date: ${date}`);
  return ms;
}

// And turns as many midnights back into dates.
const formatted = new Map<number, LocalDate>();

function fromUtcMs(ms: number): LocalDate {
  const known = formatted.get(ms);
  if (known !== undefined) return known;
  const date = new Date(ms).toISOString().slice(0, 10);
  if (formatted.size > 50_000) formatted.clear();
  formatted.set(ms, date);
  return date;
}

export function isLocalDate(value: string): boolean {
  try {
    toUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

export const localDateSchema = z
  .string({ error: "Enter a date" })
  .regex(DATE_PATTERN, "Enter a date like 2026-03-09")
  .refine(isLocalDate, "That date does not exist");

// Building a formatter is far slower than using one, and adherence converts every log.
const formatters = new Map<string, Intl.DateTimeFormat>();
// A list asks the same instant ("now") for each of hundreds of patients, most in a few zones: the
// last answer per zone is kept, and only the very same instant is answered from it.
const lastAnswers = new Map<string, { ms: number; date: LocalDate }>();

/** The patient's calendar date at `instant` in `timeZone` (an IANA name such as "America/Los_Angeles"). */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const ms = instant.getTime();
  const last = lastAnswers.get(timeZone);
  if (last?.ms === ms) return last.date;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  // "MM/DD/YYYY": a string is about twice as quick to make as the parts.
  const [month, day, year] = formatter.format(instant).split("/");
  const date = `${year!.padStart(4, "0")}-${month}-${day}`;
  lastAnswers.set(timeZone, { ms, date });
  return date;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Whole days from `from` to `to`: negative when `to` comes first. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function isoWeekday(date: LocalDate): Weekday {
  // Day 0, 1 January 1970, was a Thursday (ISO weekday 4).
  const days = Math.round(toUtcMs(date) / DAY_MS);
  return (((((days + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** The Monday on or before `date`. */
export function weekStart(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Every date from `from` to `to`, both included; empty when `to` comes first. */
export function datesFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(from, i));
}

export function isActiveOn(schedule: Schedule, date: LocalDate): boolean {
  return date >= schedule.startDate && (schedule.endDate == null || date <= schedule.endDate);
}

function namedWeekdays(schedule: Schedule): readonly Weekday[] | null {
  return schedule.weekdays != null && schedule.weekdays.length > 0 ? schedule.weekdays : null;
}

/** The N of an any-N-days schedule; null when the schedule has set days. */
export function anyDaysPerWeek(schedule: Schedule): number | null {
  const n = schedule.daysPerWeek;
  return namedWeekdays(schedule) === null && n != null && n < 7 ? n : null;
}

export function picksOwnDays(schedule: Schedule): boolean {
  return anyDaysPerWeek(schedule) !== null;
}

/** The most sessions a log on `date` can count for. */
export function sessionsAllowedOn(schedule: Schedule, date: LocalDate): number {
  if (!isActiveOn(schedule, date)) return 0;
  const weekdays = namedWeekdays(schedule);
  if (weekdays !== null && !weekdays.includes(isoWeekday(date))) return 0;
  return schedule.timesPerDay;
}

/** Sessions due on `date`; null for an any-N-days item, whose due sessions belong to the week. */
export function sessionsDueOn(schedule: Schedule, date: LocalDate): number | null {
  if (picksOwnDays(schedule) && isActiveOn(schedule, date)) return null;
  return sessionsAllowedOn(schedule, date);
}

/**
 * Days due when an any-N-days item covers only `days` of a Monday–Sunday week: N × days / 7,
 * rounded to the nearest whole day. A week has an odd number of days, so this never ties, and a
 * week cut in two (a rolling window, a plan change) always adds back up to exactly N, where
 * rounding up would ask for N + 1 and rounding down for N − 1.
 */
export function daysDueInPartWeek(daysPerWeek: number, days: number): number {
  return Math.round((daysPerWeek * Math.min(days, 7)) / 7);
}

/**
 * Sessions due over part of one Monday–Sunday week for an any-N-days item, given the schedule
 * in force on each day (a plan change can alter it mid-week). Days that share the same days per
 * week and times per day are prorated together, so a plan change that leaves the item alone does
 * not split its week.
 */
export function anyDaysSessionsDue(days: ReadonlyArray<{ date: LocalDate; schedule: Schedule }>): number {
  const groups = new Map<string, { daysPerWeek: number; timesPerDay: number; days: number }>();
  for (const { date, schedule } of days) {
    const daysPerWeek = anyDaysPerWeek(schedule);
    if (daysPerWeek === null || !isActiveOn(schedule, date)) continue;
    const key = `${daysPerWeek}/${schedule.timesPerDay}`;
    const group = groups.get(key) ?? { daysPerWeek, timesPerDay: schedule.timesPerDay, days: 0 };
    group.days += 1;
    groups.set(key, group);
  }
  let due = 0;
  for (const group of groups.values()) due += daysDueInPartWeek(group.daysPerWeek, group.days) * group.timesPerDay;
  return due;
}

const weekdaySchema = z.literal([1, 2, 3, 4, 5, 6, 7], { error: "Pick days from Monday (1) to Sunday (7)" });

export const scheduleSchema = z
  .object({
    timesPerDay: z
      .number({ error: "Times a day must be a number" })
      .int("Times a day must be a whole number")
      .min(1, "Times a day must be at least 1")
      .max(12, "Times a day can be at most 12"),
    daysPerWeek: z
      .number({ error: "Days a week must be a number" })
      .int("Days a week must be a whole number")
      .min(1, "Days a week must be at least 1")
      .max(7, "Days a week can be at most 7")
      .nullish(),
    weekdays: z.array(weekdaySchema).nullish(),
    startDate: localDateSchema,
    endDate: localDateSchema.nullish(),
  })
  .superRefine((s, ctx) => {
    if (s.endDate != null && s.endDate < s.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date must be on or after the start date" });
    }
    if (s.weekdays != null && new Set(s.weekdays).size !== s.weekdays.length) {
      ctx.addIssue({ code: "custom", path: ["weekdays"], message: "Each day can be picked only once" });
    }
    if (s.weekdays != null && s.weekdays.length > 0 && s.daysPerWeek != null && s.daysPerWeek !== s.weekdays.length) {
      ctx.addIssue({ code: "custom", path: ["daysPerWeek"], message: "Days a week must match the days picked" });
    }
  });
