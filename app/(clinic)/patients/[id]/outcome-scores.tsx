import { getOutcomeScores } from "@/lib/dal/questionnaires";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { planTemplates } from "@/lib/domain/plan-catalogue";
import { odiBandLabels, startBackPlan, type QuestionnaireKind } from "@/lib/domain/questionnaires";
import { daysBetween } from "@/lib/domain/schedule";
import { formatDate } from "@/lib/ui/format";
import type { TrendPoint } from "./outcome-trend";
import { LazyOutcomeTrend } from "./outcome-trend-lazy";
import { RequestQuestionnaireForm } from "./request-questionnaire-form";

const card = "rounded-lg border border-slate-200 bg-white p-4";
const weeksSince = (from: string, to: string) => Math.round((daysBetween(from, to) / 7) * 10) / 10;
const dueReason = { baseline: "baseline", fortnightly: "fortnightly", requested: "asked for" } as const;

/**
 * The validated scores on the chart (DOMAIN.md §5): the ODI with its band, change since the
 * episode's baseline and whether that change is clinically meaningful; STarT Back's risk group and
 * the plan it points to; the plan's ODI goal met or not; the trend against the usual course.
 */
export async function OutcomeScores({ patientId, canAsk }: { patientId: string; canAsk: boolean }) {
  const [scores, fmt] = await Promise.all([getOutcomeScores(patientId), getReaderFormat()]);
  const { odiSummary: odi, startBack } = scores;
  const start = scores.episodeStartedOn;
  const points: TrendPoint[] = start
    ? [
        ...scores.odi.filter((o) => o.score !== null).map((o) => ({ week: weeksSince(start, o.date), odi: Math.round(o.score!), pain: null })),
        ...scores.pain.map((p) => ({ week: weeksSince(start, p.date), odi: null, pain: p.pain })),
      ].sort((a, b) => a.week - b.week)
    : [];
  const templates = startBack ? planTemplates.filter((t) => t.name.toLowerCase().includes(startBackPlan[startBack.risk].templateKind)).map((t) => t.name) : [];
  const trendSummary = odi
    ? `ODI ${Math.round(odi.baseline.score)} at baseline, ${Math.round(odi.latest.score)} now; ${scores.pain.length} pain scores from check-ins. Most people recover within 4 to 8 weeks (shaded).`
    : `No ODI scored yet; ${scores.pain.length} pain scores from check-ins. Most people recover within 4 to 8 weeks (shaded).`;
  return (
    <section aria-labelledby="outcomes-heading" className={`${card} space-y-3`}>
      <h2 id="outcomes-heading" className="text-lg font-semibold">Outcome scores</h2>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">Oswestry Disability Index</dt>
          <dd>
            {odi ? (
              <>
                <span className="text-lg font-semibold tabular-nums">{Math.round(odi.latest.score)}</span> / 100, {odiBandLabels[odi.latest.band]} ({formatDate(odi.latest.date, fmt)})
                <span className="block">
                  {odi.change
                    ? `${odi.change.points < 0 ? "Down" : odi.change.points > 0 ? "Up" : "No change"} ${Math.abs(Math.round(odi.change.points))} points since baseline (${Math.round(odi.baseline.score)} on ${formatDate(odi.baseline.date, fmt)}): ${odi.change.meaningful ? (odi.change.direction === "better" ? "a clinically meaningful improvement" : "a clinically meaningful worsening") : "not a clinically meaningful change (under 10 points)"}.`
                    : "Baseline: the next one shows the change."}
                </span>
              </>
            ) : (
              "Not scored yet."
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">STarT Back</dt>
          <dd>
            {startBack ? (
              <>
                <span className="font-semibold">{startBackPlan[startBack.risk].label}</span> (total {startBack.total}/9, psychosocial {startBack.psychosocial}/5, {formatDate(startBack.date, fmt)})
                <span className="block">Suggested: {startBackPlan[startBack.risk].advice}</span>
                {templates.length > 0 && <span className="block text-slate-700">Matching plan templates: {templates.join(", ")}.</span>}
              </>
            ) : (
              "Not answered yet."
            )}
          </dd>
        </div>
      </dl>
      {scores.goals.length > 0 && (
        <ul className="space-y-1 text-sm">
          {scores.goals.map((g) => (
            <li key={g.description}>
              Plan goal “{g.description}”:{" "}
              <span className={`font-semibold ${g.status === "met" ? "text-emerald-800" : g.status === "not_met" ? "text-amber-900" : "text-slate-700"}`}>
                {g.status === "met" ? "met" : g.status === "not_met" ? "not met yet" : "not measurable yet (needs two ODI scores)"}
              </span>
            </li>
          ))}
        </ul>
      )}
      {scores.due.length > 0 && (
        <p className="text-sm text-slate-700">Due now for the patient: {scores.due.map((d) => `${d.kind === "odi" ? "ODI" : "STarT Back"} (${dueReason[d.reason]})`).join(", ")}.</p>
      )}
      {points.length > 0 && <LazyOutcomeTrend points={points} summary={trendSummary} />}
      {canAsk && (
        <div className="flex flex-wrap gap-3">
          {(["odi", "start_back"] as QuestionnaireKind[]).map((k) => (
            <RequestQuestionnaireForm key={k} patientId={patientId} kind={k} />
          ))}
        </div>
      )}
    </section>
  );
}
