import type { ClearanceVersion } from "@/lib/dal/clearance";
import { ClearanceBadge } from "@/lib/ui/clearance-badge";
import { formatDate, formatDateTime } from "@/lib/ui/format";
import { restrictionLines } from "./restriction-lines";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-800">{term}</dt>
      <dd className="text-slate-700">{children}</dd>
    </div>
  );
}

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
            <Item term="Restrictions">
              <ul className="list-disc pl-5">
                {restrictionLines(current.restrictions).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Item>
          )}
          <Item term="Review date">
            {current.reviewDate ? formatDate(current.reviewDate) : "None set"}
            {reviewDue && <span className="ml-2 font-semibold text-violet-900">Review due</span>}
          </Item>
          <Item term="Signed">
            Version {current.version}, by {current.signedByName} on {formatDateTime(current.signedAt)}
          </Item>
          {current.overrideReason !== "" && <Item term="Override reason">{current.overrideReason}</Item>}
          {current.note !== "" && <Item term="Note">{current.note}</Item>}
        </dl>
      )}
    </section>
  );
}
