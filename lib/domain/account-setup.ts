import type { Role } from "@/lib/auth/roles";

/**
 * What an account must do, or wait for, before it reaches anything but its own account pages:
 * change a one-time password, set up two-factor sign-in, then (staff only) be confirmed by a
 * second administrator. Like a one-time password, each one blocks every page, action and DAL call.
 */
export type AccountSetupStep = "password" | "two_factor" | "confirmation";

/** Roles the clinic's setting obliges to use two-factor sign-in. */
export const TWO_FACTOR_ROLES: readonly Role[] = ["physician", "admin"];

/** Roles whose accounts a second administrator must confirm: they reach patient records or run the clinic. */
export const CONFIRMED_ROLES: readonly Role[] = ["physician", "therapist", "admin"];

export interface AccountFacts {
  role: Role;
  mustChangePassword: boolean;
  twoFactorEnabled: boolean;
  /** An administrator reset this account's two-factor sign-in: it must be set up again. */
  twoFactorEnrolmentRequired: boolean;
  clinicRequiresTwoFactor: boolean;
  accessConfirmed: boolean;
}

export function twoFactorRequired(facts: Pick<AccountFacts, "role" | "twoFactorEnrolmentRequired" | "clinicRequiresTwoFactor">): boolean {
  return facts.twoFactorEnrolmentRequired || (facts.clinicRequiresTwoFactor && TWO_FACTOR_ROLES.includes(facts.role));
}

export function accountSetupStep(facts: AccountFacts): AccountSetupStep | null {
  if (facts.mustChangePassword) return "password";
  if (!facts.twoFactorEnabled && twoFactorRequired(facts)) return "two_factor";
  if (CONFIRMED_ROLES.includes(facts.role) && !facts.accessConfirmed) return "confirmation";
  return null;
}

export const SETUP_PATHS: Record<AccountSetupStep, string> = {
  password: "/account/password",
  two_factor: "/account/two-factor",
  confirmation: "/account",
};
