import type { Metadata } from "next";
import { getDiagnoses } from "@/lib/dal/diagnoses";
import { getExam, listExams } from "@/lib/dal/exams";
import { discLevelForRoot } from "@/lib/domain/visit";
import { formatDateTime } from "@/lib/ui/format";
import { getPatientChart } from "@/lib/dal/patients";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "@/lib/ui/or-not-found";
import { CurrentDiagnosis } from "./current-diagnosis";
import { DiagnosisForm, type DiagnosisDefaults } from "./diagnosis-form";
import { EarlierDiagnoses } from "./earlier-diagnoses";
import { SubpageHeader } from "../subpage-header";
import { loadVisit, VisitNext, VisitStepper } from "../visit-stepper";
import { sideLabel } from "./labels";

/** The side and level the latest signed exam found, carried into the form. */
async function defaultsFromExam(patientId: string): Promise<DiagnosisDefaults | undefined> {
  const signed = (await listExams(patientId)).find((e) => e.status === "signed");
  if (!signed) return undefined;
  const [exam, fmt] = await Promise.all([getExam(patientId, signed.id), getReaderFormat()]);
  const side = exam.findings.history?.side;
  const level = exam.suggestedLevel ? discLevelForRoot[exam.suggestedLevel] : undefined;
  const found = [side && `${sideLabel[side]?.toLowerCase() ?? side} side`, exam.suggestedLevel && `suggested ${exam.suggestedLevel} root (the ${level} disc)`].filter(Boolean);
  if (found.length === 0) return undefined;
  return { side, level, source: `From the exam signed ${formatDateTime(exam.signedAt!, fmt)}: ${found.join(", ")}. Change them if your diagnosis differs.` };
}

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
  const [visit, defaults] = canRecord && examined ? await Promise.all([loadVisit(id), defaultsFromExam(id)]) : [null, undefined];

  return (
    <article aria-labelledby="diagnosis-page-heading" className="space-y-4">
      <SubpageHeader headingId="diagnosis-page-heading" title="Diagnosis" patient={chart} />
      <VisitStepper patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="diagnosis" />

      <CurrentDiagnosis diagnosis={current} />

      {canRecord && (
        <section aria-labelledby="record-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="record-heading" className="mb-3 text-lg font-semibold">
            Record a diagnosis
          </h2>
          {examined ? (
            <DiagnosisForm patientId={chart.id} defaults={defaults} />
          ) : (
            <p className="text-sm text-slate-700">Examine the patient first: a diagnosis belongs to an episode opened by an exam.</p>
          )}
        </section>
      )}
      <VisitNext patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="diagnosis" />

      <EarlierDiagnoses diagnoses={earlier} />
    </article>
  );
}
