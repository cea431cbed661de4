"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekPoint } from "@/lib/domain/progress";
import { ChartFigure, useShortDate } from "@/lib/ui/chart-figure";
import { currentWeek, lastFullWeek, PAIN_TICKS, WeeklyAdherenceChart, WeeklyRunningChart } from "@/lib/ui/week-charts";

function painSummary(weeks: WeekPoint[], shortDate: (date: string) => string): string {
  const rated = weeks.filter((w) => w.pain !== null && w.adherencePercent !== null);
  if (rated.length < 2) return "Not enough check-ins yet to set pain against adherence.";
  const first = rated[0]!;
  const last = rated.at(-1)!;
  return `Week of ${shortDate(first.week)}: pain ${first.pain}/10 with ${first.adherencePercent}% of the plan done; week of ${shortDate(last.week)}: pain ${last.pain}/10 with ${last.adherencePercent}% done.`;
}

/** Eight weeks of plan done, pain against adherence, and running against the restriction line. */
export function AdherenceCharts({ weeks, weeklyRunLimit, runningPaused }: { weeks: WeekPoint[]; weeklyRunLimit: number | null; runningPaused: boolean }) {
  const shortDate = useShortDate();
  const recent = lastFullWeek(weeks);
  const thisWeek = currentWeek(weeks);
  const overLimit = weeklyRunLimit ? weeks.filter((w) => w.runMinutes > weeklyRunLimit).length : 0;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <WeeklyAdherenceChart
        weeks={weeks}
        title="Plan done each week"
        summary={
          recent
            ? `Last full week (from ${shortDate(recent.week)}): ${recent.adherencePercent}% of the plan done. The current week is still going.`
            : thisWeek
              ? `This week so far: ${thisWeek.adherencePercent}% of the plan done.`
              : "Nothing was scheduled in these weeks."
        }
      />
      <ChartFigure id="pain-adherence-chart" title="Pain against adherence" summary={painSummary(weeks, shortDate)}>
        <ComposedChart accessibilityLayer={false} data={weeks.map((w) => ({ ...w, adherencePercent: w.adherencePercent ?? 0 }))} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="week" tickFormatter={shortDate} fontSize={12} />
          <YAxis yAxisId="done" domain={[0, 100]} unit="%" fontSize={12} />
          <YAxis yAxisId="pain" orientation="right" domain={[0, 10]} ticks={PAIN_TICKS} fontSize={12} />
          <Tooltip labelFormatter={(d) => `Week of ${shortDate(String(d))}`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="done" dataKey="adherencePercent" name="Plan done" unit="%" fill="#93c5fd" />
          <Line yAxisId="pain" type="monotone" dataKey="pain" name="Pain (0–10)" stroke="#b91c1c" strokeWidth={2} connectNulls dot />
        </ComposedChart>
      </ChartFigure>
      <WeeklyRunningChart
        weeks={weeks}
        weeklyRunLimit={weeklyRunLimit}
        title="Running minutes against the restriction"
        summary={
          runningPaused
            ? "Running minutes each week. No clearance is in force, so running is paused: any run now goes against it."
            : weeklyRunLimit
            ? `The clearance allows about ${weeklyRunLimit} minutes a week (the dashed line); ${overLimit === 0 ? "no week went over it" : `${overLimit} ${overLimit === 1 ? "week went" : "weeks went"} over it`}.`
            : "Running minutes each week; the clearance sets no weekly limit in minutes."
        }
      />
    </div>
  );
}
