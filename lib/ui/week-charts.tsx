"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekPoint } from "@/lib/domain/progress";
import { ChartFigure, useShortDate } from "./chart-figure";

const margin = { top: 8, right: 16, bottom: 0, left: -16 };

/** The share of the plan done each Monday–Sunday week. */
export function WeeklyAdherenceChart({ weeks, title, summary }: { weeks: WeekPoint[]; title: string; summary: string }) {
  const shortDate = useShortDate();
  const weekLabel = (d: unknown) => `Week of ${shortDate(String(d))}`;
  return (
    <ChartFigure id="adherence-chart" title={title} summary={summary}>
      <BarChart accessibilityLayer={false} data={weeks.map((w) => ({ ...w, adherencePercent: w.adherencePercent ?? 0 }))} margin={margin}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="week" tickFormatter={shortDate} fontSize={12} />
        <YAxis domain={[0, 100]} unit="%" fontSize={12} />
        <Tooltip labelFormatter={weekLabel} />
        <Bar dataKey="adherencePercent" name="Done" unit="%" fill="#1d5fbf" />
      </BarChart>
    </ChartFigure>
  );
}

/** Running minutes each week against the clearance's weekly limit (the dashed line). */
export function WeeklyRunningChart({ weeks, weeklyRunLimit, title, summary }: { weeks: WeekPoint[]; weeklyRunLimit: number | null; title: string; summary: string }) {
  const shortDate = useShortDate();
  const weekLabel = (d: unknown) => `Week of ${shortDate(String(d))}`;
  return (
    <ChartFigure id="running-chart" title={title} summary={summary}>
      <BarChart accessibilityLayer={false} data={weeks} margin={margin}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="week" tickFormatter={shortDate} fontSize={12} />
        <YAxis fontSize={12} domain={[0, (max: number) => Math.max(max, weeklyRunLimit ?? 0) + 10]} />
        <Tooltip labelFormatter={weekLabel} />
        {weeklyRunLimit && <ReferenceLine y={weeklyRunLimit} stroke="#b45309" strokeDasharray="6 4" label={{ value: "limit", fontSize: 11, fill: "#92400e" }} />}
        <Bar dataKey="runMinutes" name="Minutes" fill="#047857" />
      </BarChart>
    </ChartFigure>
  );
}

/** The last complete week with a figure: the current week has only begun. */
export function lastFullWeek(weeks: WeekPoint[]): WeekPoint | undefined {
  return weeks.slice(0, -1).filter((w) => w.adherencePercent !== null).at(-1);
}

/** The week still going, when something was due in it: what the chart's last bar shows. */
export function currentWeek(weeks: WeekPoint[]): WeekPoint | undefined {
  const week = weeks.at(-1);
  return week?.adherencePercent != null ? week : undefined;
}

/** Pain runs 0–10: ticks at every second point, so the scale reads evenly. */
export const PAIN_TICKS = [0, 2, 4, 6, 8, 10];
