import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { listAccounts, listPatientIdentities } from "@/lib/dal/accounts";
import { auditFilterSchema, listAuditActions, listAuditEvents } from "@/lib/dal/audit";
import { requireRole } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/ui/format";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { VerifyChainForm } from "./verify-chain-form";

export const metadata: Metadata = { title: "Audit trail" };

type Search = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

const selectClass = "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3";

/** An action code as a reader says it: "account.patient_candidates" → "Account: patient candidates". */
function actionLabel(code: string): string {
  const [area = "", ...rest] = code.split(".");
  const words = (text: string) => text.replaceAll("_", " ");
  const head = words(area).replace(/^./, (c) => c.toUpperCase());
  return rest.length ? `${head}: ${rest.map(words).join(", ")}` : head;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const fmt = await getReaderFormat();
  await requireRole("admin");
  const search = await searchParams;
  const filter = auditFilterSchema.parse({
    userId: first(search.userId),
    patientId: first(search.patientId),
    action: first(search.action),
    from: first(search.from),
    to: first(search.to),
    page: first(search.page),
  });
  // A range that ends before it starts is a mistake to point out, not an empty result.
  const backwards = Boolean(filter.from && filter.to && filter.to < filter.from);
  const [events, accounts, patients, actions] = await Promise.all([
    listAuditEvents(filter),
    listAccounts(),
    listPatientIdentities(),
    listAuditActions(),
  ]);
  const page = filter.page ?? 1;
  const pageLink = (n: number) => {
    const params = new URLSearchParams(Object.entries({ ...filter, page: String(n) }).filter(([, v]) => v) as [string, string][]);
    return `/admin/audit?${params}`;
  };

  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <h1 id="audit-heading" className="text-2xl font-semibold">Audit trail</h1>

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <VerifyChainForm />
      </div>

      <form action="/admin/audit" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
        <div className="lg:col-span-2">
          <label htmlFor="userId" className="text-sm font-medium">User</label>
          <select id="userId" name="userId" defaultValue={filter.userId ?? ""} className={selectClass}>
            <option value="">Anyone</option>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.email})</option>)}
          </select>
        </div>
        <div className="lg:col-span-2">
          <label htmlFor="patientId" className="text-sm font-medium">Patient</label>
          <select id="patientId" name="patientId" defaultValue={filter.patientId ?? ""} className={selectClass}>
            <option value="">Any patient</option>
            {patients.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.mrn})</option>)}
          </select>
        </div>
        <div className="lg:col-span-2">
          <label htmlFor="action" className="text-sm font-medium">Action</label>
          <select id="action" name="action" defaultValue={filter.action ?? ""} className={selectClass}>
            <option value="">Any action</option>
            {actions.map((a) => <option key={a} value={a}>{actionLabel(a)} ({a})</option>)}
          </select>
        </div>
        <div className="lg:col-span-2">
          <label htmlFor="from" className="text-sm font-medium">From (UTC)</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={selectClass} />
        </div>
        <div className="lg:col-span-2">
          <label htmlFor="to" className="text-sm font-medium">To (UTC)</label>
          <input
            id="to"
            name="to"
            type="date"
            defaultValue={filter.to}
            className={selectClass}
            aria-invalid={backwards ? true : undefined}
            aria-describedby={backwards ? "to-error" : undefined}
          />
          {backwards && (
            <p id="to-error" className="mt-1 text-sm font-medium text-red-700">
              The To date is before the From date: choose a To date on or after {filter.from}.
            </p>
          )}
        </div>
        <div className="flex items-end gap-2 lg:col-span-2">
          <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">Filter</button>
          <Link href="/admin/audit" className="inline-flex min-h-11 items-center px-2 text-sm text-brand-700 underline">Clear</Link>
        </div>
      </form>

      {backwards ? null : events.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">No entries match these filters.</p>
      ) : (
        <ScrollRegion label="Audit entries">
          <table className="w-full min-w-[56rem] text-left text-sm">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">#</th>
                <th scope="col" className="px-3 py-2">When</th>
                <th scope="col" className="px-3 py-2">Who</th>
                <th scope="col" className="px-3 py-2">Action</th>
                <th scope="col" className="px-3 py-2">Patient</th>
                <th scope="col" className="px-3 py-2">Outcome</th>
                <th scope="col" className="px-3 py-2">From</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {events.rows.map((e) => (
                <tr key={e.seq} className={e.emergency ? "bg-red-50" : undefined}>
                  <td className="px-3 py-2 tabular-nums">{e.seq}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(e.occurredAt, fmt)}</td>
                  <td className="px-3 py-2">
                    {e.actorName ?? e.actorLabel ?? "—"}
                    {e.actorRole && <span className="block text-xs text-slate-600">{e.actorRole}</span>}
                  </td>
                  <td className="px-3 py-2">
                    <span className="block font-medium">{actionLabel(e.action)}</span>
                    <span className="text-xs"><code>{e.action}</code></span>
                    {e.resource && <span className="block text-xs text-slate-600">{e.resource}</span>}
                    {e.emergency && <span className="mt-1 block text-xs font-semibold text-red-800">EMERGENCY ACCESS</span>}
                  </td>
                  <td className="px-3 py-2">{e.patient ? `${e.patient.name} (${e.patient.mrn})` : "—"}</td>
                  <td className="px-3 py-2">{e.outcome}</td>
                  <td className="px-3 py-2 text-xs text-slate-700">
                    {e.ip ?? "—"}
                    {e.userAgent && <span className="block max-w-56 truncate" title={e.userAgent}>{e.userAgent}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <nav aria-label="Pages" className="flex gap-3">
        {page > 1 && <Link href={pageLink(page - 1)} className="inline-flex min-h-11 items-center text-brand-700 underline">Newer</Link>}
        {events.hasMore && <Link href={pageLink(page + 1)} className="inline-flex min-h-11 items-center text-brand-700 underline">Older</Link>}
      </nav>
    </section>
  );
}
