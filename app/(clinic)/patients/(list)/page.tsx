import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { requireRole } from "@/lib/dal/session";
import { caseloadQuerySchema, listCaseload } from "@/lib/dal/caseload";
import { listWorklist, worklistQuerySchema, type WorklistQuery } from "@/lib/dal/worklist";
import { AdherencePercent, FlagList, lastLogText } from "@/lib/ui/adherence";
import { CareAlertList, PermissionBadge, RedFlagBadge } from "@/lib/ui/clearance-badge";
import { EpisodeStatusBadge } from "@/lib/ui/episode-status-badge";
import { Pager } from "@/lib/ui/pager";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { getQueryClient } from "@/lib/ui/query-client";
import { caseloadSource, seedLive } from "@/lib/queries/live";
import { CaseloadTable } from "../caseload-table";
import { EmergencyAccessNotices } from "../emergency-access-notices";

export const metadata: Metadata = { title: "Patients" };

/** A therapist's list is their caseload, sorted by need and kept live (issue: adherence tracking). */
async function Caseload({ page }: { page: number }) {
  // Read here and handed to the browser's query cache, which then keeps it live (lib/queries/live.ts).
  const queryClient = getQueryClient();
  seedLive(queryClient, caseloadSource(page), await listCaseload({ page }));
  return (
    <section aria-labelledby="patients-heading" className="space-y-4">
      <h1 id="patients-heading" className="text-2xl font-semibold">My caseload</h1>
      <EmergencyAccessNotices />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CaseloadTable page={page} />
      </HydrationBoundary>
    </section>
  );
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const control = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3";

const COLUMNS = ["Name", "Age", "Status", "Clearance", "Latest pain", "Alerts", "Plan done, 7 / 28 days", "Last log", "Follow-up flags"];

/** A cell's name where the row is a card (phones); the column header names it for screen readers. */
function CellLabel({ children }: { children: string }) {
  return <span aria-hidden="true" className="mr-1 text-slate-600 md:hidden">{children}:</span>;
}

function href(query: WorklistQuery, change: Partial<WorklistQuery>): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
  const text = params.toString();
  return text ? `/patients?${text}` : "/patients";
}

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole("physician", "therapist");
  const search = await searchParams;
  if (user.role === "therapist") return <Caseload page={caseloadQuerySchema.parse({ page: first(search.page) }).page ?? 1} />;
  const query = worklistQuerySchema.parse(Object.fromEntries(Object.keys(search).map((k) => [k, first(search[k])])));
  const list = await listWorklist(query);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const filtered = Boolean(query.q || query.status || query.clearance || query.alerts || query.course);

  return (
    <section aria-labelledby="patients-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="patients-heading" className="text-2xl font-semibold">My patients</h1>
        <Link href="/patients/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          Register a patient
        </Link>
      </div>
      <EmergencyAccessNotices />

      <form role="search" aria-label="Find patients" action="/patients" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
        <div className="lg:col-span-2">
          <label htmlFor="q" className="text-sm font-medium">Name or MRN</label>
          <input id="q" name="q" type="search" defaultValue={query.q} className={control} />
        </div>
        <div>
          <label htmlFor="status" className="text-sm font-medium">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className={control}>
            <option value="">Any</option>
            <option value="awaiting_exam">Awaiting exam</option>
            <option value="active">Under care</option>
            <option value="healed">Healed</option>
          </select>
        </div>
        <div>
          <label htmlFor="clearance" className="text-sm font-medium">Clearance</label>
          <select id="clearance" name="clearance" defaultValue={query.clearance ?? ""} className={control}>
            <option value="">Any</option>
            <option value="may_run">May run (any)</option>
            <option value="restricted">Cleared with limits</option>
            <option value="full">Fully cleared</option>
            <option value="paused">Not cleared (any reason)</option>
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="text-sm font-medium">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort ?? "name"} className={control}>
            <option value="name">Name</option>
            <option value="age">Age (youngest first)</option>
            <option value="status">Status</option>
            <option value="pain">Latest pain (highest first)</option>
            <option value="review">Review date</option>
          </select>
        </div>
        <div className="flex flex-col justify-end gap-2">
          <label className="inline-flex min-h-11 items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="alerts" value="yes" defaultChecked={query.alerts === "yes"} className="h-5 w-5" />
            Red flags only
          </label>
          <label className="inline-flex min-h-11 items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="course" value="not_improving" defaultChecked={query.course === "not_improving"} className="h-5 w-5" />
            Not improving by week 6
          </label>
        </div>
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-6">
          <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">Apply</button>
          {filtered && <Link href="/patients" className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">Clear filters</Link>}
        </div>
      </form>

      <p className="text-sm text-slate-700" aria-live="polite">
        {list.total} {list.total === 1 ? "patient" : "patients"}
        {filtered ? (list.total === 1 ? " matches" : " match") : " on your care team"}.{list.total > 0 && " Patients with a red flag are listed first."}
      </p>

      {list.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{filtered ? "No patient matches these filters." : "No patients are on your care team yet."}</p>
      ) : (
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
              {list.rows.map((p) => (
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
      )}

      <Pager page={list.page} pages={pages} href={(page) => href(query, { page })} />
    </section>
  );
}
