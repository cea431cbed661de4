import type { UserRole } from "@/db/schema/users";
import { SETUP_PATHS, type AccountSetupStep } from "@/lib/domain/account-setup";

export type Role = UserRole;

export const roleLabel: Record<Role, string> = {
  physician: "Physician",
  therapist: "Physical therapist",
  patient: "Patient",
  admin: "Administrator",
};

/** Where each role lands after sign-in. */
export function homeFor(role: Role): string {
  switch (role) {
    case "physician":
    case "therapist":
      return "/patients";
    case "patient":
      return "/me";
    case "admin":
      return "/admin";
  }
}

/** Where a signed-in user lands: the pending setup step, or their role's home. */
export function landingPath(user: { role: Role; setupStep: AccountSetupStep | null }): string {
  return user.setupStep ? SETUP_PATHS[user.setupStep] : homeFor(user.role);
}
