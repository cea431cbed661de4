import { mechanismLabels, type ExamDraft } from "@/lib/domain/exam";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { CURRENT_MEDICINE_CLASSES, currentMedicineLabels, NSAID_RISKS, nsaidRiskLabels } from "@/lib/domain/medication-guardrails";
import { redFlags } from "@/lib/domain/red-flags";
import { formatDate } from "@/lib/ui/format";
import { NOT_RECORDED, labelOf, painPatternLabels, redFlagGroups, symptomSideLabels, yesNo } from "./exam-labels";

const card = "rounded-lg border border-slate-200 bg-white p-4";

function ticked<T extends string>(all: readonly T[], answers: Partial<Record<T, boolean>> | undefined, labels: Record<T, string>): string {
  if (!answers) return NOT_RECORDED;
  const yes = all.filter((v) => answers[v]);
  return yes.length ? yes.map((v) => labels[v]).join("; ") : "None";
}

function score(value: number | undefined): string {
  return value === undefined ? NOT_RECORDED : `${value}/10`;
}

export async function HistoryFindings({ history = {} }: { history: ExamDraft["history"] }) {
  const fmt = await getReaderFormat();
  const mechanism = labelOf(history.mechanism, mechanismLabels);
  const rows: [string, string][] = [
    ["Date the pain started", history.onsetDate ? formatDate(history.onsetDate, fmt) : NOT_RECORDED],
    ["How the pain started", history.mechanismNotes ? `${mechanism}: ${history.mechanismNotes}` : mechanism],
    ["Started with trauma", yesNo(history.trauma)],
    ["Side of the leg symptoms", labelOf(history.side, symptomSideLabels)],
    ["Which hurts more", labelOf(history.painPattern, painPatternLabels)],
    ["Pain now", score(history.painNow)],
    ["Worst pain", score(history.painWorst)],
    ["Already takes for this pain", ticked(CURRENT_MEDICINE_CLASSES, history.currentMedicines, currentMedicineLabels)],
    ["NSAID risk factors", ticked(NSAID_RISKS, history.nsaidRisks, nsaidRiskLabels)],
  ];
  return (
    <section aria-labelledby="history-heading" className={card}>
      <h2 id="history-heading" className="text-lg font-semibold">History</h2>
      <dl className="mt-2 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-800">{term}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function RedFlagFindings({ answers = {}, longStanding = {} }: { answers: ExamDraft["redFlags"]; longStanding?: ExamDraft["redFlagsLongStanding"] }) {
  return (
    <section aria-labelledby="red-flags-heading" className="rounded-lg border-2 border-red-700 bg-white p-4">
      <h2 id="red-flags-heading" className="text-lg font-semibold text-red-800">Red flags</h2>
      {redFlagGroups.map(({ tier, title }) => (
        <div key={tier} className="mt-3">
          <h3 className="font-semibold text-red-800">{title}</h3>
          <ul className="mt-1 divide-y divide-slate-200 text-sm">
            {redFlags
              .filter((flag) => flag.tier === tier)
              .map((flag) => {
                const answer = answers[flag.id];
                const known = answer === true && longStanding?.[flag.id] === true;
                return (
                  <li key={flag.id} className={`flex justify-between gap-4 px-2 py-2 ${answer && !known ? "bg-red-50 font-semibold text-red-800" : "text-slate-800"}`}>
                    <span>{flag.clinicianLabel}</span>
                    <span>{known ? "Yes — long-standing, assessed" : answer ? "Yes — red flag" : yesNo(answer)}</span>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}
