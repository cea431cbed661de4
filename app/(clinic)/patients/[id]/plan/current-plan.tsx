import type { PlanState } from "@/lib/dal/plans";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { formatDateTime } from "@/lib/ui/format";
import { AuthorRole } from "./author-role";
import { USUAL_COURSE_TEXT } from "./course";
import { PlanView } from "./plan-view";

export async function CurrentPlan({ current, review }: Pick<PlanState, "current" | "review">) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="current-plan-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="current-plan-heading" className="text-lg font-semibold">Current plan</h2>
      {current ? (
        <>
          <p className="mt-1 mb-3 flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
            <span>
              Version {current.version}, saved by {current.createdByName} on {formatDateTime(current.createdAt, fmt)}.
            </span>
            <AuthorRole role={current.createdByRole} />
          </p>
          <PlanView plan={current.plan} medications={review?.medications} />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">No plan yet. {USUAL_COURSE_TEXT}</p>
      )}
    </section>
  );
}
