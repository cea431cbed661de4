import type { Metadata } from "next";
import { getClearance } from "@/lib/dal/clearance";
import { getPatientChart } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "@/lib/ui/or-not-found";
import { ClearanceForm } from "../clearance-form";
import { ClearanceHistory } from "../clearance-history";
import { CurrentDecision } from "../current-decision";
import { RedFlagPanel } from "../red-flag-panel";
import { RuleFacts } from "../rule-facts";
import { WithdrawSection } from "../withdraw-section";
import { SubpageHeader } from "../../subpage-header";
import { loadVisit, VisitNext, VisitStepper } from "../../visit-stepper";

export const metadata: Metadata = { title: "Clearance to run" };

export default async function ClearancePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("physician", "therapist");
  const { id } = await params;
  const [chart, clearance] = await Promise.all([orNotFound(getPatientChart(id)), orNotFound(getClearance(id))]);
  const { current, history, care, activeRedFlags, lastSignedExam, today } = clearance;
  // Only the care team's physicians decide (DOMAIN.md §8); emergency access reads, never writes.
  const canDecide = user.role === "physician" && chart.accessVia === "care_team";
  const currentVersion = current?.version ?? 0;
  const visit = canDecide ? await loadVisit(id) : null;

  return (
    <article aria-labelledby="clearance-page-heading" className="space-y-4">
      <SubpageHeader
        headingId="clearance-page-heading"
        title="Clearance to run"
        patient={chart}
        documents={canDecide ? [{ href: `/patients/${chart.id}/clearance/letter`, label: "Clearance letter for a coach" }] : []}
      />
      <VisitStepper patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="clearance" />

      <RedFlagPanel patientId={chart.id} care={care} />

      <div className="grid gap-4 lg:grid-cols-2">
        <CurrentDecision current={current} care={care} />
        <RuleFacts exam={lastSignedExam} redFlagCount={activeRedFlags.length} />
      </div>

      {canDecide ? (
        <>
          <section aria-labelledby="decide-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="decide-heading" className="mb-3 text-lg font-semibold">Record a decision</h2>
            <ClearanceForm
              patientId={chart.id}
              currentVersion={currentVersion}
              currentRestrictions={current?.restrictions ?? null}
              activeRedFlags={activeRedFlags}
              lastSignedExam={lastSignedExam && { ...lastSignedExam, signedAt: lastSignedExam.signedAt.toISOString() }}
              now={new Date().toISOString()}
              today={today}
            />
          </section>
          <VisitNext patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="clearance" />
          <WithdrawSection patientId={chart.id} currentVersion={currentVersion} cleared={care.permission.status === "cleared"} />
        </>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          {chart.accessVia === "emergency"
            ? "You have emergency access to this chart: you can read the clearance but not change it."
            : "Only a physician on the patient's care team can decide or withdraw a clearance to run."}
        </p>
      )}

      <ClearanceHistory history={history} />
    </article>
  );
}
