import type { UserRole } from "@/db/schema/users";

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
