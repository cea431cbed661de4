import type { RunEntry } from "@/lib/dal/activity";
import { formatDate } from "@/lib/ui/format";
import { useReaderFormat } from "@/lib/ui/reader-format-context";

const pain = (value: number | null) => (value === null ? "not given" : `${value}/10`);

/** A logged run for the patient: blank pains say "not given", and the pain rule's advice shows. */
export function RunSummary({ run }: { run: RunEntry }) {
  const fmt = useReaderFormat();
  const worrying = run.verdict.judgement === "hold" || run.verdict.judgement === "step_back";
  return (
    <>
      <p>
        <span className="font-medium">{formatDate(run.date, fmt)}</span>: {run.minutes} min, {run.distanceKm} km, effort {run.rpe}/10. Pain before {pain(run.painBefore)},
        during {pain(run.painDuring)}, after {pain(run.painAfter)}
        {run.morningPain !== null && `, next morning ${run.morningPain}/10`}.
        {run.breaches.length > 0 && <span className="ml-1 font-semibold text-amber-800">Beyond what your doctor allowed.</span>}
      </p>
      <p className={worrying ? "font-semibold text-red-800" : "text-slate-700"}>{run.verdict.reason}</p>
    </>
  );
}
