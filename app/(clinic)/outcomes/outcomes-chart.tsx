"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartBar {
  label: string;
  value: number | null;
}

/**
 * One bar chart of the outcomes dashboard. The picture is hidden from screen readers: the table
 * beside it holds the same numbers, and the sentence says what it shows.
 */
export function OutcomeBarChart({ bars, unit, summary, domain }: { bars: ChartBar[]; unit?: string; summary: string; domain?: [number, number] }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm text-slate-700">{summary}</figcaption>
      <div className="h-56 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={bars.map((b) => ({ ...b, value: b.value ?? 0 }))} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis dataKey="label" fontSize={12} interval={0} />
            <YAxis fontSize={12} unit={unit} domain={domain ?? ["auto", "auto"]} allowDecimals={false} />
            <ReferenceLine y={0} stroke="#475569" />
            <Tooltip />
            <Bar dataKey="value" name={unit === "%" ? "Share" : "Value"} unit={unit} fill="#1d5fbf" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
