import type { PendingConfirmation } from "@/lib/dal/accounts";

const CHANGE_LABEL: Record<PendingConfirmation["change"], string> = {
  created: "New account",
  role_changed: "Role changed",
  password_reset: "Password reset",
  two_factor_reset: "Two-factor sign-in reset",
};

/** "New account by Riley Admin": what a second administrator is asked to confirm. */
export function pendingLabel(pending: PendingConfirmation): string {
  return `${CHANGE_LABEL[pending.change]}${pending.changedByName ? ` by ${pending.changedByName}` : ""}`;
}
