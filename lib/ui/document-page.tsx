import Link from "next/link";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { formatDate, formatDateTime } from "./format";
import { PrintButton } from "./print-button";

interface DocumentPageProps {
  /** The document's title, also its h1: "Care plan", "Examination note". */
  title: string;
  clinicName: string;
  /** Who the document is about; DOB and MRN are left out of a letter meant for a coach. */
  patient: { name: string; dateOfBirth?: string; mrn?: string };
  back: { href: string; label: string };
  children: React.ReactNode;
}

/**
 * A printable document laid out as a letter: the clinic's name, whose record it is and when it was
 * printed, then the content. On screen it has a Print button and a way back; on paper only the
 * letter (app/globals.css keeps buttons and the app's frame off the page).
 */
export async function DocumentPage({ title, clinicName, patient, back, children }: DocumentPageProps) {
  const fmt = await getReaderFormat();
  const printedAt = formatDateTime(new Date(), fmt);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div data-print="hide" className="flex flex-wrap items-center justify-between gap-3">
        <Link href={back.href} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
          ← {back.label}
        </Link>
        <PrintButton />
      </div>
      <article aria-labelledby="document-title" className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 print:rounded-none print:border-0 print:p-0">
        <header className="border-b-2 border-slate-800 pb-3">
          <p className="text-lg font-bold tracking-tight">{clinicName}</p>
          <h1 id="document-title" className="mt-1 text-2xl font-semibold">
            {title}
          </h1>
          <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 print:grid-cols-2">
            <div>
              <dt className="inline font-medium">{patient.mrn ? "Patient: " : "Runner: "}</dt>
              <dd className="inline">{patient.name}</dd>
            </div>
            {patient.dateOfBirth && (
              <div>
                <dt className="inline font-medium">Date of birth: </dt>
                <dd className="inline">{formatDate(patient.dateOfBirth, fmt)}</dd>
              </div>
            )}
            {patient.mrn && (
              <div>
                <dt className="inline font-medium">MRN: </dt>
                <dd className="inline tabular-nums">{patient.mrn}</dd>
              </div>
            )}
            <div>
              <dt className="inline font-medium">Printed: </dt>
              <dd className="inline">{printedAt}</dd>
            </div>
          </dl>
        </header>
        {children}
      </article>
    </div>
  );
}
