"use client";

import type { PatientAdherence } from "@/lib/dal/adherence";
import { AdherencePercent, FlagList, lastLogText, painText } from "@/lib/ui/adherence";
import { useLiveData } from "@/lib/ui/use-live-data";
import { AdherenceCharts } from "./adherence-charts";
import { HeatMap } from "./heat-map";

const card = "rounded-lg border border-slate-200 bg-white p-4";
const time = (ms: number) => new Date(ms).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit" });

/** The patient's adherence, refreshed while the page is open. */
export function AdherenceView({ patientId, initial, healed }: { patientId: string; initial: PatientAdherence; healed: boolean }) {
  const { data, updatedAt, failed } = useLiveData(`adherence:${patientId}`, `/api/patients/${patientId}/adherence`, initial);
  const { summary } = data;
  return (
    <div className="space-y-4">
      <section aria-labelledby="summary-heading" className={card}>
        <h2 id="summary-heading" className="text-lg font-semibold">At a glance</h2>
        <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-700">Plan done, last 7 days</dt>
            <dd className="text-lg"><AdherencePercent rate={summary.last7} /></dd>
          </div>
          <div>
            <dt className="text-slate-700">Plan done, last 28 days</dt>
            <dd className="text-lg"><AdherencePercent rate={summary.last28} /></dd>
          </div>
          <div>
            <dt className="text-slate-700">Last log</dt>
            <dd>{lastLogText(summary.lastLogDate, data.today)}</dd>
          </div>
          <div>
            <dt className="text-slate-700">Pain at check-in</dt>
            <dd>{painText(summary.pain)}</dd>
          </div>
        </dl>
        <div className="mt-3 text-sm">
          <h3 className="font-medium">Flags</h3>
          <div className="mt-1"><FlagList flags={healed ? [] : summary.flags} /></div>
        </div>
        <p className="mt-3 text-xs text-slate-600" role={failed ? "alert" : undefined}>
          {failed ? "Could not check for new logs; reload the page to try again." : `Updates by itself while open. Checked at ${time(updatedAt || Date.now())}.`} Plan done
          counts the days each item was due against the days the patient ticked it done, up to yesterday; medicines and advice are not counted.
        </p>
      </section>
      <HeatMap rows={data.heatMap} today={data.today} />
      <AdherenceCharts weeks={data.weeks} weeklyRunLimit={data.weeklyRunLimit} />
    </div>
  );
}
