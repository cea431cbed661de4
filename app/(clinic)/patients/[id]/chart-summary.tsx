import type { CareState } from "@/lib/domain/care-state";
import { getReaderFormat } from "@/lib/dal/reader-format";
import type { DiagnosisView } from "@/lib/dal/diagnoses";
import type { ExamView } from "@/lib/dal/exams";
import type { PlanState } from "@/lib/dal/plans";
import { StateInForce } from "@/lib/ui/state-in-force";
import { formatDate, formatDateTime } from "@/lib/ui/format";

interface ChartSummaryProps {
  /** The latest signed exam, with its findings. */
  exam: ExamView | null;
  diagnosis: DiagnosisView | undefined;
  care: CareState;
  plan: PlanState["current"];
}

const term = "text-xs font-semibold uppercase tracking-wide text-slate-600";

/**
 * Where the patient stands, at the top of the chart: the last visit's exam, the diagnosis, the
 * clearance in force (from the care state, never re-derived here), the plan and the next review.
 */
export async function ChartSummary({ exam, diagnosis, care, plan }: ChartSummaryProps) {
  const fmt = await getReaderFormat();
  const permission = care.permission;
  const review = permission.status === "cleared" ? permission.reviewDate : null;
  return (
    <section aria-labelledby="summary-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="summary-heading" className="text-lg font-semibold">Summary</h2>
      <dl className="mt-2 grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
        <div>
          <dt className={term}>Last visit</dt>
          <dd>
            {exam ? (
              <>
                Examined {formatDateTime(exam.signedAt!, fmt)} by {exam.signedByName ?? exam.authorName}
                {exam.painNow !== null && ` · pain ${exam.painNow}/10`}
                {exam.suggestion.level && ` · suggested ${exam.suggestion.level}${exam.suggestion.side ? ` on the ${exam.suggestion.side}` : ""}`}
                {exam.suggestion.reasons.length > 0 && (
                  <ul className="mt-1 list-disc pl-5 text-slate-700">
                    {exam.suggestion.reasons.slice(0, 3).map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                )}
              </>
            ) : (
              "No signed examination yet."
            )}
          </dd>
        </div>
        <div>
          <dt className={term}>Diagnosis</dt>
          <dd>{diagnosis ? `${diagnosis.label} · ${diagnosis.side} side${diagnosis.level ? ` · ${diagnosis.level}` : ""}` : "None recorded yet."}</dd>
        </div>
        <div>
          <dt className={term}>Clearance in force</dt>
          <dd>
            <StateInForce care={care} />
          </dd>
        </div>
        <div>
          <dt className={term}>Plan and next review</dt>
          <dd>
            {plan ? `Version ${plan.version}: ${plan.plan.items.length} items over ${plan.plan.courseWeeks} weeks from ${formatDate(plan.plan.startDate, fmt)}` : "No plan yet."}
            <span className="block text-slate-700">{review ? `Clearance review ${formatDate(review, fmt)}${permission.status === "cleared" && permission.reviewDue ? " (due now)" : ""}` : "No review date set."}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
