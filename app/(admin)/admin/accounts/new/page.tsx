import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { listPatientsWithoutAccount } from "@/lib/dal/accounts";
import { requireRole } from "@/lib/dal/session";
import { formatDate } from "@/lib/ui/format";
import { PatientAccountForm } from "./patient-account-form";
import { StaffAccountForm } from "./staff-account-form";

export const metadata: Metadata = { title: "New account" };

export default async function NewAccountPage() {
  const fmt = await getReaderFormat();
  await requireRole("admin");
  const candidates = await listPatientsWithoutAccount();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">New account</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="staff-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="staff-heading" className="mb-3 text-lg font-semibold">Staff</h2>
          <StaffAccountForm />
        </section>
        <section aria-labelledby="patient-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="patient-heading" className="mb-3 text-lg font-semibold">Patient</h2>
          <p className="mb-3 text-sm text-slate-700">Links a sign-in account to an existing patient record.</p>
          <PatientAccountForm
            patients={candidates.map((p) => ({ id: p.id, label: `${p.name} · ${p.mrn} · born ${formatDate(p.dateOfBirth, fmt)}` }))}
          />
        </section>
      </div>
    </div>
  );
}
