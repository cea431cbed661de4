"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { submitCheckIn, type CheckInResult } from "@/lib/dal/check-ins";
import { patientRedFlagIds } from "@/lib/domain/red-flags";

const MESSAGES = {
  emergency: "Get emergency care now.",
  urgent: "Get a medical review today.",
  none: "Thank you: your check-in is saved and your care team can see it.",
} as const;

// The check-in's rules live in lib/domain/check-in.ts and run inside submitCheckIn; this turns
// the form's flat fields into its shape.
export const submitCheckInAction = validatedAction(z.looseObject({}), { roles: ["patient"], action: "check_in.create" }, async (form) => {
  const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
  const result: CheckInResult = await submitCheckIn({
    idempotencyKey: field("idempotencyKey") ?? "",
    painNow: field("painNow") ?? "",
    legSymptoms: Object.keys(form).filter((k) => k.startsWith("leg.")).map((k) => k.slice(4)),
    neuroWorse: field("neuroWorse"),
    redFlags: Object.fromEntries(patientRedFlagIds.map((id) => [id, field(`redFlags.${id}`)])),
  });
  revalidatePath("/me");
  return { ok: true, message: MESSAGES[result.tier ?? "none"], data: result };
});
