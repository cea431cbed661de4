import type { ClearanceLevel } from "@/lib/domain/clearance";

const styles: Record<ClearanceLevel | "none", { label: string; className: string }> = {
  none: { label: "No decision", className: "bg-slate-100 text-slate-800 ring-slate-300" },
  not_cleared: { label: "Not cleared", className: "bg-red-100 text-red-900 ring-red-300" },
  restricted: { label: "Cleared with limits", className: "bg-amber-100 text-amber-950 ring-amber-400" },
  full: { label: "Fully cleared", className: "bg-emerald-100 text-emerald-900 ring-emerald-300" },
};

export function clearanceLabel(level: ClearanceLevel | null): string {
  return styles[level ?? "none"].label;
}

export function ClearanceBadge({ level, reviewDue = false }: { level: ClearanceLevel | null; reviewDue?: boolean }) {
  const { label, className } = styles[level ?? "none"];
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${className}`}>{label}</span>
      {reviewDue && <span className="inline-flex rounded-full bg-violet-100 px-2 py-0.5 text-xs font-semibold text-violet-900 ring-1 ring-violet-300">Review due</span>}
    </span>
  );
}

export function RedFlagBadge({ count, unacknowledged = 0 }: { count: number; unacknowledged?: number }) {
  if (count === 0) return null;
  return (
    <span className="inline-flex rounded-full bg-red-700 px-2 py-0.5 text-xs font-bold text-white">
      Red flag{count > 1 ? ` ×${count}` : ""}
      {unacknowledged > 0 ? " · new, acknowledge" : ""}
    </span>
  );
}
