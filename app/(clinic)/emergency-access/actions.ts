"use server";

import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { emergencyAccessSchema, requestEmergencyAccess } from "@/lib/dal/emergency-access";
import { NotFoundError } from "@/lib/dal/errors";

export const requestEmergencyAccessAction = validatedAction(
  emergencyAccessSchema,
  { roles: ["physician"], action: "emergency_access.grant" },
  async (input) => {
    let patientId: string;
    try {
      ({ patientId } = await requestEmergencyAccess(input));
    } catch (error) {
      if (error instanceof NotFoundError) {
        return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { mrn: ["No patient has this MRN."] }, values: input };
      }
      throw error;
    }
    redirect(`/patients/${patientId}`);
  },
);
