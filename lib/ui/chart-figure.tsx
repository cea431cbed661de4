"use client";

import { ResponsiveContainer } from "recharts";

export const shortDate = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/**
 * A chart with its title and a sentence saying what it shows. The chart itself is a picture,
 * hidden from screen readers; the sentence is what they read.
 */
export function ChartFigure({ id, title, summary, children }: { id: string; title: string; summary: string; children: React.ReactElement }) {
  return (
    <figure aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      <figcaption className="mb-2 text-sm text-slate-700">{summary}</figcaption>
      <div className="h-56 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
