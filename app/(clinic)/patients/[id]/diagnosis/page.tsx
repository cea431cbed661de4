import type { Metadata } from "next";
import { getDiagnoses } from "@/lib/dal/diagnoses";
import { getPatientChart } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "../load";
import { CurrentDiagnosis } from "./current-diagnosis";
import { DiagnosisForm } from "./diagnosis-form";
import { EarlierDiagnoses } from "./earlier-diagnoses";
import { SubpageHeader } from "../subpage-header";

export const metadata: Metadata = { title: "Diagnosis" };

export default async function DiagnosisPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("physician", "therapist");
  const { id } = await params;
  const [chart, diagnoses] = await Promise.all([orNotFound(getPatientChart(id)), orNotFound(getDiagnoses(id))]);
  const [current, ...earlier] = diagnoses;
  // Only the care team's physicians record a diagnosis (DOMAIN.md §8); emergency access reads.
  const canRecord = user.role === "physician" && chart.accessVia === "care_team";
  // recordDiagnosis refuses this too; saying so up front spares filling in a form that will fail.
  const examined = chart.episode !== null && chart.episode.status !== "awaiting_exam";

  return (
    <article aria-labelledby="diagnosis-page-heading" className="space-y-4">
      <SubpageHeader headingId="diagnosis-page-heading" title="Diagnosis" patient={chart} />

      <CurrentDiagnosis diagnosis={current} />

      {canRecord && (
        <section aria-labelledby="record-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="record-heading" className="mb-3 text-lg font-semibold">
            Record a diagnosis
          </h2>
          {examined ? (
            <DiagnosisForm patientId={chart.id} />
          ) : (
            <p className="text-sm text-slate-700">Examine the patient first: a diagnosis belongs to an episode opened by an exam.</p>
          )}
        </section>
      )}

      <EarlierDiagnoses diagnoses={earlier} />
    </article>
  );
}
