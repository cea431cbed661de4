"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import {
  changeAccountRole,
  changeRoleSchema,
  clinicalLeadSchema,
  confirmStaffAccess,
  createPatientAccount,
  createStaffAccount,
  deactivateAccount,
  patientAccountSchema,
  reactivateAccount,
  resetPassword,
  resetTwoFactor,
  setClinicalLead,
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
    return {
      ok: true,
      message: `Account created for ${created.email}. Another administrator must confirm it before it reaches anything.`,
      data: created,
    };
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

export const resetTwoFactorAction = validatedAction(
  accountIdSchema,
  { roles: [...ADMIN], action: "account.reset_two_factor" },
  async ({ userId }) => {
    await resetTwoFactor(userId);
    revalidatePath(`/admin/accounts/${userId}`);
    return { ok: true, message: "Two-factor sign-in reset. The person must set it up again at their next sign-in." };
  },
);

export const changeAccountRoleAction = validatedAction(
  accountIdSchema.extend(changeRoleSchema.shape),
  { roles: [...ADMIN], action: "account.change_role" },
  async ({ userId, role }) => {
    await changeAccountRole(userId, { role });
    revalidatePath(`/admin/accounts/${userId}`);
    revalidatePath("/admin");
    return { ok: true, message: "Role changed. Another administrator must confirm the account before it reaches anything." };
  },
);

export const confirmStaffAccessAction = validatedAction(
  accountIdSchema,
  { roles: [...ADMIN], action: "account.confirm_access" },
  async ({ userId }) => {
    await confirmStaffAccess(userId);
    revalidatePath(`/admin/accounts/${userId}`);
    revalidatePath("/admin");
    return { ok: true, message: "Confirmed. The account now reaches what its role allows." };
  },
);

export const setClinicalLeadAction = validatedAction(
  accountIdSchema.extend(clinicalLeadSchema.shape),
  { roles: [...ADMIN], action: "account.set_clinical_lead" },
  async ({ userId, clinicalLead }) => {
    await setClinicalLead(userId, { clinicalLead });
    revalidatePath(`/admin/accounts/${userId}`);
    return {
      ok: true,
      message: clinicalLead === "true" ? "Clinical lead granted: the physician now sees the whole clinic's outcomes and may export the clinic." : "Clinical lead revoked: the physician sees their own patients' outcomes only, and may not export the clinic.",
    };
  },
);
