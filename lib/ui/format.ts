/**
 * Every date and time a person reads, written the clinic's way (its locale setting) and, for
 * instants, in the reader's zone: a patient's own, the clinic's for clinicians and administrators
 * (lib/dal/reader-format.ts decides which). Pure: the same format gives the same text on the
 * server and in the browser, so hydration never disagrees.
 */
export interface ReaderFormat {
  locale: string;
  timeZone: string;
}

/** Before anyone is signed in, or in a test: the clinic defaults. */
export const DEFAULT_READER_FORMAT: ReaderFormat = { locale: "en-US", timeZone: "UTC" };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${key}|${locale}|${options.timeZone}`;
  let f = cache.get(id);
  if (!f) cache.set(id, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const midnightUtc = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

/** A calendar date stored as YYYY-MM-DD: it has no zone, so it is never shifted by one. */
export function formatDate(isoDate: string, f: ReaderFormat): string {
  return formatter("date", f.locale, { dateStyle: "medium", timeZone: "UTC" }).format(midnightUtc(isoDate));
}

/** A calendar date with its weekday, for headings: "Wednesday, December 2, 2026". */
export function formatLongDate(isoDate: string, f: ReaderFormat): string {
  return formatter("long", f.locale, { dateStyle: "full", timeZone: "UTC" }).format(midnightUtc(isoDate));
}

/** The weekday of a calendar date: "Monday". */
export function formatWeekday(isoDate: string, f: ReaderFormat): string {
  return formatter("weekday", f.locale, { weekday: "long", timeZone: "UTC" }).format(midnightUtc(isoDate));
}

/** Day and month only, for chart axes and compact grids: "Dec 2" or "2 Dec". */
export function formatDayMonth(isoDate: string, f: ReaderFormat): string {
  return formatter("daymonth", f.locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(midnightUtc(isoDate));
}

/** The calendar day an instant fell on in the reader's zone: "Dec 2, 2026". */
export function formatDayOf(instant: Date, f: ReaderFormat): string {
  return formatter("dayof", f.locale, { dateStyle: "medium", timeZone: f.timeZone }).format(instant);
}

/** The time of day in the reader's zone, to the second: for "checked at" lines. */
export function formatClock(instant: Date, f: ReaderFormat): string {
  return formatter("clock", f.locale, { timeStyle: "medium", timeZone: f.timeZone }).format(instant);
}

/** An instant in the reader's zone, with the zone named. */
export function formatDateTime(instant: Date, f: ReaderFormat): string {
  return formatter("datetime", f.locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone: f.timeZone,
  }).format(instant);
}

export const sexLabel: Record<string, string> = { female: "Female", male: "Male", other: "Other", unknown: "Not recorded" };
