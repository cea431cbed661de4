"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { updateClinicSettings } from "@/lib/dal/clinic-settings";
import { clinicSettingsSchema } from "@/lib/domain/clinic-settings";

export const updateClinicSettingsAction = validatedAction(
  clinicSettingsSchema,
  { roles: ["admin"], action: "clinic_settings.update" },
  async (input) => {
    await updateClinicSettings(input);
    // Every patient screen shows the numbers.
    revalidatePath("/", "layout");
    return { ok: true, message: "Clinic settings saved. Every patient screen now shows these numbers." };
  },
);
