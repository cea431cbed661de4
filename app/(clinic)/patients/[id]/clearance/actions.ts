"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { decideClearance, withdrawClearance, withdrawClearanceSchema } from "@/lib/dal/clearance";
import { ConflictError } from "@/lib/dal/errors";
import { clearanceDecisionFromForm } from "./clearance-form-data";

// The decision's own fields are judged by the DAL's schema (lib/domain/clearance.ts); here only
// which record and which version the physician was looking at.
const target = {
  patientId: z.uuid("Unknown patient."),
  basedOnVersion: z.coerce.number().int().min(0),
};

function revalidateClearance(patientId: string) {
  revalidatePath(`/patients/${patientId}`);
  revalidatePath(`/patients/${patientId}/clearance`);
}

/**
 * Another physician decided first: refresh the page so their decision and version show, while
 * the form keeps what this physician typed, ready to submit again once they have read it.
 */
function refreshOnConflict(error: unknown, patientId: string) {
  if (error instanceof ConflictError) revalidateClearance(patientId);
}

export const decideClearanceAction = validatedAction(
  z.looseObject(target),
  { roles: ["physician"], action: "clearance.decide" },
  async (form) => {
    const { patientId, basedOnVersion } = form;
    // A refusal by the rules comes back with each rule under `form`, through the wrapper.
    try {
      await decideClearance(patientId, basedOnVersion, clearanceDecisionFromForm(form));
    } catch (error) {
      refreshOnConflict(error, patientId);
      throw error;
    }
    revalidateClearance(patientId);
    const version = basedOnVersion + 1;
    return { ok: true, message: `Clearance recorded as version ${version}.`, data: { version } };
  },
);

export const withdrawClearanceAction = validatedAction(
  withdrawClearanceSchema.extend(target),
  { roles: ["physician"], action: "clearance.withdraw" },
  async ({ patientId, basedOnVersion, reason }) => {
    try {
      await withdrawClearance(patientId, basedOnVersion, { reason });
    } catch (error) {
      refreshOnConflict(error, patientId);
      throw error;
    }
    revalidateClearance(patientId);
    const version = basedOnVersion + 1;
    return { ok: true, message: `Clearance withdrawn: version ${version} records the patient as not cleared to run.`, data: { version } };
  },
);
