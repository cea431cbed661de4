"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MyProgress } from "@/lib/dal/progress";

const short = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const addWeeks = (date: string, weeks: number) => new Date(Date.parse(`${date}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

function Figure({ id, title, summary, children }: { id: string; title: string; summary: string; children: React.ReactElement }) {
  return (
    <figure aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {/* The chart is a picture; this sentence says what it shows for screen readers and at a glance. */}
      <figcaption className="mb-2 text-sm text-slate-700">{summary}</figcaption>
      <div className="h-56 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function ProgressCharts({ progress }: { progress: MyProgress }) {
  const { pain, weeks, weeklyRunLimit, courseStart } = progress;
  const first = pain[0]?.pain;
  const last = pain.at(-1)?.pain;
  const markers = courseStart ? [4, 8].map((w) => ({ date: addWeeks(courseStart, w), label: `${w} weeks` })) : [];
  // The current week has only begun, so the summary speaks of the last full week.
  const recent = weeks.slice(0, -1).filter((w) => w.adherencePercent !== null).at(-1);
  return (
    <div className="space-y-4">
      <Figure
        id="pain-chart"
        title="My pain"
        summary={pain.length ? `From your check-ins: ${first}/10 at first, ${last}/10 most recently. Most people improve within 4 to 8 weeks.` : "No check-ins yet."}
      >
        <LineChart accessibilityLayer={false} data={pain} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="date" tickFormatter={short} fontSize={12} />
          <YAxis domain={[0, 10]} fontSize={12} />
          <Tooltip labelFormatter={(d) => short(String(d))} />
          {markers.map((m) => (
            <ReferenceLine key={m.label} x={m.date} stroke="#7c3aed" strokeDasharray="4 4" label={{ value: m.label, fontSize: 11, fill: "#5b21b6" }} />
          ))}
          <Line type="monotone" dataKey="pain" stroke="#b91c1c" strokeWidth={2} dot />
        </LineChart>
      </Figure>
      <Figure
        id="adherence-chart"
        title="Plan done each week"
        summary={recent ? `Last full week (from ${short(recent.week)}): ${recent.adherencePercent}% of your plan done. This week is still going.` : "Nothing scheduled yet."}
      >
        <BarChart accessibilityLayer={false} data={weeks.map((w) => ({ ...w, adherencePercent: w.adherencePercent ?? 0 }))} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="week" tickFormatter={short} fontSize={12} />
          <YAxis domain={[0, 100]} unit="%" fontSize={12} />
          <Tooltip labelFormatter={(d) => `Week of ${short(String(d))}`} />
          <Bar dataKey="adherencePercent" name="Done" unit="%" fill="#1d5fbf" />
        </BarChart>
      </Figure>
      <Figure
        id="running-chart"
        title="Running minutes each week"
        summary={weeklyRunLimit ? `Your doctor's limit is about ${weeklyRunLimit} minutes a week (the dashed line).` : "Your running minutes each week."}
      >
        <BarChart accessibilityLayer={false} data={weeks} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="week" tickFormatter={short} fontSize={12} />
          <YAxis fontSize={12} domain={[0, (max: number) => Math.max(max, weeklyRunLimit ?? 0) + 10]} />
          <Tooltip labelFormatter={(d) => `Week of ${short(String(d))}`} />
          {weeklyRunLimit && <ReferenceLine y={weeklyRunLimit} stroke="#b45309" strokeDasharray="6 4" label={{ value: "limit", fontSize: 11, fill: "#92400e" }} />}
          <Bar dataKey="runMinutes" name="Minutes" fill="#047857" />
        </BarChart>
      </Figure>
    </div>
  );
}
