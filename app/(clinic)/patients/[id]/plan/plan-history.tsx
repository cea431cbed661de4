import Link from "next/link";
import { getReaderFormat } from "@/lib/dal/reader-format";
import type { PlanVersionSummary } from "@/lib/dal/plans";
import { formatDateTime } from "@/lib/ui/format";
import { AuthorRole } from "./author-role";

/** Every saved version, newest first: a plan is never edited in place, only superseded. */
export async function PlanHistory({ patientId, history }: { patientId: string; history: PlanVersionSummary[] }) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="plan-history-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="plan-history-heading" className="text-lg font-semibold">History</h2>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No versions saved yet.</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-200">
          {history.map((v) => (
            <li key={v.version} className="py-2 text-sm">
              <p className="flex flex-wrap items-center gap-x-2">
                <Link href={`/patients/${patientId}/plan/versions/${v.version}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                  Version {v.version} — by {v.createdByName} on {formatDateTime(v.createdAt, fmt)}
                </Link>
                <AuthorRole role={v.createdByRole} />
              </p>
              <ul className="list-disc space-y-1 pl-5 text-slate-700">
                {v.changes.map((change, i) => (
                  <li key={i}>{change}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
