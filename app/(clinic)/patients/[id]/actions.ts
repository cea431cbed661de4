"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { markEpisodeHealed } from "@/lib/dal/episodes";
import { acknowledgeRedFlag, acknowledgeRedFlagSchema, resolveRedFlag, resolveRedFlagSchema } from "@/lib/dal/red-flags";

const patientIdField = z.object({ patientId: z.uuid("Unknown patient.") });

export const resolveRedFlagAction = validatedAction(
  resolveRedFlagSchema.extend(patientIdField.shape),
  { roles: ["physician"], action: "red_flag.resolve" },
  async ({ patientId, ...input }) => {
    await resolveRedFlag(patientId, input);
    revalidatePath(`/patients/${patientId}`);
    return { ok: true, message: "Resolution recorded." };
  },
);

export const markEpisodeHealedAction = validatedAction(patientIdField, { roles: ["physician"], action: "episode.heal" }, async ({ patientId }) => {
  await markEpisodeHealed(patientId);
  revalidatePath(`/patients/${patientId}`);
  return { ok: true, message: "Episode marked healed." };
});

export const acknowledgeRedFlagAction = validatedAction(
  acknowledgeRedFlagSchema.extend(patientIdField.shape),
  { roles: ["physician"], action: "red_flag.acknowledge" },
  async ({ patientId, alertId }) => {
    await acknowledgeRedFlag(patientId, { alertId });
    revalidatePath(`/patients/${patientId}`);
    revalidatePath("/patients");
    return { ok: true, message: "Acknowledged." };
  },
);
