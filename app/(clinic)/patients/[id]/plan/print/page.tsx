import type { Metadata } from "next";
import { getPlanDocument } from "@/lib/dal/documents";
import { requireRole } from "@/lib/dal/session";
import { DocumentPage } from "@/lib/ui/document-page";
import { PlanDocumentBody } from "@/lib/ui/plan-document";
import { orNotFound } from "@/lib/ui/or-not-found";

export const metadata: Metadata = { title: "Care plan to print" };

/** The patient's plan as the patient reads it, to hand over at the visit. */
export default async function PrintPlanPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("physician", "therapist");
  const { id } = await params;
  const doc = await orNotFound(getPlanDocument(id));
  return (
    <DocumentPage title="Care plan" clinicName={doc.clinicName} patient={doc.patient} back={{ href: `/patients/${id}/plan`, label: "Back to the plan" }}>
      <PlanDocumentBody doc={doc} />
    </DocumentPage>
  );
}
