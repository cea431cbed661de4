import type { EscalationKind, ReferralStatus } from "@/lib/dal/referrals";

export const escalationLabels: Record<EscalationKind, string> = {
  imaging: "Imaging (MRI)",
  epidural_steroid_injection: "Epidural steroid injection",
  surgical_opinion: "Surgical opinion",
};

export const statusLabels: Record<ReferralStatus, string> = {
  requested: "Requested",
  scheduled: "Scheduled",
  completed: "Completed",
  declined: "Declined",
  cancelled: "Cancelled",
};
