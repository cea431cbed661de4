"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { validatedAction } from "@/lib/actions/validated-action";
import { ConflictError } from "@/lib/dal/errors";
import { adjustExerciseDose, recordTherapySession } from "@/lib/dal/therapy-sessions";

function refresh(patientId: string) {
  revalidatePath(`/patients/${patientId}`);
  revalidatePath(`/patients/${patientId}/therapy`);
  revalidatePath(`/patients/${patientId}/plan`);
}

// The session's rules (lib/domain/therapy-session.ts) need the patient's today, so they run in
// the DAL; here only which record, and the form's text fields as they were sent.
const sessionInput = z.object({
  patientId: z.uuid("Unknown patient."),
  idempotencyKey: z.string().default(""),
  sessionDate: z.string().default(""),
  attendance: z.string().optional(),
  exercisesInClinic: z.string().default(""),
  notes: z.string().default(""),
});

export const recordTherapySessionAction = validatedAction(sessionInput, { roles: ["therapist"], action: "therapy.session.record" }, async ({ patientId, ...session }) => {
  await recordTherapySession(patientId, session);
  refresh(patientId);
  return { ok: true, message: "Session recorded." };
});

export interface AdjustedDose {
  version: number;
}

// The dose's numbers come as `dose.<field>`; the DAL judges which fields this item may change.
const doseInput = z.looseObject({
  patientId: z.uuid("Unknown patient."),
  basedOnVersion: z.coerce.number().int().min(0),
  itemKey: z.string().default(""),
  reason: z.string().default(""),
});

export const adjustExerciseDoseAction = validatedAction(
  doseInput,
  { roles: ["therapist"], action: "plan.dose_adjust" },
  async (form): Promise<ActionState<AdjustedDose>> => {
    const { patientId, basedOnVersion, itemKey, reason } = form;
    const dose = Object.fromEntries(
      Object.entries(form)
        .filter(([name, value]) => name.startsWith("dose.") && typeof value === "string")
        // An empty box is no number at all, so the catalogue's "must be a number" shows beside it.
        .map(([name, value]) => [name.slice("dose.".length), value === "" ? undefined : Number(value)]),
    );
    let saved;
    try {
      saved = await adjustExerciseDose(patientId, basedOnVersion, { itemKey, dose, reason });
    } catch (error) {
      // Someone saved the plan first: show the new version, while the form keeps what was typed.
      if (error instanceof ConflictError) refresh(patientId);
      throw error;
    }
    refresh(patientId);
    return { ok: true, message: `Dose changed: the plan is now version ${saved.version}. The physician sees the change, your name and your reason in the plan history.`, data: { version: saved.version } };
  },
);
