import type { Metadata } from "next";
import Link from "next/link";
import { getPatientChart } from "@/lib/dal/patients";
import { getPlan } from "@/lib/dal/plans";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "@/lib/ui/or-not-found";
import { SubpageHeader } from "../../subpage-header";
import { loadVisit, VisitNext, VisitStepper } from "../../visit-stepper";
import { CurrentPlan } from "../current-plan";
import { PlanEditor } from "../plan-editor";
import { PlanHistory } from "../plan-history";

export const metadata: Metadata = { title: "Care plan" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("physician", "therapist");
  const { id } = await params;
  const [chart, { current, history, context, review, today }] = await Promise.all([orNotFound(getPatientChart(id)), orNotFound(getPlan(id))]);
  // Only the care team's physicians write the plan (DOMAIN.md §8); emergency access reads, never writes.
  const canEdit = user.role === "physician" && chart.accessVia === "care_team";
  const visit = canEdit ? await loadVisit(id) : null;

  return (
    <article aria-labelledby="plan-page-heading" className="space-y-4">
      <SubpageHeader
        headingId="plan-page-heading"
        title="Care plan"
        patient={chart}
        documents={chart.accessVia === "care_team" ? [{ href: `/patients/${chart.id}/plan/print`, label: "Print the plan for the patient" }] : []}
      />
      <VisitStepper patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="plan" />

      <CurrentPlan current={current} review={review} />

      {canEdit ? (
        <>
        <section aria-labelledby="edit-plan-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="edit-plan-heading" className="mb-3 text-lg font-semibold">Edit the plan</h2>
          <PlanEditor
            patientId={chart.id}
            current={current && { version: current.version, plan: current.plan, templateId: current.templateId }}
            context={context}
            today={today}
          />
        </section>
        <VisitNext patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="plan" />
        </>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          <p>
            {chart.accessVia === "emergency"
              ? "You have emergency access to this chart: you can read the plan but not change it."
              : "Only a physician on the patient's care team can change the plan."}
          </p>
          {user.role === "therapist" && (
            <Link href={`/patients/${chart.id}/therapy`} className="mt-1 inline-flex min-h-11 items-center text-brand-700 underline">
              Adjust home-exercise doses with therapy sessions
            </Link>
          )}
        </div>
      )}

      <PlanHistory patientId={chart.id} history={history} />
    </article>
  );
}
