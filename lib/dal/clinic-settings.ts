import "server-only";
import { cache } from "react";
import { db } from "@/db/client";
import { clinicSettings } from "@/db/schema/clinic-settings";
import { clinicSettingsSchema, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { authorizeRole } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { fieldErrorsOf, ValidationError } from "./errors";
import { readClinicSettings } from "./internal/clinic-settings";
import { forgetSessionRead } from "./session";

/**
 * The clinic's settings for anyone signed in: patients read the emergency numbers on every
 * screen. They carry no patient data, so reading them is not audited. Read once per request.
 */
export const getClinicSettings = cache(async (): Promise<ClinicSettings> => {
  await authorizeRole("clinic_settings.view", ["physician", "therapist", "patient", "admin"]);
  return readClinicSettings();
});

/** An administrator changes the clinic's settings. */
export async function updateClinicSettings(input: unknown): Promise<ClinicSettings> {
  const admin = await authorizeRole("clinic_settings.update", ["admin"]);
  const parsed = clinicSettingsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const values = { ...parsed.data, updatedAt: new Date(), updatedById: admin.id };
  await (await db()).transaction(async (tx) => {
    await tx.insert(clinicSettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: clinicSettings.id, set: values });
    // Which way two-factor sign-in went is worth finding in the trail.
    const resource = `clinic_settings:two_factor_required=${parsed.data.twoFactorRequired ? "on" : "off"}`;
    await writeAudit({ actor: admin, action: "clinic_settings.update", resource, outcome: "allowed" }, tx);
  });
  // The two-factor rule is part of every account's own check, the administrator's too.
  forgetSessionRead();
  return parsed.data;
}
