import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { orNotFound } from "@/lib/ui/or-not-found";
import { getOutcomesDashboard, outcomesQuerySchema, type OutcomesDashboard } from "@/lib/dal/outcomes";
import { requireRole } from "@/lib/dal/session";
import { walkRunStages } from "@/lib/domain/progression";
import { formatDateTime } from "@/lib/ui/format";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { NonImproversTable } from "./non-improvers-table";
import { LazyOutcomeBarChart } from "./outcomes-chart-lazy";

export type Search = Record<string, string | string[] | undefined>;
type Scope = OutcomesDashboard["scope"];
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const control = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3";
const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2 tabular-nums";

/** Whose patients is the path (/outcomes, /outcomes/clinic); the root cause is a filter on it. */
const pathOf = (scope: Scope) => (scope === "clinic" ? "/outcomes/clinic" : "/outcomes");
const href = (scope: Scope, cause: string | undefined) => (cause ? `${pathOf(scope)}?${new URLSearchParams({ cause })}` : pathOf(scope));

/** A change with its sign: negative is better (lower pain, lower disability). */
const signed = (v: number | null, unit = "") => (v === null ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(Math.round(v * 10) / 10)}${unit}`);
const nOf = (n: number) => `n = ${n}`;

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function SideBySide({ chart, table }: { chart: React.ReactNode; table: React.ReactNode }) {
  return <div className="grid gap-4 lg:grid-cols-2">{chart}<div className="min-w-0">{table}</div></div>;
}

function Stages({ d }: { d: OutcomesDashboard }) {
  const inProgramme = d.byStage.reduce((sum, s) => sum + s.count, 0);
  const stageName = (stage: number) => walkRunStages[stage - 1]?.patientLabel ?? `Stage ${stage}`;
  const table = (
    <ScrollRegion label="Patients by stage table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Patients under care by the stage of their latest programme run</caption>
        <thead className="bg-slate-100 text-slate-700"><tr><th scope="col" className={th}>Stage</th><th scope="col" className={th}>Patients</th></tr></thead>
        <tbody className="divide-y divide-slate-200">
          {d.byStage.map((s) => (
            <tr key={s.stage}><th scope="row" className="px-3 py-2 font-normal">{s.stage}. {stageName(s.stage)}</th><td className={td}>{s.count}</td></tr>
          ))}
          <tr><th scope="row" className="px-3 py-2 font-normal">Not in the programme</th><td className={td}>{d.notInProgramme}</td></tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
  return (
    <Panel id="stages-heading" title="Patients by stage of the walk/run programme">
      {inProgramme === 0 ? (
        <>
          <p className="mb-3">No patient under care has logged a run in the programme yet.</p>
          {table}
        </>
      ) : (
        <SideBySide
          chart={<LazyOutcomeBarChart bars={d.byStage.map((s) => ({ label: String(s.stage), value: s.count }))} summary={`Patients under care at each stage (1 to ${d.byStage.length}, the last is continuous running); ${nOf(inProgramme)} in the programme.`} />}
          table={table}
        />
      )}
    </Panel>
  );
}

function Continuous({ d }: { d: OutcomesDashboard }) {
  const measured = d.continuous.some((c) => c.of > 0);
  const table = (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Share of episodes back to continuous running by week 4, 8 and 12</caption>
      <thead className="bg-slate-100 text-slate-700"><tr><th scope="col" className={th}>By week</th><th scope="col" className={th}>Back to continuous</th><th scope="col" className={th}>Share</th></tr></thead>
      <tbody className="divide-y divide-slate-200">
        {d.continuous.map((c) => (
          <tr key={c.week}>
            <th scope="row" className="px-3 py-2 font-normal">Week {c.week}</th>
            <td className={td}>{c.count} of {c.of}</td>
            <td className={td}>{c.percent === null ? "no episode this old" : `${c.percent}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Panel id="continuous-heading" title="Back to continuous running">
      <p className="mb-3 text-sm text-slate-700">Of the episodes at least that many weeks old, those with a continuous run (the programme&apos;s last stage) within that many weeks of the first exam.</p>
      {measured ? (
        <SideBySide chart={<LazyOutcomeBarChart bars={d.continuous.map((c) => ({ label: `Week ${c.week}`, value: c.percent }))} unit="%" domain={[0, 100]} summary="Share back to continuous running by week 4, 8 and 12." />} table={table} />
      ) : (
        <>
          <p className="mb-3">No episode is four weeks old yet, so there is no share to show.</p>
          {table}
        </>
      )}
    </Panel>
  );
}

function Changes({ d }: { d: OutcomesDashboard }) {
  const measured = d.byRootCause.filter((c) => c.odiN > 0 || c.painN > 0);
  const table = (
    <ScrollRegion label="Change by root cause table">
      <table className="w-full min-w-[28rem] text-left text-sm">
        <caption className="sr-only">Median change in ODI and pain by root cause</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr><th scope="col" className={th}>Root cause</th><th scope="col" className={th}>Median ODI change</th><th scope="col" className={th}>Median pain change</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          <tr className="font-medium">
            <th scope="row" className="px-3 py-2">All ({d.episodes})</th>
            <td className={td}>{signed(d.changes.odiMedian, " points")} <span className="text-slate-600">({nOf(d.changes.odiN)})</span></td>
            <td className={td}>{signed(d.changes.painMedian)} <span className="text-slate-600">({nOf(d.changes.painN)})</span></td>
          </tr>
          {d.byRootCause.map((c) => (
            <tr key={c.rootCause ?? "none"}>
              <th scope="row" className="px-3 py-2 font-normal">{c.label} ({c.patients})</th>
              <td className={td}>{signed(c.odiMedian, " points")} <span className="text-slate-600">({nOf(c.odiN)})</span></td>
              <td className={td}>{signed(c.painMedian)} <span className="text-slate-600">({nOf(c.painN)})</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
  return (
    <Panel id="changes-heading" title="Change in ODI and pain, by root cause">
      <p className="mb-3 text-sm text-slate-700">Latest minus first reading of the episode: below zero is better. ODI in percent points (about 10 is a meaningful change), pain on the 0–10 scale. n is the number of patients with both readings.</p>
      {measured.length ? (
        <SideBySide
          chart={
            // ODI when any patient has two readings of it, else pain: the chart never plots an empty measure.
            measured.some((c) => c.odiN > 0) ? (
              <LazyOutcomeBarChart bars={measured.map((c) => ({ label: c.label.split(/[ ,(]/)[0]!, value: c.odiMedian }))} summary="Median ODI change by root cause, in points (below zero is better)." />
            ) : (
              <LazyOutcomeBarChart bars={measured.map((c) => ({ label: c.label.split(/[ ,(]/)[0]!, value: c.painMedian }))} summary="Median pain change by root cause, on the 0–10 scale (below zero is better); no patient has two ODI scores yet." />
            )
          }
          table={table}
        />
      ) : (
        <>
          <p className="mb-3">No patient has two readings of ODI or pain in this episode yet.</p>
          {table}
        </>
      )}
    </Panel>
  );
}

function Adherence({ d }: { d: OutcomesDashboard }) {
  const measured = d.byAdherence.some((b) => b.odiN > 0 || b.painN > 0);
  const table = (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Median ODI and pain change by plan adherence over the last 28 days</caption>
      <thead className="bg-slate-100 text-slate-700">
        <tr><th scope="col" className={th}>Plan done, 28 days</th><th scope="col" className={th}>Median ODI change</th><th scope="col" className={th}>Median pain change</th></tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {d.byAdherence.map((b) => (
          <tr key={b.key}>
            <th scope="row" className="px-3 py-2 font-normal">{b.label} ({b.patients})</th>
            <td className={td}>{signed(b.odiMedian, " points")} <span className="text-slate-600">({nOf(b.odiN)})</span></td>
            <td className={td}>{signed(b.painMedian)} <span className="text-slate-600">({nOf(b.painN)})</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Panel id="adherence-heading" title="Adherence against outcome">
      {measured ? (
        <SideBySide chart={<LazyOutcomeBarChart bars={d.byAdherence.map((b) => ({ label: b.label, value: b.painMedian }))} summary="Median pain change for each band of plan adherence (below zero is better)." />} table={table} />
      ) : (
        <>
          <p className="mb-3">No patient with a plan has two readings of ODI or pain yet.</p>
          {table}
        </>
      )}
    </Panel>
  );
}

function NonImprovers({ d }: { d: OutcomesDashboard }) {
  return (
    <Panel id="non-improvers-heading" title="Not improving by week 6">
      <p className="mb-3 text-sm text-slate-700">
        Six weeks or more into an active episode with pain not down by 30 % or more, or ODI not down by 10 points or more: consider physical therapy or a specialist referral.
      </p>
      {d.nonImprovers.length === 0 ? (
        <p>No patient is flagged.</p>
      ) : (
        <NonImproversTable
          rows={d.nonImprovers.map((n, i) => ({
            key: n.name === null ? `other-${i}` : n.patientId,
            who: n.name ?? `A patient of ${n.physicians || "another physician"}`,
            chart: n.name === null ? null : `/patients/${n.patientId}`,
            rootCause: n.rootCauseLabel,
            weeksIn: n.weeksIn,
            painChange: `${signed(n.painChange)}${n.reasons.includes("pain") ? " (under 30 %)" : ""}`,
            odiChange: `${signed(n.odiChange, " points")}${n.reasons.includes("odi") ? " (under 10)" : ""}`,
          }))}
        />
      )}
    </Panel>
  );
}

/**
 * The dashboard of one scope. Its route's layout has already made the scope's access check
 * (physicians; the whole clinic for a clinical lead), before the skeleton streamed.
 */
export async function OutcomesDashboardPage({ scope, searchParams }: { scope: Scope; searchParams: Promise<Search> }) {
  const fmt = await getReaderFormat();
  await requireRole("physician");
  const search = await searchParams;
  const { cause } = outcomesQuerySchema.parse({ cause: first(search.cause) });
  const d = await orNotFound(getOutcomesDashboard({ scope, cause }));
  const whose = d.scope === "clinic" ? "the whole clinic" : "your care team";
  return (
    <section aria-labelledby="outcomes-heading" className="space-y-4">
      <h1 id="outcomes-heading" className="text-2xl font-semibold">Outcomes</h1>
      {d.clinicalLead && (
        <nav aria-label="Whose patients" className="flex flex-wrap gap-2">
          {(["mine", "clinic"] as const).map((scope) => (
            <Link
              key={scope}
              href={href(scope, d.cause)}
              aria-current={d.scope === scope ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-md border px-4 font-medium ${d.scope === scope ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-brand-700"}`}
            >
              {scope === "mine" ? "My patients" : "Whole clinic"}
            </Link>
          ))}
          <Link href="/outcomes/export" className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 font-medium text-brand-700">
            Export the clinic (FHIR)
          </Link>
        </nav>
      )}
      <form action={pathOf(d.scope)} aria-label="Narrow the figures" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-0 flex-1 sm:max-w-sm">
          <label htmlFor="cause" className="text-sm font-medium">Root cause</label>
          <select id="cause" name="cause" defaultValue={d.cause ?? ""} className={control}>
            <option value="">All root causes</option>
            {d.causes.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">Show</button>
      </form>
      <p className="text-sm text-slate-700" aria-live="polite">
        {d.episodes} {d.episodes === 1 ? "episode" : "episodes"} opened by an exam in {whose}
        {d.cause ? `, root cause: ${d.causes.find((c) => c.id === d.cause)?.label ?? "as chosen"}` : ""}.
        {d.episodes > 0 && d.episodes < 10 && " Few patients: read the figures as individual stories, not rates."}
        {d.oldestUpdate && ` Adherence figures are as of each patient's latest record (oldest ${formatDateTime(d.oldestUpdate, fmt)}).`}
      </p>
      {d.episodes === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">
          {d.cause ? "No episode in scope has this root cause." : `No patient in ${whose} has an episode opened by an exam yet: the figures start with the first signed exam.`}
        </p>
      ) : (
        <>
          <NonImprovers d={d} />
          <Stages d={d} />
          <Continuous d={d} />
          <Changes d={d} />
          <Adherence d={d} />
        </>
      )}
    </section>
  );
}
