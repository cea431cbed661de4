import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { requireRole } from "@/lib/dal/session";
import { formatDayOf } from "@/lib/ui/format";
import { getMyRecord } from "@/lib/dal/patients";
import { getMyPlan } from "@/lib/dal/plans";
import { getMyDay } from "@/lib/dal/activity";
import Link from "next/link";
import { episodeStatusLabel } from "@/lib/ui/episode-status-badge";
import { PermissionCard } from "@/lib/ui/permission-card";
import { MyPlanSection } from "./my-plan";

export const metadata: Metadata = { title: "My plan" };

export default async function MyHomePage() {
  await requireRole("patient");
  const [record, plan, day, fmt] = await Promise.all([getMyRecord(), getMyPlan(), getMyDay(), getReaderFormat()]);
  const done = day.items.filter((i) => i.status === "done").length;
  return (
    <section aria-labelledby="me-heading" className="space-y-4">
      <h1 id="me-heading" className="text-2xl font-semibold">
        Hello, {record.name.split(" ")[0]}
      </h1>
      <PermissionCard care={record.care} settings={record.settings} />
      {day.items.length > 0 && (
        <section aria-labelledby="today-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="today-heading" className="text-lg font-semibold">Today</h2>
          <p className="mt-1">
            {done} of {day.items.length} plan items done today.
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {day.running.map((r) => (
              <li key={r.state.key} className={r.allowed ? undefined : "font-semibold text-red-800"}>
                {r.allowed ? `○ ${r.name}: ${r.allowed}` : `⏸ ${r.name}: paused, do not run for now`}
              </li>
            ))}
            {day.items.map((i) => (
              <li key={i.key}>
                {i.status === "done" ? "✓ " : i.status === "partial" ? "◐ " : i.status === "skipped" ? "– " : "○ "}
                {i.name}: {i.dose}
              </li>
            ))}
          </ul>
          <Link href="/me/log" className="mt-3 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
            Log today
          </Link>
        </section>
      )}
      <MyPlanSection plan={plan} />
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">My care</h2>
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Episode</dt>
            <dd className="font-medium">
              {record.episodeStatus ? episodeStatusLabel(record.episodeStatus) : "No open episode"}
              {record.episodeOpenedAt && record.episodeStatus !== "awaiting_exam" && ` since ${formatDayOf(record.episodeOpenedAt, fmt)}`}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Care team</dt>
            <dd className="font-medium">{record.careTeam.length ? record.careTeam.map((m) => m.name).join(", ") : "Not assigned yet"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Running before this episode</dt>
            <dd className="font-medium">{record.weeklyDistanceKm} km a week</dd>
          </div>
          <div>
            <dt className="text-slate-600">My goal</dt>
            <dd className="font-medium">{record.runningGoal || "Not set"}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
