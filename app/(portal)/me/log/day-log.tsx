"use client";

import { useQuery } from "@tanstack/react-query";
import type { MyDay } from "@/lib/dal/activity";
import { addDays as daysBefore } from "@/lib/domain/schedule";
import { formatDate } from "@/lib/ui/format";
import { useReaderFormat } from "@/lib/ui/reader-format-context";

// Next-morning pain may come for a run of the last three days (lib/dal/activity.ts).
const MORNING_PAIN_DAYS = -3;
import { DayItems } from "./day-items";
import { MorningPain } from "./morning-pain";
import { RunForm } from "./run-form";
import { RunSummary } from "./run-summary";
import { fetchMyDay, myDayKey } from "./use-log";

export function DayLog({ initial }: { initial: MyDay }) {
  const fmt = useReaderFormat();
  const { data } = useQuery({ queryKey: myDayKey, queryFn: fetchMyDay, initialData: initial });
  return (
    <div className="space-y-6">
      <section aria-labelledby="today-heading" className="space-y-3">
        <h2 id="today-heading" className="text-lg font-semibold">Today&apos;s plan</h2>
        <DayItems date={data.date} items={data.items} />
      </section>
      <section aria-labelledby="run-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="run-heading" className="text-lg font-semibold">Log a run</h2>
        {data.permission.status === "paused" ? (
          <p className="rounded-md border-2 border-red-700 bg-red-50 px-3 py-2 font-semibold text-red-900">
            {data.runningHeadline} If you did run, log it so your care team knows.
          </p>
        ) : (
          data.running.map((r) => (
            <p key={r.state.key} className="text-sm text-slate-800">
              Your running today: {r.allowed}.
            </p>
          ))
        )}
        <RunForm date={data.date} />
        {data.runs.length > 0 && (
          <div>
            <h3 className="font-semibold">Runs in the last week</h3>
            <ul className="mt-1 space-y-3 text-sm">
              {data.runs.map((r) => (
                <li key={r.id}>
                  <RunSummary run={r} />
                  {r.morningPain === null && r.date < data.date && r.date >= daysBefore(data.date, MORNING_PAIN_DAYS) && <MorningPain runId={r.id} label={formatDate(r.date, fmt)} />}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}
