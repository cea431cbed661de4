import type { Metadata } from "next";
import { getReferralLetter } from "@/lib/dal/documents";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { requireRole } from "@/lib/dal/session";
import { DocumentPage } from "@/lib/ui/document-page";
import { formatDate, formatDayOf } from "@/lib/ui/format";
import { StateInForce } from "@/lib/ui/state-in-force";
import { restrictionLines } from "../../../clearance/restriction-lines";
import { orNotFound } from "@/lib/ui/or-not-found";

export const metadata: Metadata = { title: "Referral letter to print" };

interface Props {
  params: Promise<{ id: string; referralId: string }>;
}

/** The referral to physical therapy as a letter to the therapist, from the referring physician. */
export default async function PrintReferralPage({ params }: Props) {
  await requireRole("physician", "therapist");
  const { id, referralId } = await params;
  const [letter, fmt] = await Promise.all([orNotFound(getReferralLetter(id, referralId)), getReaderFormat()]);
  const { diagnosis, care } = letter;
  const limits = care.permission.status === "cleared" && care.permission.restrictions ? restrictionLines(care.permission.restrictions) : [];
  return (
    <DocumentPage title="Referral to physical therapy" clinicName={letter.clinicName} patient={letter.patient} back={{ href: `/patients/${id}/referrals`, label: "Back to referrals" }}>
      <p>
        To {letter.therapistName}, physical therapist · referred on {formatDayOf(letter.referredAt, fmt)}
      </p>
      <p>
        Please see {letter.patient.name}, a runner with sciatica, for physical therapy: {letter.sessionsPerWeek} {letter.sessionsPerWeek === 1 ? "session" : "sessions"} a week
        for {letter.weeks} {letter.weeks === 1 ? "week" : "weeks"}, from {formatDate(letter.startDate, fmt)}.
      </p>
      <section aria-labelledby="reason-heading" data-print="keep">
        <h2 id="reason-heading" className="text-lg font-semibold">Reason and goals</h2>
        <p className="mt-1 whitespace-pre-wrap">{letter.goals}</p>
        {letter.notes && <p className="mt-1 whitespace-pre-wrap">Notes: {letter.notes}</p>}
      </section>
      <section aria-labelledby="diagnosis-heading" data-print="keep">
        <h2 id="diagnosis-heading" className="text-lg font-semibold">Diagnosis</h2>
        {diagnosis ? (
          <p className="mt-1">
            {diagnosis.label} (ICD-10-CM {diagnosis.icd10Code ?? "not coded"}) · {diagnosis.side} side{diagnosis.level ? ` · suspected level ${diagnosis.level}` : ""} · confirmed{" "}
            {diagnosis.confirmation === "imaging" ? "by imaging" : "clinically"}
            {diagnosis.notes && `. ${diagnosis.notes}`}
          </p>
        ) : (
          <p className="mt-1">No diagnosis recorded yet.</p>
        )}
      </section>
      <section aria-labelledby="running-heading" data-print="keep">
        <h2 id="running-heading" className="text-lg font-semibold">Running and restrictions</h2>
        <div className="mt-1">
          <StateInForce care={care} />
        </div>
        {limits.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {limits.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">Dose changes stay inside the plan, and running never goes beyond the clearance in force.</p>
      </section>
      <section aria-labelledby="signature-heading" data-print="keep" className="border-t border-slate-300 pt-3">
        <h2 id="signature-heading" className="sr-only">Referring physician</h2>
        <p>With thanks,</p>
        <p className="mt-4 font-semibold">{letter.referringPhysician}</p>
        <p className="text-sm">Referring physician, {letter.clinicName}</p>
      </section>
    </DocumentPage>
  );
}
