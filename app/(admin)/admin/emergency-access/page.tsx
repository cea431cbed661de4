import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { listEmergencyAccessGrants } from "@/lib/dal/emergency-access";
import { requireRole } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/ui/format";
import { ReviewForm } from "./review-form";

export const metadata: Metadata = { title: "Break-glass review" };

/** Every emergency access for an administrator to review: who opened whose chart, why, when, until when. */
export default async function BreakGlassReviewPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const fmt = await getReaderFormat();
  await requireRole("admin");
  const status = (await searchParams).status === "all" ? "all" : "unreviewed";
  const grants = await listEmergencyAccessGrants({ status });
  const tab = (value: "unreviewed" | "all", label: string) => (
    <Link
      href={value === "all" ? "/admin/emergency-access?status=all" : "/admin/emergency-access"}
      aria-current={status === value ? "page" : undefined}
      className={`inline-flex min-h-11 items-center rounded-md px-3 font-medium ${status === value ? "bg-brand-700 text-white" : "border border-slate-400 bg-white text-slate-900"}`}
    >
      {label}
    </Link>
  );
  return (
    <section aria-labelledby="review-heading" className="space-y-4">
      <h1 id="review-heading" className="text-2xl font-semibold">Break-glass review</h1>
      <p className="max-w-3xl text-slate-700">
        Every time a physician opened a chart outside their care team with emergency access. Check each against the reason
        given (was the physician on call, did the patient need care then?) and mark it reviewed with what you checked. The
        patient and the care team see each emergency access too.
      </p>
      <nav aria-label="Which emergency accesses" className="flex gap-2">
        {tab("unreviewed", "Not reviewed")}
        {tab("all", "All")}
      </nav>
      {grants.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">
          {status === "unreviewed" ? "Every emergency access has been reviewed." : "No physician has used emergency access yet."}
        </p>
      ) : (
        <ol className="space-y-3" aria-label="Emergency accesses">
          {grants.map((g) => (
            <li key={g.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-semibold">
                {g.physician.name} opened {g.patient.name}’s chart <span className="font-normal tabular-nums text-slate-600">({g.patient.mrn})</span>
              </h2>
              <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-3">
                <div><dt className="text-slate-600">When</dt><dd className="font-medium">{formatDateTime(g.grantedAt, fmt)}</dd></div>
                <div><dt className="text-slate-600">Until</dt><dd className="font-medium">{formatDateTime(g.expiresAt, fmt)}</dd></div>
                <div><dt className="text-slate-600">Physician’s email</dt><dd className="font-medium break-all">{g.physician.email}</dd></div>
                <div className="sm:col-span-3"><dt className="text-slate-600">Reason given</dt><dd className="font-medium">{g.reason}</dd></div>
              </dl>
              {g.review ? (
                <p className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950">
                  Reviewed by {g.review.by}, {formatDateTime(g.review.at, fmt)}: {g.review.note}
                </p>
              ) : (
                <ReviewForm grantId={g.id} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
