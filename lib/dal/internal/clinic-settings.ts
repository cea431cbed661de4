import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clinicSettings } from "@/db/schema/clinic-settings";
import { DEFAULT_CLINIC_SETTINGS, type ClinicSettings } from "@/lib/domain/clinic-settings";
import type { Executor } from "./care-facts";

/** The settings row, or the defaults before an administrator has saved any. Callers authorize. */
export async function readClinicSettings(executor?: Executor): Promise<ClinicSettings> {
  const [row] = await (executor ?? (await db()))
    .select({
      emergencyNumber: clinicSettings.emergencyNumber,
      urgentLineName: clinicSettings.urgentLineName,
      urgentLineNumber: clinicSettings.urgentLineNumber,
      reviewGraceDays: clinicSettings.reviewGraceDays,
      twoFactorRequired: clinicSettings.twoFactorRequired,
    })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 1));
  return row ?? DEFAULT_CLINIC_SETTINGS;
}
