import type { ClearanceVersion } from "@/lib/dal/clearance";
import { getReaderFormat } from "@/lib/dal/reader-format";
import type { CareState } from "@/lib/domain/care-state";
import { decisionLabel } from "@/lib/ui/clearance-badge";
import { DescriptionItem } from "@/lib/ui/description-item";
import { formatDate, formatDateTime } from "@/lib/ui/format";
import { StateInForce } from "@/lib/ui/state-in-force";
import { restrictionLines } from "./restriction-lines";

/** The state in force first (what the patient is told), then the decision on record behind it. */
export async function CurrentDecision({ current, care }: { current: ClearanceVersion | null; care: CareState }) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="current-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="current-heading" className="text-lg font-semibold">In force now</h2>
      <div className="mt-2">
        <StateInForce care={care} />
      </div>
      <h3 className="mt-4 font-semibold">Latest decision on record</h3>
      {!current ? (
        <p className="mt-1 text-sm text-slate-700">No clearance decision yet.</p>
      ) : (
        <dl className="mt-1 space-y-2 text-sm">
          <DescriptionItem term="Decision">{decisionLabel(current.level, current.withdrawn)}</DescriptionItem>
          {current.restrictions && (
            <DescriptionItem term="Restrictions">
              <ul className="list-disc pl-5">
                {restrictionLines(current.restrictions).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </DescriptionItem>
          )}
          <DescriptionItem term="Review date">{current.reviewDate ? formatDate(current.reviewDate, fmt) : "None set"}</DescriptionItem>
          <DescriptionItem term="Signed">
            Version {current.version}, by {current.signedByName} on {formatDateTime(current.signedAt, fmt)}
          </DescriptionItem>
          {current.overrideReason !== "" && <DescriptionItem term="Override reason">{current.overrideReason}</DescriptionItem>}
          {current.note !== "" && <DescriptionItem term="Note">{current.note}</DescriptionItem>}
        </dl>
      )}
    </section>
  );
}
