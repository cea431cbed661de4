import type { RunEntry } from "@/lib/dal/activity";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { formatDate } from "@/lib/ui/format";

const score = (label: string, value: number | null) => (value === null ? `${label} not given` : `${value}/10 ${label}`);

const verdictText = { advance: "pain rule: went well", hold: "pain rule: hold", step_back: "pain rule: step back", pending: "pain rule: not judged yet" } as const;

/** One logged run for the care team: blank pain scores say so, and the pain rule's judgement shows. */
export async function RunLine({ run }: { run: RunEntry }) {
  const fmt = await getReaderFormat();
  const pains = [score("before", run.painBefore), score("during", run.painDuring), score("after", run.painAfter)];
  if (run.morningPain !== null) pains.push(`${run.morningPain}/10 next morning`);
  const alarming = run.verdict.judgement === "hold" || run.verdict.judgement === "step_back";
  return (
    <>
      {formatDate(run.date, fmt)}: {run.minutes} min, {run.distanceKm} km, effort {run.rpe}/10, pain {pains.join(", ")}
      {run.newNumbnessOrWeakness && <span className="ml-1 font-semibold text-red-800">· new numbness or weakness</span>}
      <span className={`ml-1 ${alarming ? "font-semibold text-red-800" : "text-slate-700"}`}>· {verdictText[run.verdict.judgement]}</span>
      {run.breaches.length > 0 && (
        <span className="ml-1 font-semibold text-amber-800">
          · {run.breaches.includes("not_cleared") ? "ran while not cleared" : `beyond the clearance (${run.breaches.join(", ").replaceAll("_", " ")})`}
        </span>
      )}
    </>
  );
}
