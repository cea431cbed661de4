import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { listMyRecordAccesses } from "@/lib/dal/audit";
import { listMyEmergencyAccesses } from "@/lib/dal/emergency-access";
import { requireRole } from "@/lib/dal/session";
import { roleLabel } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Who opened my record" };

export default async function MyAccessLogPage() {
  const fmt = await getReaderFormat();
  await requireRole("patient");
  const [accesses, emergencies] = await Promise.all([listMyRecordAccesses(), listMyEmergencyAccesses()]);
  return (
    <section aria-labelledby="access-heading">
      <h1 id="access-heading" className="text-2xl font-semibold">Who opened my record</h1>
      <p className="mt-1 max-w-2xl text-slate-700">
        Every time someone at the clinic opens your record, RunClear writes it down. Emergency openings, by a doctor outside
        your care team, are marked.
      </p>
      <section aria-labelledby="copy-heading" className="mt-4 max-w-2xl rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="copy-heading" className="font-semibold">A copy of your record</h2>
        <p className="mt-1 text-sm text-slate-700">
          Download everything RunClear holds about your care (examinations, diagnosis, clearance to run, plan, referrals,
          questionnaires and what you logged) as one file in FHIR, the format other clinics and health apps read. Keep it
          safe: it is your health record. Each download is listed below.
        </p>
        <a
          href="/me/record"
          download
          className="mt-3 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
        >
          Download my record (FHIR JSON)
        </a>
      </section>
      {emergencies.length > 0 && (
        <section aria-labelledby="emergency-heading" className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-950">
          <h2 id="emergency-heading" className="font-semibold">Emergency openings of your record</h2>
          <p className="mt-1 text-sm">
            A doctor outside your care team opened your record, giving the reason below. The clinic reviews every one.
          </p>
          <ul className="mt-2 space-y-2">
            {emergencies.map((e, i) => (
              <li key={i} className="text-sm">
                <span className="font-medium">{e.physicianName}</span>, {formatDateTime(e.grantedAt, fmt)} (access until {formatDateTime(e.expiresAt, fmt)})
                <span className="block">Reason given: {e.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {accesses.length === 0 ? (
        <p className="mt-4 rounded-md border border-slate-200 bg-white p-4">Nobody has opened your record yet.</p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {accesses.map((a, i) => (
            <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <div>
                <p className="font-medium">
                  {a.who}
                  {a.role && <span className="font-normal text-slate-600"> · {roleLabel[a.role]}</span>}
                </p>
                <p className="text-sm text-slate-700">{a.what}</p>
                {a.emergency && (
                  <p className="mt-1 inline-flex rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-red-300">
                    Emergency access
                  </p>
                )}
              </div>
              <p className="text-sm text-slate-700">{formatDateTime(a.occurredAt, fmt)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
