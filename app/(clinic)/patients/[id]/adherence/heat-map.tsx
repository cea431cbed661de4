import type { HeatMapRow } from "@/lib/dal/adherence";
import { formatDayMonth, type ReaderFormat } from "@/lib/ui/format";
import { useReaderFormat } from "@/lib/ui/reader-format-context";
import type { DayMark } from "@/lib/domain/adherence";
import { addDays, daysBetween, weekStart } from "@/lib/domain/schedule";
import { AdherencePercent } from "@/lib/ui/adherence";

// Each mark has a symbol as well as a colour, so the map reads without colour vision.
const marks: Record<DayMark, { symbol: string; label: string; className: string }> = {
  done: { symbol: "✓", label: "done", className: "bg-emerald-700 text-white" },
  partial: { symbol: "½", label: "partly done", className: "bg-emerald-200 text-emerald-950" },
  skipped: { symbol: "S", label: "skipped with a reason", className: "bg-amber-200 text-amber-950" },
  missed: { symbol: "×", label: "due, not logged", className: "bg-red-200 text-red-950" },
  pending: { symbol: "?", label: "due today, not logged yet", className: "bg-white text-slate-700" },
  open: { symbol: "·", label: "not done (patient picks the days)", className: "bg-slate-100 text-slate-700" },
  off: { symbol: "", label: "not scheduled", className: "bg-white text-slate-400" },
};

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function ItemCalendar({ row, today, fmt }: { row: HeatMapRow; today: string; fmt: ReaderFormat }) {
  const short = (date: string) => formatDayMonth(date, fmt);
  const byDate = new Map(row.days.map((d) => [d.date, d]));
  const skips = row.days.filter((d) => d.skipReasons.length > 0).reverse();
  const first = weekStart(row.days[0]!.date);
  const weeks = Array.from({ length: Math.floor(daysBetween(first, today) / 7) + 1 }, (_, i) => addDays(first, 7 * i));
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <h3 className="font-medium">{row.name}</h3>
      <p className="text-xs text-slate-700">
        {row.dose} · done <AdherencePercent rate={row.rate28} /> over 28 days
      </p>
      <table className="mt-2 border-separate border-spacing-1 text-xs">
        <caption className="sr-only">{row.name}: each day of the last four weeks</caption>
        <thead>
          <tr>
            <th scope="col"><span className="sr-only">Week</span></th>
            {WEEKDAYS.map((d) => <th key={d} scope="col" className="w-7 font-normal text-slate-700">{d}</th>)}
          </tr>
        </thead>
        <tbody>
          {weeks.map((monday) => (
            <tr key={monday}>
              <th scope="row" className="pr-1 text-right font-normal whitespace-nowrap text-slate-700">{short(monday)}</th>
              {WEEKDAYS.map((_, i) => {
                const date = addDays(monday, i);
                const day = byDate.get(date);
                if (!day) return <td key={date} className="h-7 w-7" />;
                const { symbol, label, className } = marks[day.mark];
                // Times done for items due more than once a day, and the patient's own words for a skip.
                const detail = `${day.allowed > 1 && day.mark !== "off" ? `, ${day.done} of ${day.allowed} times` : ""}${day.skipReasons.length ? `; skipped: “${day.skipReasons.join("”, “")}”` : ""}`;
                return (
                  <td
                    key={date}
                    title={detail ? `${label}${detail}` : undefined}
                    className={`h-7 w-7 rounded text-center align-middle font-semibold ${className} ${date === today ? "ring-2 ring-brand-700" : ""}`}
                  >
                    <span aria-hidden="true">{symbol}</span>
                    <span className="sr-only">{`${short(date)}${date === today ? " (today)" : ""}: ${label}${detail}`}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {skips.length > 0 && (
        <div className="mt-2 text-xs">
          <h4 className="font-medium text-slate-800">Why it was skipped</h4>
          <ul className="mt-1 space-y-0.5 text-slate-800">
            {skips.slice(0, 5).map((d) => (
              <li key={d.date}>
                {short(d.date)}: “{d.skipReasons.join("”, “")}”
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A calendar per plan item over the last four weeks: what was done, skipped or missed. */
export function HeatMap({ rows, today }: { rows: HeatMapRow[]; today: string }) {
  const fmt = useReaderFormat();
  return (
    <section aria-labelledby="heat-map-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="heat-map-heading" className="text-lg font-semibold">Each item, day by day</h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No plan items to track yet.</p>
      ) : (
        <>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Key">
            {(Object.keys(marks) as DayMark[]).map((m) => (
              <li key={m} className="inline-flex items-center gap-1">
                <span aria-hidden="true" className={`inline-flex h-5 w-5 items-center justify-center rounded border border-slate-200 font-semibold ${marks[m].className}`}>{marks[m].symbol}</span>
                {marks[m].label}
              </li>
            ))}
          </ul>
          <div className="mt-3 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
            {rows.map((row) => <ItemCalendar key={row.key} row={row} today={today} fmt={fmt} />)}
          </div>
        </>
      )}
    </section>
  );
}
