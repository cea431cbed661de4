"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { markEpisodeHealed, markHealedSchema, reopenEpisode, reopenEpisodeSchema } from "@/lib/dal/episodes";
import { acknowledgeRedFlag, acknowledgeRedFlagSchema, resolveRedFlag } from "@/lib/dal/red-flags";
import { redFlagIdSchema } from "@/lib/domain/red-flags";
import { requestQuestionnaire } from "@/lib/dal/questionnaires";
import { setWalkRunStage, signOffReturnToRun } from "@/lib/dal/walk-run";

const patientIdField = z.object({ patientId: z.uuid("Unknown patient.") });

// The form's "long-standing" boxes arrive as longStanding.<flag> = "on".
const resolveForm = z.looseObject({ patientId: z.uuid("Unknown patient."), alertId: z.uuid("Unknown alert."), resolution: z.string().default("") });

export const resolveRedFlagAction = validatedAction(resolveForm, { roles: ["physician"], action: "red_flag.resolve" }, async ({ patientId, alertId, resolution, ...rest }) => {
  const longStanding = Object.keys(rest)
    .filter((k) => k.startsWith("longStanding.") && rest[k] === "on")
    .map((k) => k.slice("longStanding.".length))
    .filter((id) => redFlagIdSchema.safeParse(id).success);
  await resolveRedFlag(patientId, { alertId, resolution, longStanding: longStanding as z.infer<typeof redFlagIdSchema>[] });
  revalidatePath(`/patients/${patientId}`);
  return { ok: true, message: "Resolution recorded. Decide the clearance again before the patient runs." };
});

export const markEpisodeHealedAction = validatedAction(
  markHealedSchema.partial().extend(patientIdField.shape),
  { roles: ["physician"], action: "episode.heal" },
  async ({ patientId, confirm }) => {
    await markEpisodeHealed(patientId, { confirm: confirm ?? "" } as z.input<typeof markHealedSchema>);
    revalidatePath(`/patients/${patientId}`);
    return { ok: true, message: "Episode marked healed." };
  },
);

export const reopenEpisodeAction = validatedAction(
  reopenEpisodeSchema.partial().extend(patientIdField.shape),
  { roles: ["physician"], action: "episode.reopen" },
  async ({ patientId, reason }) => {
    await reopenEpisode(patientId, { reason: reason ?? "" });
    revalidatePath(`/patients/${patientId}`);
    return { ok: true, message: "Episode reopened. Decide the clearance again before the patient runs." };
  },
);

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

export const requestQuestionnaireAction = validatedAction(
  z.object({ patientId: z.uuid("Unknown patient."), kind: z.enum(["odi", "start_back"], "Choose a questionnaire.") }),
  { roles: ["physician", "therapist"], action: "questionnaire.request" },
  async (input) => {
    await requestQuestionnaire(input);
    revalidatePath(`/patients/${input.patientId}`);
    return { ok: true, message: "Asked: the patient sees it on their home page now." };
  },
);

export const signOffReturnToRunAction = validatedAction(
  z.looseObject({ patientId: z.uuid("Unknown patient."), note: z.string().default("") }),
  { roles: ["physician"], action: "walk_run.sign_off" },
  async ({ patientId, note, ...rest }) => {
    // The checklist's boxes arrive as criteria.<id> = "on".
    const criteria = Object.keys(rest)
      .filter((k) => k.startsWith("criteria.") && rest[k] === "on")
      .map((k) => k.slice("criteria.".length));
    await signOffReturnToRun(patientId, { criteria: criteria as never, note });
    revalidatePath(`/patients/${patientId}`);
    return { ok: true, message: "Signed off: the patient starts the walk/run programme at stage 1." };
  },
);

export const setWalkRunStageAction = validatedAction(
  z.object({ patientId: z.uuid("Unknown patient."), stage: z.string(), reason: z.string().default("") }),
  { roles: ["physician", "therapist"], action: "walk_run.set_stage" },
  async ({ patientId, stage, reason }) => {
    await setWalkRunStage(patientId, { stage, reason });
    revalidatePath(`/patients/${patientId}`);
    return { ok: true, message: `Stage set to ${stage}. The patient sees the new session now.` };
  },
);
