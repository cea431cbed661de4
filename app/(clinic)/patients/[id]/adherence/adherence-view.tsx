"use client";

import { mayRun } from "@/lib/domain/care-state";
import { AdherenceAtAGlance, LiveStatus } from "@/lib/ui/adherence";
import { adherenceSource } from "@/lib/queries/live";
import { CardSkeleton } from "@/lib/ui/skeleton";
import { useLiveData } from "@/lib/ui/use-live-data";
import { LazyAdherenceCharts } from "./adherence-charts-lazy";
import { HeatMap } from "./heat-map";

const card = "rounded-lg border border-slate-200 bg-white p-4";

/** The patient's adherence, refreshed while the page is open. */
export function AdherenceView({ patientId }: { patientId: string }) {
  const { data, updatedAt, failed } = useLiveData(adherenceSource(patientId));
  // The page prefetches the adherence (HydrationBoundary); only a page without it waits here.
  if (!data) return <CardSkeleton label="Adherence" lines={6} />;
  return (
    <div className="space-y-4">
      <section aria-labelledby="summary-heading" className={card}>
        <h2 id="summary-heading" className="text-lg font-semibold">At a glance</h2>
        <AdherenceAtAGlance summary={data.summary} today={data.today} />
        <LiveStatus className="mt-3 text-xs text-slate-600" updatedAt={updatedAt} failed={failed} />
        <p className="text-xs text-slate-600">
          Plan done counts the days each item was due against the days the patient ticked it done, up to yesterday; medicines and advice are not counted.
        </p>
      </section>
      <HeatMap rows={data.heatMap} today={data.today} />
      <LazyAdherenceCharts weeks={data.weeks} weeklyRunLimit={data.weeklyRunLimit} runningPaused={!mayRun(data.care.permission)} />
    </div>
  );
}
