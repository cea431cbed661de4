"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import type { Role } from "@/lib/auth/roles";
import {
  confirmTwoFactorSchema,
  confirmTwoFactorSetup,
  renewRecoveryCodes,
  startTwoFactorSetup,
  turnOffTwoFactor,
  twoFactorProofSchema,
} from "@/lib/dal/two-factor";

// One's own account, reachable while its setup is pending (setting this up is part of it).
const own = (action: string) => ({ roles: ["physician", "therapist", "patient", "admin"] as Role[], action, allowAccountSetup: true });
const PATH = "/account/two-factor";

export const startTwoFactorSetupAction = validatedAction(z.object({}), own("two_factor.start"), async () => {
  await startTwoFactorSetup();
  revalidatePath(PATH);
  return { ok: true };
});

/** Answers with the recovery codes, which the page shows once. */
export const confirmTwoFactorSetupAction = validatedAction(
  confirmTwoFactorSchema,
  own("two_factor.enable"),
  async (input) => {
    const { recoveryCodes } = await confirmTwoFactorSetup(input);
    return { ok: true, message: "Two-factor sign-in is on.", data: { recoveryCodes } };
  },
);

export const renewRecoveryCodesAction = validatedAction(
  twoFactorProofSchema,
  own("two_factor.renew_recovery_codes"),
  async (input) => {
    const { recoveryCodes } = await renewRecoveryCodes(input);
    return { ok: true, message: "New recovery codes. The old ones no longer work.", data: { recoveryCodes } };
  },
);

export const turnOffTwoFactorAction = validatedAction(
  twoFactorProofSchema,
  own("two_factor.disable"),
  async (input) => {
    await turnOffTwoFactor(input);
    revalidatePath(PATH);
    return { ok: true, message: "Two-factor sign-in is off. You sign in with your password alone." };
  },
);
