"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import {
  createPatientAccount,
  createStaffAccount,
  deactivateAccount,
  patientAccountSchema,
  reactivateAccount,
  resetPassword,
  staffAccountSchema,
} from "@/lib/dal/accounts";

const ADMIN = ["admin"] as const satisfies ["admin"];
const accountIdSchema = z.object({ userId: z.uuid("Unknown account.") });

export const createStaffAccountAction = validatedAction(
  staffAccountSchema,
  { roles: [...ADMIN], action: "account.create" },
  async (input) => {
    const created = await createStaffAccount(input);
    revalidatePath("/admin");
    return { ok: true, message: `Account created for ${created.email}.`, data: created };
  },
);

export const createPatientAccountAction = validatedAction(
  patientAccountSchema,
  { roles: [...ADMIN], action: "account.create" },
  async (input) => {
    const created = await createPatientAccount(input);
    revalidatePath("/admin");
    return { ok: true, message: `Account created for ${created.email}.`, data: created };
  },
);

const setActiveSchema = accountIdSchema.extend({ active: z.enum(["true", "false"]) });

export const setAccountActiveAction = validatedAction(
  setActiveSchema,
  { roles: [...ADMIN], action: "account.set_active" },
  async ({ userId, active }) => {
    if (active === "true") await reactivateAccount(userId);
    else await deactivateAccount(userId);
    revalidatePath(`/admin/accounts/${userId}`);
    return { ok: true, message: active === "true" ? "Account reactivated." : "Account deactivated. Its sessions have ended." };
  },
);

export const resetPasswordAction = validatedAction(
  accountIdSchema,
  { roles: [...ADMIN], action: "account.reset_password" },
  async ({ userId }) => {
    const { oneTimePassword } = await resetPassword(userId);
    revalidatePath(`/admin/accounts/${userId}`);
    return { ok: true, message: "Password reset. Give the person this one-time password.", data: { oneTimePassword } };
  },
);
