import type { AdherenceSummary, Flag, SkipNote } from "@/lib/domain/caseload";
import { daysBetween } from "@/lib/domain/schedule";
import { formatClock, formatDayMonth } from "./format";
import { useReaderFormat } from "./reader-format-context";

/** Adherence as a whole percentage; "—" when nothing was due. */
export function AdherencePercent({ rate }: { rate: number | null }) {
  if (rate === null) return <span className="text-slate-600">—<span className="sr-only">nothing due</span></span>;
  const percent = Math.round(rate * 100);
  const tone = rate < 0.5 ? "text-red-800 font-semibold" : rate < 0.8 ? "text-amber-900" : "text-emerald-800";
  return <span className={`tabular-nums ${tone}`}>{percent}%</span>;
}

export function lastLogText(lastLogDate: string | null, today: string): string {
  if (!lastLogDate) return "Never";
  const days = daysBetween(lastLogDate, today);
  if (days <= 0) return "Today";
  if (days === 1) return "Yesterday";
  return `${days} days ago`;
}

export function painText(pain: AdherenceSummary["pain"]): string {
  // PAIN_DAYS (lib/domain/caseload.ts) is 28, written out here to keep the rules out of the client bundle.
  if (pain.latest === null) return "No check-in in 4 weeks";
  if (pain.change === null || pain.change === 0) return `${pain.latest}/10${pain.change === 0 ? ", steady" : ""}`;
  return `${pain.latest}/10, ${pain.change > 0 ? "up" : "down"} ${Math.abs(pain.change)} in 7 days`;
}

const flagTone: Record<Flag["code"], string> = {
  pain_rising: "bg-red-100 text-red-900 ring-red-300",
  low_adherence: "bg-amber-100 text-amber-950 ring-amber-400",
  no_recent_log: "bg-slate-100 text-slate-800 ring-slate-300",
};

export function FlagList({ flags }: { flags: Flag[] }) {
  if (!flags.length) return <span className="text-slate-600">None</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {flags.map((f) => (
        <li key={f.code} className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${flagTone[f.code]}`}>
          {f.label}
        </li>
      ))}
    </ul>
  );
}

/** The figures and flags a chart and the adherence view show at the top. */
export function AdherenceAtAGlance({ summary, today }: { summary: AdherenceSummary; today: string }) {
  return (
    <>
      <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-700">Plan done, last 7 days</dt>
          <dd className="text-lg"><AdherencePercent rate={summary.last7} /></dd>
        </div>
        <div>
          <dt className="text-slate-700">Plan done, last 28 days</dt>
          <dd className="text-lg"><AdherencePercent rate={summary.last28} /></dd>
        </div>
        <div>
          <dt className="text-slate-700">Last log</dt>
          <dd>{lastLogText(summary.lastLogDate, today)}</dd>
        </div>
        <div>
          <dt className="text-slate-700">Pain at check-in</dt>
          <dd>{painText(summary.pain)}</dd>
        </div>
      </dl>
      <div className="mt-3 text-sm">
        <h3 className="font-medium">Flags</h3>
        <div className="mt-1"><FlagList flags={summary.flags} /></div>
      </div>
    </>
  );
}


/** Says that a live page keeps itself fresh, or that it could not. */
export function LiveStatus({ updatedAt, failed, className }: { updatedAt: number; failed: boolean; className: string }) {
  const fmt = useReaderFormat();
  return (
    // The clock reads the time where it renders: the server's and the browser's differ by a moment.
    <p className={className} role={failed ? "alert" : undefined} suppressHydrationWarning>
      {failed
        ? "Could not check for new logs. The figures may be out of date; reload the page to try again."
        : // eslint-disable-next-line react-hooks/purity -- the time where it renders, on purpose (see above)
          `Updates by itself while open. Checked at ${formatClock(new Date(updatedAt || Date.now()), fmt)}.`}
    </p>
  );
}

/**
 * What the patient said when they skipped plan items this week: a tap (or click) opens the list;
 * screen readers reach it as a disclosure in the table cell.
 */
export function SkipNotes({ skips }: { skips: readonly SkipNote[] }) {
  const fmt = useReaderFormat();
  if (!skips.length) return null;
  return (
    <details className="mt-1 text-xs">
      <summary className="inline-flex min-h-8 cursor-pointer items-center font-medium text-amber-950 underline decoration-dotted underline-offset-2">
        {skips.length === 1 ? "1 skip" : `${skips.length} skips`} this week: why
      </summary>
      <ul className="mt-1 space-y-0.5 text-slate-800">
        {skips.map((s, i) => (
          <li key={`${s.date}-${i}`}>
            {formatDayMonth(s.date, fmt)}, {s.item}: {s.reason ? `“${s.reason}”` : "no reason given"}
          </li>
        ))}
      </ul>
    </details>
  );
}
