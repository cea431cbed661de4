"use client";

import Link from "next/link";
import { ScrollRegion } from "@/lib/ui/scroll-region";

export interface NonImproverRow {
  key: string;
  /** The patient's name, or whose patient they are when the reader is not on their care team. */
  who: string;
  /** The chart, for a patient on the reader's care team; no other patient's id is sent. */
  chart: string | null;
  rootCause: string;
  weeksIn: number;
  painChange: string;
  odiChange: string;
}

const th = "px-3 py-2 font-semibold";
const td = "px-3 py-2 tabular-nums";

/**
 * The patients not improving by week 6, a row each. A client component fed the rows' words, so the
 * page's RSC payload carries a hundred rows as data instead of their element tree beside the HTML
 * (the worklist's rows are sent the same way: app/(clinic)/patients/(list)/worklist-table.tsx).
 */
export function NonImproversTable({ rows }: { rows: NonImproverRow[] }) {
  return (
    <ScrollRegion label="Patients not improving table">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Patients not improving by week 6, longest episodes first</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr><th scope="col" className={th}>Patient</th><th scope="col" className={th}>Root cause</th><th scope="col" className={th}>Week</th><th scope="col" className={th}>Pain change</th><th scope="col" className={th}>ODI change</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((n) => (
            <tr key={n.key}>
              <th scope="row" className="px-3 py-2 font-medium">
                {n.chart ? (
                  <Link href={n.chart} className="text-brand-700 underline-offset-2 hover:underline">{n.who}</Link>
                ) : (
                  <span className="font-normal">{n.who}</span>
                )}
              </th>
              <td className="px-3 py-2">{n.rootCause}</td>
              <td className={td}>{n.weeksIn}</td>
              <td className={td}>{n.painChange}</td>
              <td className={td}>{n.odiChange}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
