"use client";

import Link from "next/link";
import type { WorklistRow } from "@/lib/dal/worklist";
import { AdherencePercent, FlagList, lastLogText } from "@/lib/ui/adherence";
import { CareAlertList, PermissionBadge, RedFlagBadge } from "@/lib/ui/clearance-badge";
import { EpisodeStatusBadge } from "@/lib/ui/episode-status-badge";
import { ScrollRegion } from "@/lib/ui/scroll-region";

const COLUMNS = ["Name", "Age", "Status", "Clearance", "Latest pain", "Alerts", "Plan done, 7 / 28 days", "Last log", "Follow-up flags"];

/** A cell's name where the row is a card (phones); the column header names it for screen readers. */
function CellLabel({ children }: { children: string }) {
  return <span aria-hidden="true" className="mr-1 text-slate-600 md:hidden">{children}:</span>;
}

/**
 * The worklist's rows. A client component so that the page sends the rows' data, not their
 * element tree: the server renders the same HTML, and the RSC payload beside it fell from 79 to
 * 28 KiB at 20 rows (the whole answer from 151 to 90 KiB), which the server no longer has to
 * serialize, read back for the HTML and escape into it.
 */
export function WorklistTable({ rows }: { rows: WorklistRow[] }) {
  return (
    // One table for every screen. On a phone each row is laid out as a card, so a patient's
    // alerts are never off-screen; the roles keep it a table for assistive technology when
    // its display changes, and each cell's visible label there is hidden from it, since the
    // column header already names the cell.
    <ScrollRegion label="Patients table">
      <table role="table" className="block w-full text-left text-sm md:table md:min-w-[64rem]">
        <caption className="sr-only">Patients on your care team, urgent first</caption>
        <thead role="rowgroup" className="sr-only bg-slate-100 text-slate-700 md:not-sr-only md:table-header-group">
          <tr role="row">
            {COLUMNS.map((c) => (
              <th key={c} role="columnheader" scope="col" className="px-3 py-2 font-semibold">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block divide-y divide-slate-200 md:table-row-group">
          {rows.map((p) => (
            <tr key={p.id} role="row" className={`${p.openAlerts > 0 ? "bg-red-50" : ""} flex flex-wrap gap-x-3 gap-y-1 p-3 md:table-row md:p-0`}>
              <th role="rowheader" scope="row" className="w-full font-medium md:w-auto md:px-3 md:py-2">
                <Link href={`/patients/${p.id}`} className="font-semibold text-brand-700 underline underline-offset-2 md:font-medium md:no-underline md:hover:underline">{p.name}</Link>
                <span className="block text-xs font-normal tabular-nums text-slate-600">{p.mrn}<span aria-hidden="true" className="md:hidden"> · {p.age} y</span></span>
              </th>
              {/* Shown beside the MRN on a phone; kept for screen readers there, so every cell stays under its header. */}
              <td role="cell" className="sr-only tabular-nums md:not-sr-only md:table-cell md:px-3 md:py-2">{p.age}</td>
              <td role="cell" className="md:px-3 md:py-2"><EpisodeStatusBadge status={p.episodeStatus} /></td>
              <td role="cell" className="md:px-3 md:py-2"><PermissionBadge label={p.permission} mayRun={p.mayRun} /></td>
              <td role="cell" className="w-full tabular-nums md:w-auto md:px-3 md:py-2">
                <CellLabel>Latest pain</CellLabel>
                {p.latestPain === null ? "—" : `${p.latestPain}/10`}
              </td>
              <td role="cell" className="w-full md:w-auto md:px-3 md:py-2">
                <div className="space-y-1">
                  <RedFlagBadge count={p.openAlerts} unacknowledged={p.newAlerts} tier={p.redFlagTier} />
                  <CareAlertList alerts={p.alerts} />
                </div>
              </td>
              <td role="cell" className="w-full md:w-auto md:px-3 md:py-2">
                <CellLabel>Plan done, 7 / 28 days</CellLabel>
                {p.adherence ? (
                  <>
                    <AdherencePercent rate={p.adherence.last7} /> / <AdherencePercent rate={p.adherence.last28} />
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td role="cell" className="w-full md:w-auto md:px-3 md:py-2">
                <CellLabel>Last log</CellLabel>
                {p.adherence ? lastLogText(p.adherence.lastLogDate, p.today) : "—"}
              </td>
              <td role="cell" className="w-full md:w-auto md:px-3 md:py-2">
                <CellLabel>Follow-up flags</CellLabel>
                {p.adherence ? <FlagList flags={p.adherence.flags} /> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
