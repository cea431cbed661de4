import type { Metadata } from "next";
import Link from "next/link";
import { listAccounts } from "@/lib/dal/accounts";
import { requireRole } from "@/lib/dal/session";
import { roleLabel, type Role } from "@/lib/auth/roles";
import { ScrollRegion } from "@/lib/ui/scroll-region";

export const metadata: Metadata = { title: "Accounts" };

const ROLES: Role[] = ["physician", "therapist", "patient", "admin"];

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ q?: string; role?: string }> }) {
  await requireRole("admin");
  const { q, role } = await searchParams;
  const roleFilter = ROLES.find((r) => r === role);
  const accounts = await listAccounts({ query: q?.slice(0, 100), role: roleFilter });
  return (
    <section aria-labelledby="accounts-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="accounts-heading" className="text-2xl font-semibold">Accounts</h1>
        <Link href="/admin/accounts/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          New account
        </Link>
      </div>
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
                <td className="px-3 py-2">{a.active ? (a.mustChangePassword ? "Active · must change password" : "Active") : "Deactivated"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
