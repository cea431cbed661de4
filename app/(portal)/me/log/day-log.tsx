"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { myDayQuery } from "@/lib/queries/my-day";
import { addDays as daysBefore } from "@/lib/domain/schedule";
import { formatDate, formatLongDate, formatWeekday } from "@/lib/ui/format";
import { useReaderFormat } from "@/lib/ui/reader-format-context";
import { PageSkeleton } from "@/lib/ui/skeleton";

// Next-morning pain may come for a run of the last three days (lib/dal/activity.ts).
const MORNING_PAIN_DAYS = -3;
import { ProgrammeCard } from "../programme-card";
import { DayItems } from "./day-items";
import { MorningPain } from "./morning-pain";
import { RunForm } from "./run-form";
import { RunSummary } from "./run-summary";

function dayName(date: string, today: string, weekday: string): string {
  if (date === today) return "Today";
  if (date === daysBefore(today, -1)) return "Yesterday";
  return weekday;
}

/** The log of one day; `initialDate` is the day the page opened on, which the server prefetched. */
export function DayLog({ initialDate }: { initialDate: string }) {
  const fmt = useReaderFormat();
  const [date, setDate] = useState(initialDate);
  // While another day loads, the buttons and list of the day shown stay put.
  const { data } = useQuery({ ...myDayQuery(date), placeholderData: (previous) => previous });
  if (!data) return <PageSkeleton label="Your day" cards={2} narrow />;
  const heading = data.date === data.today ? "Today's plan" : `Plan for ${formatLongDate(data.date, fmt)}`;
  return (
    <div className="space-y-6">
      <section aria-labelledby="today-heading" className="space-y-3">
        <h2 id="today-heading" className="text-lg font-semibold">{heading}</h2>
        <nav aria-label="Day to log" className="flex flex-wrap gap-2">
          {data.loggableDates.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={d === date}
              onClick={() => setDate(d)}
              className={`min-h-11 rounded-md border px-4 text-sm font-medium ${d === date ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-900 hover:bg-slate-50"}`}
            >
              {dayName(d, data.today, formatWeekday(d, fmt))}
            </button>
          ))}
        </nav>
        <p className="text-sm text-slate-700">
          Tick each time you do an item: one due 3 times a day takes three ticks, and your care team sees each tick as one of the
          day&apos;s times. Forgot one? Choose yesterday or the day before. A wrong tick can be taken back with Undo.
        </p>
        <DayItems date={data.date} items={data.items} />
      </section>
      <section aria-labelledby="run-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="run-heading" className="text-lg font-semibold">Log a run</h2>
        <ProgrammeCard day={data} headingLevel={3} />
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
        <RunForm date={data.today} />
        {data.runs.length > 0 && (
          <div>
            <h3 className="font-semibold">Runs in the last week</h3>
            <ul className="mt-1 space-y-3 text-sm">
              {data.runs.map((r) => (
                <li key={r.id}>
                  <RunSummary run={r} />
                  {r.morningPain === null && r.date < data.today && r.date >= daysBefore(data.today, MORNING_PAIN_DAYS) && <MorningPain runId={r.id} label={formatDate(r.date, fmt)} />}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}
