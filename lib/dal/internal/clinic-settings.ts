import "server-only";
import { eq } from "drizzle-orm";
import { clinicSettings } from "@/db/schema/clinic-settings";
import { CLINIC_LOCALES, DEFAULT_CLINIC_SETTINGS, type ClinicLocale, type ClinicSettings } from "@/lib/domain/clinic-settings";
import type { Executor } from "./care-facts";
import { preparedRead } from "./prepared-read";
import { perRequest } from "./request-scope";

function settingsRow(executor: Executor) {
  return executor
    .select({
      clinicName: clinicSettings.clinicName,
      emergencyNumber: clinicSettings.emergencyNumber,
      urgentLineName: clinicSettings.urgentLineName,
      urgentLineNumber: clinicSettings.urgentLineNumber,
      reviewGraceDays: clinicSettings.reviewGraceDays,
      twoFactorRequired: clinicSettings.twoFactorRequired,
      timeZone: clinicSettings.timeZone,
      locale: clinicSettings.locale,
    })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 1));
}
const settingsRowRead = preparedRead([], (database) => settingsRow(database));

/** The settings row, or the defaults before an administrator has saved any. Callers authorize. */
export async function readClinicSettings(executor?: Executor): Promise<ClinicSettings> {
  const [row] = await (executor ? settingsRow(executor) : settingsRowRead({}));
  if (!row) return DEFAULT_CLINIC_SETTINGS;
  // Only a known locale is ever saved (lib/domain/clinic-settings.ts); an unknown one reads as the default.
  const locale = CLINIC_LOCALES.some((l) => l.id === row.locale) ? (row.locale as ClinicLocale) : DEFAULT_CLINIC_SETTINGS.locale;
  return { ...row, locale };
}

/**
 * The settings as this request sees them, read once however many parts of the page ask (the
 * layout's reader format, the page, its documents). Inside a transaction that must see its own
 * writes, call `readClinicSettings(tx)` instead.
 */
export const clinicSettingsOfRequest = perRequest(() => readClinicSettings());
