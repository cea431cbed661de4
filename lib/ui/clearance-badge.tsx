import type { CareAlert } from "@/lib/domain/care-state";
import type { RedFlagTier } from "@/lib/domain/red-flags";

/**
 * The badge for the state in force (lib/domain/care-state.ts): the label comes from
 * `permissionLabel`, so every screen says the same thing.
 */
export function PermissionBadge({ label, mayRun }: { label: string; mayRun: boolean }) {
  const tone = !mayRun
    ? "bg-red-100 text-red-900 ring-red-300"
    : label.startsWith("Cleared with limits")
      ? "bg-amber-100 text-amber-950 ring-amber-400"
      : "bg-emerald-100 text-emerald-900 ring-emerald-300";
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${tone}`}>{label}</span>;
}

export function RedFlagBadge({ count, unacknowledged = 0, tier = null }: { count: number; unacknowledged?: number; tier?: RedFlagTier | null }) {
  if (count === 0) return null;
  return (
    <span className="inline-flex rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white">
      {tier === "emergency" ? "Emergency red flag" : tier === "urgent" ? "Urgent red flag" : "Red flag"}
      {count > 1 ? ` ×${count}` : ""}
      {unacknowledged > 0 ? " · new, acknowledge" : ""}
    </span>
  );
}

/** The state in force's alerts other than red flags (their badge says those). */
export function CareAlertList({ alerts }: { alerts: readonly CareAlert[] }) {
  const shown = alerts.filter((a) => a.code !== "red_flag");
  if (!shown.length) return null;
  return (
    <ul className="flex flex-wrap gap-1">
      {shown.map((a) => (
        <li key={a.code} className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-red-300">
          {a.label}
        </li>
      ))}
    </ul>
  );
}

const DECISION_LABELS = { not_cleared: "Not cleared", restricted: "Cleared with limits", full: "Fully cleared" } as const;

/** A decision as it was recorded (history, not the state in force). */
export function decisionLabel(level: keyof typeof DECISION_LABELS, withdrawn = false): string {
  return withdrawn ? "Withdrawn" : DECISION_LABELS[level];
}
