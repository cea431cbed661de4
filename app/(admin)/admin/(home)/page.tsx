import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { listAccounts, listAccountsAwaitingConfirmation } from "@/lib/dal/accounts";
import { countUnreviewedEmergencyAccess } from "@/lib/dal/emergency-access";
import { requireRole } from "@/lib/dal/session";
import { roleLabel, type Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/ui/format";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { pendingLabel } from "../confirmation-labels";

export const metadata: Metadata = { title: "Accounts" };

const ROLES: Role[] = ["physician", "therapist", "patient", "admin"];

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; role?: string }> }) {
  const fmt = await getReaderFormat();
  await requireRole("admin");
  const { q, role } = await searchParams;
  const roleFilter = ROLES.find((r) => r === role);
  const [accounts, awaiting, unreviewed] = await Promise.all([
    listAccounts({ query: q?.slice(0, 100), role: roleFilter }),
    listAccountsAwaitingConfirmation(),
    countUnreviewedEmergencyAccess(),
  ]);
  return (
    <section aria-labelledby="accounts-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="accounts-heading" className="text-2xl font-semibold">Accounts</h1>
        <Link href="/admin/accounts/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          New account
        </Link>
      </div>
      {(awaiting.length > 0 || unreviewed > 0) && (
        <section aria-labelledby="attention-heading" className="mt-4 rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950">
          <h2 id="attention-heading" className="text-lg font-semibold">Waiting for a second administrator</h2>
          {unreviewed > 0 && (
            <p className="mt-1">
              <Link href="/admin/emergency-access" className="font-medium underline">
                {unreviewed} emergency {unreviewed === 1 ? "access" : "accesses"} to review
              </Link>
            </p>
          )}
          {awaiting.length > 0 && (
            <>
              <p className="mt-1 text-sm">
                These staff accounts reach no patient record and no administration until an administrator other than the one who
                made the change confirms them.
              </p>
              <ul className="mt-2 space-y-1">
                {awaiting.map((a) => (
                  <li key={a.id}>
                    <Link href={`/admin/accounts/${a.id}`} className="font-medium underline">{a.name}</Link>
                    {" · "}{roleLabel[a.role]} · {pendingLabel(a.pendingConfirmation!)}
                    {a.pendingConfirmation!.changedAt && <>, {formatDateTime(a.pendingConfirmation!.changedAt, fmt)}</>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <form role="search" className="mt-4 flex flex-wrap items-end gap-3" action="/admin">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Name or email</label>
          <input id="q" name="q" defaultValue={q} className="mt-1 min-h-11 rounded-md border border-slate-400 px-3" />
        </div>
        <div>
          <label htmlFor="role" className="block text-sm font-medium">Role</label>
          <select id="role" name="role" defaultValue={roleFilter ?? ""} className="mt-1 min-h-11 rounded-md border border-slate-400 px-3">
            <option value="">All roles</option>
            {ROLES.map((r) => <option key={r} value={r}>{roleLabel[r]}</option>)}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium">Filter</button>
      </form>
      <p className="mt-3 text-sm text-slate-700">{accounts.length} {accounts.length === 1 ? "account" : "accounts"}.</p>
      <ScrollRegion label="Accounts table">
        <table className="w-full min-w-[32rem] text-left text-sm">
          <caption className="sr-only">Accounts</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">Name</th>
              <th scope="col" className="px-3 py-2 font-semibold">Email</th>
              <th scope="col" className="px-3 py-2 font-semibold">Role</th>
              <th scope="col" className="px-3 py-2 font-semibold">Status</th>
              <th scope="col" className="px-3 py-2 font-semibold">Two-factor</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/admin/accounts/${a.id}`} className="text-brand-700 underline-offset-2 hover:underline">{a.name}</Link>
                </th>
                <td className="px-3 py-2">{a.email}</td>
                <td className="px-3 py-2">{roleLabel[a.role]}</td>
                <td className="px-3 py-2">
                  {a.active ? (a.mustChangePassword ? "Active · must change password" : "Active") : "Deactivated"}
                  {a.pendingConfirmation && (
                    <span className="mt-1 block w-fit rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-amber-400">
                      Awaiting confirmation: {pendingLabel(a.pendingConfirmation)}
                    </span>
                  )}
                </td>
                <td className="px-3 py-2">{a.twoFactorEnabled ? "On" : "Off"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
