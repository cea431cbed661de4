import type { ClearanceVersion } from "@/lib/dal/clearance";
import { ClearanceBadge } from "@/lib/ui/clearance-badge";
import { DescriptionItem } from "@/lib/ui/description-item";
import { formatDate, formatDateTime } from "@/lib/ui/format";
import { restrictionLines } from "./restriction-lines";

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
            <DescriptionItem term="Restrictions">
              <ul className="list-disc pl-5">
                {restrictionLines(current.restrictions).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </DescriptionItem>
          )}
          <DescriptionItem term="Review date">
            {current.reviewDate ? formatDate(current.reviewDate) : "None set"}
            {reviewDue && <span className="ml-2 font-semibold text-violet-900">Review due</span>}
          </DescriptionItem>
          <DescriptionItem term="Signed">
            Version {current.version}, by {current.signedByName} on {formatDateTime(current.signedAt)}
          </DescriptionItem>
          {current.overrideReason !== "" && <DescriptionItem term="Override reason">{current.overrideReason}</DescriptionItem>}
          {current.note !== "" && <DescriptionItem term="Note">{current.note}</DescriptionItem>}
        </dl>
      )}
    </section>
  );
}
