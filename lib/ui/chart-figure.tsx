"use client";

import { ResponsiveContainer } from "recharts";
import { formatDayMonth } from "./format";
import { useReaderFormat } from "./reader-format-context";

/** Day and month the clinic's way, for axes and captions: "Dec 2" or "2 Dec". */
export function useShortDate(): (date: string) => string {
  const fmt = useReaderFormat();
  return (date) => formatDayMonth(date, fmt);
}

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
