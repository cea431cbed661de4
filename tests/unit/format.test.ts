import { describe, expect, it } from "vitest";
import { clinicSettingsSchema, DEFAULT_CLINIC_SETTINGS } from "@/lib/domain/clinic-settings";
import { formatDate, formatDateTime, formatDayMonth, formatDayOf, formatLongDate } from "@/lib/ui/format";

const chicagoUs = { locale: "en-US", timeZone: "America/Chicago" };
const londonGb = { locale: "en-GB", timeZone: "Europe/London" };
// 03:30 UTC on 2 December is still the evening of 1 December in Chicago.
const lateEvening = new Date("2026-12-02T03:30:00Z");

describe("dates and times as the reader reads them", () => {
  it("writes a calendar date the clinic's way and never shifts it by a zone", () => {
    expect(formatDate("2026-12-02", chicagoUs)).toBe("Dec 2, 2026");
    expect(formatDate("2026-12-02", londonGb)).toBe("2 Dec 2026");
    expect(formatDate("2026-12-02", { locale: "en-US", timeZone: "Pacific/Kiritimati" })).toBe("Dec 2, 2026");
    expect(formatDayMonth("2026-12-02", londonGb)).toBe("2 Dec");
    expect(formatLongDate("2026-12-02", chicagoUs)).toBe("Wednesday, December 2, 2026");
  });

  it("writes an instant in the reader's zone, with the zone named", () => {
    expect(formatDateTime(lateEvening, chicagoUs)).toBe("Dec 1, 2026, 9:30 PM CST");
    expect(formatDateTime(lateEvening, londonGb)).toBe("2 Dec 2026, 03:30 GMT");
    expect(formatDayOf(lateEvening, chicagoUs)).toBe("Dec 1, 2026");
    expect(formatDayOf(lateEvening, londonGb)).toBe("2 Dec 2026");
  });
});

describe("the clinic's zone and locale settings", () => {
  const valid = { ...DEFAULT_CLINIC_SETTINGS, reviewGraceDays: "7", twoFactorRequired: "" };

  it("accepts a zone the runtime knows and a listed locale", () => {
    expect(clinicSettingsSchema.parse({ ...valid, timeZone: "America/Chicago", locale: "en-GB" })).toMatchObject({ timeZone: "America/Chicago", locale: "en-GB" });
  });

  it("refuses an unknown zone or locale with a message for the field", () => {
    const result = clinicSettingsSchema.safeParse({ ...valid, timeZone: "Mars/Olympus_Mons", locale: "fr-FR" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ["timeZone", "Choose a time zone from the list, for example America/Chicago."],
        ["locale", "Choose how dates are written."],
      ]),
    );
  });
});
