const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar date stored as YYYY-MM-DD, shown without shifting it by the viewer's time zone. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant with its zone named (the patient's zone when given, else the server's). */
export function formatDateTime(instant: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone,
  }).format(instant);
}

export const sexLabel: Record<string, string> = { female: "Female", male: "Male", other: "Other", unknown: "Not recorded" };
