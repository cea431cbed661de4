"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { MyProgress } from "@/lib/dal/progress";
import { ChartFigure as Figure, useShortDate } from "@/lib/ui/chart-figure";
import { currentWeek, lastFullWeek, PAIN_TICKS, WeeklyAdherenceChart, WeeklyRunningChart } from "@/lib/ui/week-charts";

const addWeeks = (date: string, weeks: number) => new Date(Date.parse(`${date}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

export function ProgressCharts({ progress }: { progress: MyProgress }) {
  const shortDate = useShortDate();
  const { pain, weeks, weeklyRunLimit, runningPaused, courseStart } = progress;
  const first = pain[0]?.pain;
  const last = pain.at(-1)?.pain;
  const markers = courseStart ? [4, 8].map((w) => ({ date: addWeeks(courseStart, w), label: `${w} weeks` })) : [];
  const recent = lastFullWeek(weeks);
  const thisWeek = currentWeek(weeks);
  return (
    <div className="space-y-4">
      <Figure
        id="pain-chart"
        title="My pain"
        summary={pain.length ? `From your check-ins: ${first}/10 at first, ${last}/10 most recently. Most people improve within 4 to 8 weeks.` : "No check-ins yet."}
      >
        <LineChart accessibilityLayer={false} data={pain} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={shortDate} fontSize={12} />
          <YAxis domain={[0, 10]} ticks={PAIN_TICKS} fontSize={12} />
          <Tooltip labelFormatter={(d) => shortDate(String(d))} />
          {markers.map((m) => (
            <ReferenceLine key={m.label} x={m.date} stroke="#7c3aed" strokeDasharray="4 4" label={{ value: m.label, fontSize: 11, fill: "#5b21b6" }} />
          ))}
          <Line type="monotone" dataKey="pain" stroke="#b91c1c" strokeWidth={2} dot />
        </LineChart>
      </Figure>
      <WeeklyAdherenceChart
        weeks={weeks}
        title="Plan done each week"
        summary={
          recent
            ? `Last full week (from ${shortDate(recent.week)}): ${recent.adherencePercent}% of your plan done. This week is still going.`
            : thisWeek
              ? `This week so far: ${thisWeek.adherencePercent}% of your plan done.`
              : "Nothing scheduled yet."
        }
      />
      <WeeklyRunningChart
        weeks={weeks}
        weeklyRunLimit={weeklyRunLimit}
        title="Running minutes each week"
        summary={
          runningPaused
            ? "Your running minutes each week. Running is paused for now: please do not run until your doctor clears you."
            : weeklyRunLimit
              ? `Your doctor's limit is about ${weeklyRunLimit} minutes a week (the dashed line).`
              : "Your running minutes each week."
        }
      />
    </div>
  );
}
