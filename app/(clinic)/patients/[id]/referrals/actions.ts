"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import {
  escalationSchema,
  escalationStatusSchema,
  referToTherapy,
  requestEscalation,
  therapyReferralSchema,
  updateEscalationStatus,
} from "@/lib/dal/referrals";

const patient = { patientId: z.uuid("Unknown patient.") };

function refresh(patientId: string) {
  revalidatePath(`/patients/${patientId}`);
  revalidatePath(`/patients/${patientId}/referrals`);
}

export const referToTherapyAction = validatedAction(therapyReferralSchema.extend(patient), { roles: ["physician"], action: "referral.therapy" }, async ({ patientId, ...input }) => {
  await referToTherapy(patientId, input);
  refresh(patientId);
  return { ok: true, message: "Referred to physical therapy. The therapist now sees the patient in their caseload." };
});

export const requestEscalationAction = validatedAction(escalationSchema.extend(patient), { roles: ["physician"], action: "referral.escalation" }, async ({ patientId, ...input }) => {
  await requestEscalation(patientId, input);
  refresh(patientId);
  return { ok: true, message: "Referral recorded." };
});

export const updateEscalationStatusAction = validatedAction(
  escalationStatusSchema.extend(patient),
  { roles: ["physician"], action: "referral.escalation_status" },
  async ({ patientId, ...input }) => {
    await updateEscalationStatus(patientId, input);
    refresh(patientId);
    return { ok: true, message: "Status updated." };
  },
);
