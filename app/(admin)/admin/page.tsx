import type { Metadata } from "next";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { requireRole } from "@/lib/auth/session";
import { listAccounts } from "@/lib/dal/accounts";
import { roleLabel } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Accounts" };

export default async function AdminPage() {
  await requireRole("admin");
  const accounts = await listAccounts();
  return (
    <section aria-labelledby="accounts-heading">
      <h1 id="accounts-heading" className="text-2xl font-semibold">Accounts</h1>
      <p className="mt-1 text-sm text-slate-700">{accounts.length} accounts.</p>
      <ScrollRegion label="Accounts table">
        <table className="w-full min-w-[32rem] text-left text-sm">
          <caption className="sr-only">All accounts</caption>
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
                <th scope="row" className="px-3 py-2 font-medium">{a.name}</th>
                <td className="px-3 py-2">{a.email}</td>
                <td className="px-3 py-2">{roleLabel[a.role]}</td>
                <td className="px-3 py-2">{a.active ? "Active" : "Deactivated"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
