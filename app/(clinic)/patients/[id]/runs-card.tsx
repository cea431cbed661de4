import { listRecentRuns } from "@/lib/dal/activity";
import { RunLine } from "./run-line";

const card = "rounded-lg border border-slate-200 bg-white p-4";

/** The runs of the last four weeks on the chart, streamed in on their own; beyond-clearance runs are counted first. */
export async function RunsCard({ patientId }: { patientId: string }) {
  const runs = await listRecentRuns(patientId);
  const breachingRuns = runs.filter((r) => r.breaches.length > 0);
  return (
    <section aria-labelledby="runs-heading" className={card}>
      <h2 id="runs-heading" className="text-lg font-semibold">Runs logged in the last 4 weeks</h2>
      {breachingRuns.length > 0 && (
        <p className="mt-2 rounded-md border border-amber-500 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950">
          {breachingRuns.length} {breachingRuns.length === 1 ? "run went" : "runs went"} beyond the clearance.
        </p>
      )}
      {runs.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No runs logged.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 text-sm">
          {runs.slice(0, 10).map((r) => (
            <li key={r.id} className="py-1">
              <RunLine run={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
