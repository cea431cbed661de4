"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { readPatientImport, registerPatient } from "@/lib/dal/patients";
import type { ImportedPatient } from "@/lib/fhir/patient-registration-fields";

// The registration rules live in lib/domain/patient.ts and run inside registerPatient; this
// only lets the form's fields through to them.
const registrationForm = z.looseObject({});

export const registerPatientAction = validatedAction(registrationForm, { roles: ["physician"], action: "patient.register" }, async (input) => {
  const registered = await registerPatient(input);
  revalidatePath("/patients");
  return { ok: true, message: `Registered with MRN ${registered.mrn}.`, data: registered };
});

// A Patient resource is a few kilobytes; a Bundle around one stays well under this.
const MAX_RESOURCE_CHARACTERS = 500_000;
const resourceForm = z.object({
  resource: z
    .string("Paste the resource as text.")
    .max(MAX_RESOURCE_CHARACTERS, "This is longer than a Patient resource would be. Paste the Patient resource on its own.")
    .default(""),
});

/**
 * Reads a pasted FHIR Patient resource into the registration form's fields. It reads no record
 * and saves nothing; registering is the usual form.
 */
export const readPatientResourceAction = validatedAction(resourceForm, { roles: ["physician"], action: "patient.import.read" }, async ({ resource }) => {
  const read = await readPatientImport(resource);
  if (!read.ok) return { ok: false, message: read.message, fieldErrors: { resource: read.problems } };
  const { ok, ...imported } = read;
  return { ok, data: imported satisfies ImportedPatient };
});
