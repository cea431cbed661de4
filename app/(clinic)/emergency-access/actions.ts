"use server";

import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { emergencyAccessSchema, requestEmergencyAccess } from "@/lib/dal/emergency-access";

export const requestEmergencyAccessAction = validatedAction(
  emergencyAccessSchema,
  { roles: ["physician"], action: "emergency_access.grant" },
  async (input) => {
    // A failed match or the hourly limit comes back as a form error (never "no such MRN").
    const { patientId } = await requestEmergencyAccess(input);
    redirect(`/patients/${patientId}`);
  },
);
