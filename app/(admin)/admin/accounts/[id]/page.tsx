import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { getAccount } from "@/lib/dal/accounts";
import { orNotFound } from "@/lib/ui/or-not-found";
import { requireRole } from "@/lib/dal/session";
import { roleLabel } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/ui/format";
import { pendingLabel } from "../../confirmation-labels";
import { AccountActions, ClinicalLead, ConfirmAccess } from "./account-actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const fmt = await getReaderFormat();
  const admin = await requireRole("admin");
  const { id } = await params;
  const account = await orNotFound(getAccount(id));
  return (
    <div className="space-y-4">
      <Link href="/admin" className="text-sm text-brand-700 underline">
        ← All accounts
      </Link>
      <section aria-labelledby="account-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h1 id="account-heading" className="text-2xl font-semibold">{account.name}</h1>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-600">Email</dt><dd className="font-medium">{account.email}</dd></div>
          <div><dt className="text-slate-600">Role</dt><dd className="font-medium">{roleLabel[account.role]}</dd></div>
          <div><dt className="text-slate-600">Status</dt><dd className="font-medium">{account.active ? "Active" : "Deactivated"}{account.mustChangePassword ? " · must change password" : ""}</dd></div>
          <div><dt className="text-slate-600">Created</dt><dd className="font-medium">{formatDateTime(account.createdAt, fmt)}</dd></div>
          {account.role === "physician" && (
            <div><dt className="text-slate-600">Clinical lead</dt><dd className="font-medium">{account.clinicalLead ? "Yes: sees the whole clinic's outcomes and may export the clinic" : "No"}</dd></div>
          )}
          <div><dt className="text-slate-600">Two-factor sign-in</dt><dd className="font-medium">{account.twoFactorEnabled ? "On" : "Off"}</dd></div>
          {account.patient && (
            <div><dt className="text-slate-600">Patient record</dt><dd className="font-medium">{account.patient.name} · {account.patient.mrn}</dd></div>
          )}
        </dl>
        <p className="mt-3 text-sm">
          <Link href={`/admin/audit?userId=${account.id}`} className="text-brand-700 underline">What this account did (audit trail)</Link>
        </p>
      </section>
      {account.pendingConfirmation && (
        <section aria-labelledby="confirm-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950">
          <h2 id="confirm-heading" className="text-lg font-semibold">Awaiting confirmation</h2>
          <p className="mt-1">
            {pendingLabel(account.pendingConfirmation)}
            {account.pendingConfirmation.changedAt && `, ${formatDateTime(account.pendingConfirmation.changedAt, fmt)}`}. Until an
            administrator other than the one who made the change confirms it, this account reaches no patient record and no
            administration. Check with the person (and their manager) that it is right before you confirm.
          </p>
          {account.pendingConfirmation.changedById === admin.id ? (
            <p className="mt-2 font-medium">You made this change, so another administrator must confirm it.</p>
          ) : (
            <ConfirmAccess userId={account.id} />
          )}
        </section>
      )}
      <section aria-labelledby="manage-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="manage-heading" className="mb-3 text-lg font-semibold">Manage</h2>
        <AccountActions
          userId={account.id}
          role={account.role}
          active={account.active}
          isSelf={account.id === admin.id}
          twoFactorEnabled={account.twoFactorEnabled}
        />
      </section>
      {account.role === "physician" && (
        <section aria-labelledby="lead-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="lead-heading" className="mb-3 text-lg font-semibold">Clinical lead</h2>
          <ClinicalLead userId={account.id} clinicalLead={account.clinicalLead} active={account.active} />
        </section>
      )}
    </div>
  );
}
