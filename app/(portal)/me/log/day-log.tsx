"use client";

import { useQuery } from "@tanstack/react-query";
import type { MyDay } from "@/lib/dal/activity";
import { DayItems } from "./day-items";
import { MorningPain } from "./morning-pain";
import { RunForm } from "./run-form";
import { fetchMyDay, myDayKey } from "./use-log";

export function DayLog({ initial }: { initial: MyDay }) {
  const { data } = useQuery({ queryKey: myDayKey, queryFn: fetchMyDay, initialData: initial });
  return (
    <div className="space-y-6">
      <section aria-labelledby="today-heading" className="space-y-3">
        <h2 id="today-heading" className="text-lg font-semibold">Today&apos;s plan</h2>
        <DayItems date={data.date} items={data.items} />
      </section>
      <section aria-labelledby="run-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="run-heading" className="text-lg font-semibold">Log a run</h2>
        {data.clearanceLevel === "not_cleared" && <p className="text-sm text-slate-700">You are not cleared to run yet. If you did run, log it so your care team knows.</p>}
        <RunForm date={data.date} />
        {data.runs.length > 0 && (
          <div>
            <h3 className="font-semibold">This week&apos;s runs</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {data.runs.map((r) => (
                <li key={r.id}>
                  {r.date}: {r.minutes} min, {r.distanceKm} km, effort {r.rpe}/10, pain {r.painDuring}/10
                  {r.morningPain !== null && `, next morning ${r.morningPain}/10`}
                  {r.breaches.length > 0 && <span className="ml-1 font-semibold text-amber-800">(beyond your limits)</span>}
                  {r.morningPain === null && r.date < data.date && <MorningPain runId={r.id} label={r.date} />}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}
