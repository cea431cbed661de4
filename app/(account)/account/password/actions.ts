"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { changeOwnPassword, changePasswordSchema } from "@/lib/dal/accounts";
import { homeFor } from "@/lib/auth/roles";

export const changePasswordAction = validatedAction(
  changePasswordSchema,
  { roles: ["physician", "therapist", "patient", "admin"], action: "account.change_password", allowAccountSetup: true },
  async (input, user) => {
    await changeOwnPassword(input);
    redirect(`${homeFor(user.role)}?password=changed`);
  },
);

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
