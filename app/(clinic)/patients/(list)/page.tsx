import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { requireRole } from "@/lib/dal/session";
import { caseloadQuerySchema, listCaseload } from "@/lib/dal/caseload";
import { listWorklist, worklistQuerySchema, type WorklistQuery } from "@/lib/dal/worklist";
import { Pager } from "@/lib/ui/pager";
import { getQueryClient } from "@/lib/ui/query-client";
import { caseloadSource, seedLive } from "@/lib/queries/live";
import { CaseloadTable } from "../caseload-table";
import { EmergencyAccessNotices } from "../emergency-access-notices";
import { WorklistTable } from "./worklist-table";

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
        <WorklistTable rows={list.rows} />
      )}

      <Pager page={list.page} pages={pages} href={(page) => href(query, { page })} />
    </section>
  );
}
