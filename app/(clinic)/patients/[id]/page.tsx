import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/dal/errors";
import { getPatientChart } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { EpisodeStatusBadge } from "@/lib/ui/episode-status-badge";
import { formatDate, formatDateTime, sexLabel } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Chart" };

async function loadChart(id: string) {
  try {
    return await getPatientChart(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function ChartPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("physician", "therapist");
  const { id } = await params;
  const chart = await loadChart(id);
  return (
    <article aria-labelledby="chart-heading" className="space-y-4">
      {chart.accessVia === "emergency" && (
        <p role="status" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 font-medium text-red-900">
          Emergency access: you are not on this patient&apos;s care team. This access is recorded and the care team is told
          {chart.emergencyAccessUntil ? `. It ends at ${formatDateTime(chart.emergencyAccessUntil)}.` : "."}
        </p>
      )}
      <header className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="chart-heading" className="text-2xl font-semibold">
            {chart.name}
          </h1>
          <EpisodeStatusBadge status={chart.episode?.status ?? null} />
        </div>
        <p className="mt-1 text-sm text-slate-700">
          {chart.age} years · {sexLabel[chart.sex]} · born {formatDate(chart.dateOfBirth)} · MRN{" "}
          <span className="tabular-nums">{chart.mrn}</span>
        </p>
      </header>

      {chart.emergencyAccesses.length > 0 && (
        <section aria-labelledby="emergency-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 id="emergency-heading" className="font-semibold text-amber-950">
            Emergency access to this chart
          </h2>
          <ul className="mt-2 space-y-2 text-sm text-amber-950">
            {chart.emergencyAccesses.map((a) => (
              <li key={a.grantedAt.toISOString()}>
                <span className="font-medium">{a.physicianName}</span> opened this chart on {formatDateTime(a.grantedAt)}: “{a.reason}”
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="running-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="running-heading" className="text-lg font-semibold">Running background</h2>
          <dl className="mt-2 space-y-1 text-sm">
            <div className="flex gap-2">
              <dt className="text-slate-600">Usual weekly distance:</dt>
              <dd className="font-medium">{chart.weeklyDistanceKm} km</dd>
            </div>
            <div className="flex gap-2">
              <dt className="text-slate-600">Goal:</dt>
              <dd className="font-medium">{chart.runningGoal || "Not recorded"}</dd>
            </div>
            <div className="flex gap-2">
              <dt className="text-slate-600">Episode opened:</dt>
              <dd className="font-medium">{chart.episode ? formatDateTime(chart.episode.openedAt) : "No episode"}</dd>
            </div>
          </dl>
        </section>
        <section aria-labelledby="team-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="team-heading" className="text-lg font-semibold">Care team</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {chart.careTeam.map((m) => (
              <li key={m.userId}>
                <span className="font-medium">{m.name}</span> — {m.role === "physician" ? "physician" : "physical therapist"}
              </li>
            ))}
          </ul>
          <h3 className="mt-4 text-sm font-semibold text-slate-700">Contact</h3>
          <p className="text-sm">
            {chart.email ?? "No email"} · {chart.phone ?? "No phone"} · time zone {chart.timeZone}
          </p>
        </section>
      </div>
    </article>
  );
}
