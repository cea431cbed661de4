import type { PlanCategory } from "@/lib/domain/plan-catalogue";
import {
  addDays,
  anyDaysSessionsDue,
  datesFrom,
  isActiveOn,
  localDate,
  sessionsAllowedOn,
  sessionsDueOn,
  weekStart,
  type LocalDate,
  type Schedule,
} from "@/lib/domain/schedule";

/**
 * # Adherence: how much of the plan the patient did
 *
 * This is the one definition of adherence in RunClear; every figure on a screen comes from here.
 *
 * **Unit.** A session: one prescribed "time" of an item (one bout of stretches, one walk, one
 * heat pack). Adherence = sessions done ÷ sessions expected, over a window of the patient's
 * local dates, per item, per category, per Monday–Sunday week and overall. With nothing
 * expected, the rate is null (not 0 %, not 100 %).
 *
 * **Local dates.** Every log is placed on the patient's calendar date in their time zone
 * (`localDate`, built on Intl): a walk logged at 23:30 in Los Angeles counts for that evening,
 * not for the next UTC day. Dates step by calendar day, so a 23- or 25-hour day around a
 * daylight-saving change is still one day.
 *
 * **Which schedule applies on a day.** Each plan version takes effect on a local date and
 * applies until the next one does. On a day, an item is in the plan when the version in force
 * lists it and the day falls between the item's start and end dates (both included). A week that
 * spans two versions takes each version's schedule for its own days. Before the first version
 * nothing is expected.
 *
 * **Expected**, per item and week, counting only the days inside the window:
 * - items on set days (every day, or named weekdays): `timesPerDay` on each of those days;
 * - items on any N days a week (`daysPerWeek` N < 7, no weekdays): N days × `timesPerDay` for
 *   a whole week; for part of a week (the item starts or ends inside it, the window cuts it, or
 *   a version changes its schedule) round(N × days covered ÷ 7) days, to the nearest whole day.
 *   Nearest, not up or down: 7 is odd so it never ties, and a week cut in two always adds back to
 *   exactly N, so a rolling 7-day window expects N days. Round up would expect N + 1, round down
 *   N − 1. Days covered under the same N and times a day are prorated together, so a new plan
 *   version that leaves the item alone does not split its week.
 *
 * **Done.** "Done" logs on a day count up to that day's `timesPerDay`; extra logs do not inflate
 * the figure, and logs on a day the item is not scheduled (outside its dates, or a weekday it is
 * not set for) count for nothing. For any-N-days items the week's done total is also capped at
 * the week's expected sessions.
 *
 * **Skipped.** A "skipped" log (with or without a reason) counts as not done, but is reported
 * separately so a clinician can tell a skip the patient explained from a silent miss. Skips fill
 * only what done has left: done + skipped never exceeds expected. Silent misses are
 * expected − done − skipped.
 *
 * **Rolling figures.** `adherenceBefore(today, 7 | 28)` (or `adherenceLastDays(7 | 28, now)`) covers the n complete local days before
 * today; today is left out so a morning view does not count the evening's sessions as missed.
 *
 * **Limits.** Medicines taken when needed and advice have no sessions and are not scored. A
 * calendar week is the unit for any-N-days items, so a rolling window can split a patient's own
 * week oddly; the 28-day figure smooths this.
 */

export interface ScheduledItem {
  /** Stable across plan versions: a log's `itemKey` refers to it. */
  key: string;
  category: PlanCategory;
  schedule: Schedule;
}

export interface PlanVersionSchedule {
  effectiveFrom: LocalDate;
  items: readonly ScheduledItem[];
}

/**
 * A log is placed on the patient's calendar either from the instant it happened, or from the
 * local date the patient logged it for (the daily log stores that date, so no conversion is needed).
 */
export type ActivityLog = {
  itemKey: string;
  status: "done" | "skipped";
  reason?: string;
} & ({ occurredAt: Date } | { localDate: LocalDate });

export interface Tally {
  expected: number;
  done: number;
  skipped: number;
  rate: number | null;
}

export interface ItemTally extends Tally {
  category: PlanCategory;
}

export interface WeekTally extends Tally {
  weekStart: LocalDate;
  /** The part of the week inside the window. */
  from: LocalDate;
  to: LocalDate;
}

export interface AdherenceReport {
  from: LocalDate;
  to: LocalDate;
  overall: Tally;
  byItem: Record<string, ItemTally>;
  byCategory: Partial<Record<PlanCategory, Tally>>;
  byWeek: WeekTally[];
}

export interface AdherenceInput {
  versions: readonly PlanVersionSchedule[];
  logs: readonly ActivityLog[];
  timeZone: string;
}

type Counts = Omit<Tally, "rate">;

const zero = (): Counts => ({ expected: 0, done: 0, skipped: 0 });

function add(into: Counts, more: Counts): void {
  into.expected += more.expected;
  into.done += more.done;
  into.skipped += more.skipped;
}

function withRate(c: Counts): Tally {
  return { ...c, rate: c.expected === 0 ? null : c.done / c.expected };
}

// Two versions effective the same day: the later one in the list (saved later) wins.
function versionFinder(versions: readonly PlanVersionSchedule[]) {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return (date: LocalDate) => sorted.findLast((v) => v.effectiveFrom <= date);
}

type Logged = Readonly<{ done: number; skipped: number; reasons: readonly string[] }>;
const NOTHING_LOGGED: Logged = Object.freeze({ done: 0, skipped: 0, reasons: Object.freeze([]) as readonly string[] });

/**
 * Done and skipped counts per item and local date, for the dates from `from` to `to`: a window
 * reads only its own days, however long the history handed in.
 */
function logCounter(logs: readonly ActivityLog[], timeZone: string, from: LocalDate, to: LocalDate) {
  const byItem = new Map<string, Map<LocalDate, { done: number; skipped: number; reasons: string[] }>>();
  for (const log of logs) {
    const date = "localDate" in log ? log.localDate : localDate(log.occurredAt, timeZone);
    if (date < from || date > to) continue;
    let days = byItem.get(log.itemKey);
    if (!days) byItem.set(log.itemKey, (days = new Map()));
    let entry = days.get(date);
    if (!entry) days.set(date, (entry = { done: 0, skipped: 0, reasons: [] }));
    entry[log.status] += 1;
    if (log.status === "skipped" && log.reason) entry.reasons.push(log.reason);
  }
  return (itemKey: string, date: LocalDate): Logged => byItem.get(itemKey)?.get(date) ?? NOTHING_LOGGED;
}

type ItemDay = { date: LocalDate; schedule: Schedule };

/** One item over the days of one week it is in the plan and in the window. */
function scoreItemWeek(days: readonly ItemDay[], logged: (date: LocalDate) => { done: number; skipped: number }): Counts {
  const setDays = zero();
  const anyDays = zero();
  for (const { date, schedule } of days) {
    const allowed = sessionsAllowedOn(schedule, date);
    const { done, skipped } = logged(date);
    const doneToday = Math.min(done, allowed);
    const skippedToday = Math.min(skipped, allowed - doneToday);
    const due = sessionsDueOn(schedule, date);
    const part = due === null ? anyDays : setDays;
    part.expected += due ?? 0;
    part.done += doneToday;
    part.skipped += skippedToday;
  }
  // Any-N-days items are due by the week, not the day: cap what they earned at the week's due.
  anyDays.expected = anyDaysSessionsDue(days);
  anyDays.done = Math.min(anyDays.done, anyDays.expected);
  anyDays.skipped = Math.min(anyDays.skipped, anyDays.expected - anyDays.done);
  add(setDays, anyDays);
  return setDays;
}

export function adherence({ versions, logs, timeZone, from, to }: AdherenceInput & { from: LocalDate; to: LocalDate }): AdherenceReport {
  if (to < from) throw new RangeError(`The window ends (${to}) before it starts (${from})`);
  return report(versions, logCounter(logs, timeZone, from, to), from, to);
}

function report(versions: readonly PlanVersionSchedule[], logged: ReturnType<typeof logCounter>, from: LocalDate, to: LocalDate): AdherenceReport {
  const versionOn = versionFinder(versions);
  const overall = zero();
  const byItem = new Map<string, Counts & { category: PlanCategory }>();
  const byCategory = new Map<PlanCategory, Counts>();
  const byWeek: WeekTally[] = [];

  for (let monday = weekStart(from); monday <= to; monday = addDays(monday, 7)) {
    const weekFrom = monday < from ? from : monday;
    const sunday = addDays(monday, 6);
    const weekTo = sunday > to ? to : sunday;
    const itemDays = new Map<string, { category: PlanCategory; days: ItemDay[] }>();
    for (const date of datesFrom(weekFrom, weekTo)) {
      for (const item of versionOn(date)?.items ?? []) {
        if (!isActiveOn(item.schedule, date)) continue;
        const entry = itemDays.get(item.key) ?? { category: item.category, days: [] };
        entry.category = item.category;
        entry.days.push({ date, schedule: item.schedule });
        itemDays.set(item.key, entry);
      }
    }
    const week = zero();
    for (const [key, { category, days }] of itemDays) {
      const counts = scoreItemWeek(days, (date) => logged(key, date));
      add(week, counts);
      const item = byItem.get(key) ?? { ...zero(), category };
      item.category = category;
      add(item, counts);
      byItem.set(key, item);
      const cat = byCategory.get(category) ?? zero();
      add(cat, counts);
      byCategory.set(category, cat);
    }
    add(overall, week);
    byWeek.push({ weekStart: monday, from: weekFrom, to: weekTo, ...withRate(week) });
  }

  return {
    from,
    to,
    overall: withRate(overall),
    byItem: Object.fromEntries([...byItem].map(([key, { category, ...c }]) => [key, { category, ...withRate(c) }])),
    byCategory: Object.fromEntries([...byCategory].map(([cat, c]) => [cat, withRate(c)])),
    byWeek,
  };
}

/** The `days` complete local days before `today`, the patient's local date (7 and 28 on screens). */
export function adherenceBefore(today: LocalDate, days: number, input: AdherenceInput): AdherenceReport {
  return adherenceBeforeEach(today, [days], input)[0]!;
}

/** `adherenceBefore` for several window lengths at once (7 and 28 on lists), reading the logs once. */
export function adherenceBeforeEach(today: LocalDate, days: readonly number[], input: AdherenceInput): AdherenceReport[] {
  const empty = days.find((n) => !(n >= 1));
  if (empty !== undefined) throw new RangeError(`A window of ${empty} days holds no day`);
  const to = addDays(today, -1);
  const froms = days.map((n) => addDays(to, 1 - n));
  const logged = logCounter(input.logs, input.timeZone, froms.reduce((a, b) => (a < b ? a : b), to), to);
  return froms.map((from) => report(input.versions, logged, from, to));
}

/** `adherenceBefore` at an instant, in the patient's time zone. */
export function adherenceLastDays(days: number, now: Date, input: AdherenceInput): AdherenceReport {
  return adherenceBefore(localDate(now, input.timeZone), days, input);
}

/**
 * How one item's day looks on a calendar:
 * - `done`: every session allowed that day was logged done; `partial`: some were;
 * - `skipped`: the patient said they skipped it, and did none;
 * - `missed`: the day was due (set days) and nothing was logged; `pending` instead on `today`
 *   and later, because the day is not over;
 * - `open`: an any-N-days item with nothing logged; the patient picks their days, so an empty day
 *   is not a miss by itself (the week's figure says whether they fell short);
 * - `off`: the item was not in the plan, or not set for that weekday.
 */
export type DayMark = "done" | "partial" | "skipped" | "missed" | "pending" | "open" | "off";

export interface CalendarDay {
  date: LocalDate;
  mark: DayMark;
  /** Sessions done and allowed that day, for items due more than once a day ("2 of 3"). */
  done: number;
  allowed: number;
  /** What the patient said when they skipped it that day, in the order logged. */
  skipReasons: string[];
}

export interface ItemCalendar {
  category: PlanCategory;
  days: CalendarDay[];
}

/** Per item, each local date from `from` to `to` marked against the schedule in force that day. */
export function adherenceCalendar({
  versions,
  logs,
  timeZone,
  from,
  to,
  today,
}: AdherenceInput & { from: LocalDate; to: LocalDate; today?: LocalDate }): Record<string, ItemCalendar> {
  const versionOn = versionFinder(versions);
  const logged = logCounter(logs, timeZone, from, to);
  const dates = datesFrom(from, to);
  const calendars = new Map<string, ItemCalendar>();
  for (const version of versions) {
    for (const item of version.items) {
      if (!calendars.has(item.key)) calendars.set(item.key, { category: item.category, days: [] });
    }
  }
  for (const [key, calendar] of calendars) {
    for (const date of dates) {
      const item = versionOn(date)?.items.find((i) => i.key === key);
      const allowed = item ? sessionsAllowedOn(item.schedule, date) : 0;
      if (!item || allowed === 0) {
        calendar.days.push({ date, mark: "off", done: 0, allowed: 0, skipReasons: [] });
        continue;
      }
      calendar.category = item.category;
      const { done, skipped, reasons } = logged(key, date);
      const mark: DayMark =
        done >= allowed
          ? "done"
          : done > 0
            ? "partial"
            : skipped > 0
              ? "skipped"
              : sessionsDueOn(item.schedule, date) === null
                ? "open"
                : today !== undefined && date >= today
                  ? "pending"
                  : "missed";
      calendar.days.push({ date, mark, done: Math.min(done, allowed), allowed, skipReasons: [...reasons] });
    }
  }
  // An item that never falls inside the window has nothing to show.
  return Object.fromEntries([...calendars].filter(([, c]) => c.days.some((d) => d.mark !== "off")));
}
