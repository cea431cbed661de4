import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPatientChart } from "@/lib/dal/patients";
import { getPlanVersion } from "@/lib/dal/plans";
import { requireRole } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/ui/format";
import { orNotFound } from "@/lib/ui/or-not-found";
import { SubpageHeader } from "../../../../subpage-header";
import { AuthorRole } from "../../../author-role";
import { PlanView } from "../../../plan-view";

export const metadata: Metadata = { title: "Care plan version" };

export default async function PlanVersionPage({ params }: { params: Promise<{ id: string; version: string }> }) {
  const fmt = await getReaderFormat();
  await requireRole("physician", "therapist");
  const { id, version: segment } = await params;
  // Digits only: Number() would also accept "", "1e1" or " 2 ".
  if (!/^\d{1,9}$/.test(segment)) notFound();
  const [chart, saved] = await Promise.all([orNotFound(getPatientChart(id)), orNotFound(getPlanVersion(id, Number(segment)))]);
  if (!saved) notFound();

  return (
    <article aria-labelledby="plan-version-heading" className="space-y-4">
      <SubpageHeader headingId="plan-version-heading" title={`Care plan, version ${saved.version}`} patient={chart} />
      <Link href={`/patients/${chart.id}/plan`} className="inline-flex min-h-11 items-center text-brand-700 underline">
        Back to the current plan
      </Link>

      <section aria-labelledby="version-changes-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="version-changes-heading" className="text-lg font-semibold">What changed</h2>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
          <span>
            Saved by {saved.createdByName} on {formatDateTime(saved.createdAt, fmt)}.
          </span>
          <AuthorRole role={saved.createdByRole} />
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
          {saved.changes.map((change, i) => (
            <li key={i}>{change}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="version-plan-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="version-plan-heading" className="mb-3 text-lg font-semibold">The plan as saved</h2>
        <PlanView plan={saved.plan} />
      </section>
    </article>
  );
}
