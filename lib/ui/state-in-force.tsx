import { mayRun, type CareState } from "@/lib/domain/care-state";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { pauseExplanation, permissionLabel } from "@/lib/domain/permission-wording";
import { PermissionBadge } from "./clearance-badge";
import { formatDate } from "./format";

/**
 * What clinicians see of the state in force: the badge, why no clearance is in force when none
 * is, and the review date. Every clinical screen shows it from the same `careState`.
 */
export async function StateInForce({ care }: { care: CareState }) {
  const fmt = await getReaderFormat();
  const { permission } = care;
  const why = pauseExplanation(permission, (d: string) => formatDate(d, fmt));
  return (
    <div className="space-y-1">
      <p>
        <PermissionBadge label={permissionLabel(permission)} mayRun={mayRun(permission)} />
      </p>
      {why && <p className="text-sm text-slate-800">{why}</p>}
      {permission.status === "cleared" && permission.reviewDate && (
        <p className="text-sm text-slate-700">
          Review {permission.reviewDue ? "due since" : "on"} {formatDate(permission.reviewDate, fmt)}
        </p>
      )}
      {permission.status === "return_to_training" && <p className="text-sm text-slate-700">The episode is healed: the runner builds back to their usual volume, about 10 % more a week.</p>}
    </div>
  );
}
