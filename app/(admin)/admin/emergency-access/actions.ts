"use server";

import { revalidatePath } from "next/cache";
import { validatedAction } from "@/lib/actions/validated-action";
import { reviewEmergencyAccess, reviewGrantSchema } from "@/lib/dal/emergency-access";

export const reviewEmergencyAccessAction = validatedAction(
  reviewGrantSchema,
  { roles: ["admin"], action: "emergency_access.review" },
  async (input) => {
    await reviewEmergencyAccess(input);
    revalidatePath("/admin/emergency-access");
    revalidatePath("/admin");
    return { ok: true, message: "Marked as reviewed." };
  },
);
