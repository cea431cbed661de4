import type { ClearanceVersion } from "@/lib/dal/clearance";
import { ClearanceBadge } from "@/lib/ui/clearance-badge";
import { formatDate, formatDateTime } from "@/lib/ui/format";
import { restrictionLines } from "./restriction-lines";

const term = "font-medium text-slate-800";
const detail = "text-slate-700";

export function CurrentDecision({ current, reviewDue }: { current: ClearanceVersion | null; reviewDue: boolean }) {
  return (
    <section aria-labelledby="current-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="current-heading" className="text-lg font-semibold">Current decision</h2>
      <p className="mt-2">
        <ClearanceBadge level={current?.level ?? null} reviewDue={reviewDue} />
      </p>
      {!current ? (
        <p className="mt-2 text-sm text-slate-700">No clearance decision yet: the patient is not cleared to run.</p>
      ) : (
        <dl className="mt-2 space-y-2 text-sm">
          {current.restrictions && (
            <div>
              <dt className={term}>Restrictions</dt>
              <dd>
                <ul className="list-disc pl-5 text-slate-700">
                  {restrictionLines(current.restrictions).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          <div>
            <dt className={term}>Review date</dt>
            <dd className={detail}>
              {current.reviewDate ? formatDate(current.reviewDate) : "None set"}
              {reviewDue && <span className="ml-2 font-semibold text-violet-900">Review due</span>}
            </dd>
          </div>
          <div>
            <dt className={term}>Signed</dt>
            <dd className={detail}>
              Version {current.version}, by {current.signedByName} on {formatDateTime(current.signedAt)}
            </dd>
          </div>
          {current.overrideReason !== "" && (
            <div>
              <dt className={term}>Override reason</dt>
              <dd className={detail}>{current.overrideReason}</dd>
            </div>
          )}
          {current.note !== "" && (
            <div>
              <dt className={term}>Note</dt>
              <dd className={detail}>{current.note}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
