import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { getPatientChart, listClinicians } from "@/lib/dal/patients";
import { listReferrals } from "@/lib/dal/referrals";
import { requireRole } from "@/lib/dal/session";
import { formatDate, formatDateTime } from "@/lib/ui/format";
import { orNotFound } from "@/lib/ui/or-not-found";
import { SubpageHeader } from "../../subpage-header";
import { loadVisit, VisitNext, VisitStepper } from "../../visit-stepper";
import { escalationLabels, statusLabels } from "../labels";
import { EscalationForm, EscalationStatusForm, TherapyReferralForm } from "../referral-forms";

export const metadata: Metadata = { title: "Referrals" };

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function ReferralsPage({ params }: { params: Promise<{ id: string }> }) {
  const fmt = await getReaderFormat();
  const user = await requireRole("physician", "therapist");
  const { id } = await params;
  const chart = await orNotFound(getPatientChart(id));
  const canWrite = user.role === "physician" && chart.accessVia === "care_team";
  const [referrals, clinicians, visit] = await Promise.all([listReferrals(id), canWrite ? listClinicians() : Promise.resolve([]), canWrite ? loadVisit(id) : null]);
  // The therapist already on the care team is who the physician usually refers to.
  const teamTherapist = chart.careTeam.find((m) => m.role === "therapist")?.userId;

  return (
    <article aria-labelledby="referrals-heading" className="space-y-4">
      <SubpageHeader headingId="referrals-heading" title="Referrals" patient={chart} />
      <VisitStepper patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="referral" />

      <section aria-labelledby="therapy-heading" className={card}>
        <h2 id="therapy-heading" className="text-lg font-semibold">Physical therapy</h2>
        {referrals.therapy.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No physical therapy referral yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {referrals.therapy.map((r) => (
              <li key={r.id} className="py-2 text-sm">
                <p className="font-medium">
                  {r.therapistName}: {r.sessionsPerWeek} {r.sessionsPerWeek === 1 ? "session" : "sessions"} a week for {r.weeks} weeks from {formatDate(r.startDate, fmt)} · {statusLabels[r.status]}
                </p>
                <p className="text-slate-700">Goals: {r.goals}</p>
                {r.notes && <p className="text-slate-700">Notes: {r.notes}</p>}
                <p className="text-xs text-slate-600">Referred by {r.createdByName}, {formatDateTime(r.createdAt, fmt)}</p>
                {chart.accessVia === "care_team" && (
                  <Link href={`/patients/${chart.id}/referrals/${r.id}/print`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                    Print the referral letter
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        <Link href={`/patients/${chart.id}/therapy`} className="mt-2 inline-flex min-h-11 items-center text-brand-700 underline">
          Therapy sessions and dose changes
        </Link>
        {canWrite && (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h3 className="mb-2 font-semibold">New physical therapy referral</h3>
            <TherapyReferralForm patientId={chart.id} defaultTherapistId={teamTherapist} therapists={clinicians.filter((c) => c.role === "therapist").map((c) => ({ value: c.id, label: c.name }))} />
          </div>
        )}
      </section>

      <VisitNext patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="referral" />

      <section aria-labelledby="escalation-heading" className={card}>
        <h2 id="escalation-heading" className="text-lg font-semibold">Escalation</h2>
        <p className="mt-1 text-sm text-slate-700">For severe or persistent sciatica: imaging, an epidural steroid injection, or a surgical opinion.</p>
        {referrals.escalations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No escalation referrals.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {referrals.escalations.map((r) => (
              <li key={r.id} className="py-3 text-sm">
                <p className="font-medium">
                  {escalationLabels[r.kind]} · {statusLabels[r.status]}
                </p>
                <p className="text-slate-700">Reason: {r.reason}</p>
                {r.statusNote && <p className="text-slate-700">Note: {r.statusNote}</p>}
                <p className="text-xs text-slate-600">
                  Requested by {r.createdByName}, {formatDateTime(r.createdAt, fmt)} · updated {formatDateTime(r.updatedAt, fmt)}
                </p>
                {canWrite && <EscalationStatusForm patientId={chart.id} referralId={r.id} status={r.status} label={escalationLabels[r.kind]} />}
              </li>
            ))}
          </ul>
        )}
        {canWrite && (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <h3 className="mb-2 font-semibold">New escalation referral</h3>
            <EscalationForm patientId={chart.id} />
          </div>
        )}
      </section>
    </article>
  );
}
