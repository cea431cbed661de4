import type { Metadata } from "next";
import { requireRole } from "@/lib/dal/session";
import { getMyRecord } from "@/lib/dal/patients";
import { episodeStatusLabel } from "@/lib/ui/episode-status-badge";

export const metadata: Metadata = { title: "My plan" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

export default async function MyHomePage() {
  await requireRole("patient");
  const record = await getMyRecord();
  return (
    <section aria-labelledby="me-heading" className="space-y-4">
      <h1 id="me-heading" className="text-2xl font-semibold">
        Hello, {record.name.split(" ")[0]}
      </h1>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">My care</h2>
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Episode</dt>
            <dd className="font-medium">
              {record.episodeStatus ? episodeStatusLabel(record.episodeStatus) : "No open episode"}
              {record.episodeOpenedAt && ` since ${dateFormat.format(record.episodeOpenedAt)}`}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Care team</dt>
            <dd className="font-medium">
              {record.careTeam.length ? record.careTeam.map((m) => m.name).join(", ") : "Not assigned yet"}
            </dd>
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
