"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { registerPatient } from "@/lib/dal/patients";

// The registration rules live in lib/domain/patient.ts and run inside registerPatient; this
// only lets the form's fields through to them.
const registrationForm = z.looseObject({});

export const registerPatientAction = validatedAction(registrationForm, { roles: ["physician"], action: "patient.register" }, async (input) => {
  const registered = await registerPatient(input);
  revalidatePath("/patients");
  return { ok: true, message: `Registered with MRN ${registered.mrn}.`, data: registered };
});
