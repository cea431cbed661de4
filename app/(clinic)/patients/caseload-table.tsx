"use client";

import Link from "next/link";
import { AdherencePercent, FlagList, lastLogText, LiveStatus, painText, SkipNotes } from "@/lib/ui/adherence";
import { CareAlertList, PermissionBadge, RedFlagBadge } from "@/lib/ui/clearance-badge";
import { EpisodeStatusBadge } from "@/lib/ui/episode-status-badge";
import { Pager } from "@/lib/ui/pager";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { caseloadSource } from "@/lib/queries/live";
import { TableSkeleton } from "@/lib/ui/skeleton";
import { useLiveData } from "@/lib/ui/use-live-data";

/** The therapist's caseload, most in need first, refreshed while it is open. */
export function CaseloadTable({ page }: { page: number }) {
  const { data, updatedAt, failed } = useLiveData(caseloadSource(page));
  // The page prefetches the caseload (HydrationBoundary); only a page without it waits here.
  if (!data) return <TableSkeleton label="Caseload" />;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {data.total} {data.total === 1 ? "patient" : "patients"}, {data.needingAttention} needing attention. Most in need first: red flags, then runs beyond the
        restrictions, the pain rule and new numbness or weakness, then rising pain, low adherence and silence. Healed patients come last.
      </p>
      <LiveStatus className="text-sm text-slate-600" updatedAt={updatedAt} failed={failed} />
      {data.urgentBefore > 0 && (
        <p role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-900">
          {data.urgentBefore} {data.urgentBefore === 1 ? "patient" : "patients"} with an open red flag or a safety alert {data.urgentBefore === 1 ? "is" : "are"} on an earlier page.{" "}
          <Link href="/patients" className="underline">Go to page 1</Link>
        </p>
      )}
      {data.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">No patients are on your caseload yet. A physician&apos;s referral adds them.</p>
      ) : (
        <ScrollRegion label="Caseload table">
          <table className="w-full min-w-[52rem] text-left text-sm">
            <caption className="sr-only">Patients on your caseload, most in need first</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Name</th>
                <th scope="col" className="px-3 py-2 font-semibold">Needs attention</th>
                <th scope="col" className="px-3 py-2 font-semibold">Plan done, 7 days</th>
                <th scope="col" className="px-3 py-2 font-semibold">Plan done, 28 days</th>
                <th scope="col" className="px-3 py-2 font-semibold">Last log</th>
                <th scope="col" className="px-3 py-2 font-semibold">Pain</th>
                <th scope="col" className="px-3 py-2 font-semibold">Clearance</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {data.rows.map((p) => (
                <tr key={p.id} className={p.openRedFlags > 0 ? "bg-red-50" : undefined}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/patients/${p.id}`} className="text-brand-700 underline-offset-2 hover:underline">{p.name}</Link>
                    <span className="block text-xs font-normal tabular-nums text-slate-600">{p.mrn}</span>
                    {p.healed && <EpisodeStatusBadge status="healed" />}
                  </th>
                  <td className="px-3 py-2">
                    <div className="space-y-1">
                      <RedFlagBadge count={p.openRedFlags} tier={p.redFlagTier} />
                      <CareAlertList alerts={p.alerts} />
                      {(p.alerts.length === 0 || p.summary.flags.length > 0) && <FlagList flags={p.summary.flags} />}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <AdherencePercent rate={p.summary.last7} />
                    <SkipNotes skips={p.summary.recentSkips} />
                  </td>
                  <td className="px-3 py-2"><AdherencePercent rate={p.summary.last28} /></td>
                  <td className="px-3 py-2">{lastLogText(p.summary.lastLogDate, p.today)}</td>
                  <td className="px-3 py-2">{painText(p.summary.pain)}</td>
                  <td className="px-3 py-2"><PermissionBadge label={p.permission} mayRun={p.mayRun} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pager page={data.page} pages={pages} href={(page) => (page === 1 ? "/patients" : `/patients?page=${page}`)} />
    </div>
  );
}
