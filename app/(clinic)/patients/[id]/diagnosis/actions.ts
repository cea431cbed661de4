"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { diagnosisInputSchema, recordDiagnosis } from "@/lib/dal/diagnoses";

export const recordDiagnosisAction = validatedAction(
  diagnosisInputSchema.extend({ patientId: z.uuid("Unknown patient.") }),
  { roles: ["physician"], action: "diagnosis.record" },
  async ({ patientId, ...input }) => {
    await recordDiagnosis(patientId, input);
    revalidatePath(`/patients/${patientId}`);
    revalidatePath(`/patients/${patientId}/diagnosis`);
    return { ok: true, message: "Diagnosis recorded." };
  },
);
