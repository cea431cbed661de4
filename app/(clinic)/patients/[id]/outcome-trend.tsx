"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/lib/ui/chart-figure";

export interface TrendPoint {
  /** Weeks since the episode began, to one decimal. */
  week: number;
  /** null where this week has the other measure only: the line joins across it. */
  odi: number | null;
  pain: number | null;
}

/**
 * ODI (0–100) and pain (0–10) against the weeks of the episode, with weeks 4 to 8 shaded: most
 * sciatica settles within that usual course (DOMAIN.md §1).
 */
export function OutcomeTrend({ points, summary }: { points: TrendPoint[]; summary: string }) {
  const last = Math.max(10, ...points.map((p) => Math.ceil(p.week)));
  return (
    <ChartFigure id="outcome-trend" title="Recovery against the usual course" summary={summary}>
      <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <ReferenceArea x1={4} x2={8} yAxisId="odi" fill="#d1fae5" fillOpacity={0.6} label={{ value: "usual recovery, weeks 4–8", fontSize: 11, fill: "#065f46", position: "insideTop" }} />
        <XAxis dataKey="week" type="number" domain={[0, last]} tickCount={Math.min(last + 1, 14)} fontSize={12} unit=" wk" />
        <YAxis yAxisId="odi" domain={[0, 100]} fontSize={12} />
        <YAxis yAxisId="pain" orientation="right" domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} fontSize={12} />
        <Tooltip labelFormatter={(w) => `Week ${w}`} />
        <Legend />
        <Line yAxisId="odi" type="monotone" dataKey="odi" name="ODI (0–100)" stroke="#1d5fbf" strokeWidth={2} connectNulls dot />
        <Line yAxisId="pain" type="monotone" dataKey="pain" name="Pain (0–10)" stroke="#b45309" strokeWidth={2} connectNulls dot={false} />
      </LineChart>
    </ChartFigure>
  );
}
