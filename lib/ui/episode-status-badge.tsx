import type { EpisodeStatus } from "@/db/schema/episodes";

const styles: Record<EpisodeStatus, { label: string; className: string }> = {
  awaiting_exam: { label: "Awaiting exam", className: "bg-amber-100 text-amber-900 ring-amber-300" },
  active: { label: "Under care", className: "bg-sky-100 text-sky-900 ring-sky-300" },
  healed: { label: "Healed", className: "bg-emerald-100 text-emerald-900 ring-emerald-300" },
};

export function EpisodeStatusBadge({ status }: { status: EpisodeStatus | null }) {
  if (!status) return <span className="text-sm text-slate-600">No episode</span>;
  const { label, className } = styles[status];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${className}`}>{label}</span>;
}

export function episodeStatusLabel(status: EpisodeStatus): string {
  return styles[status].label;
}
