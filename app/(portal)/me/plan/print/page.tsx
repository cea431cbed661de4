import type { Metadata } from "next";
import { getMyPlanDocument } from "@/lib/dal/documents";
import { requireRole } from "@/lib/dal/session";
import { DocumentPage } from "@/lib/ui/document-page";
import { PlanDocumentBody } from "@/lib/ui/plan-document";

export const metadata: Metadata = { title: "My plan to print" };

export default async function PrintMyPlanPage() {
  await requireRole("patient");
  const doc = await getMyPlanDocument();
  return (
    <DocumentPage title="My care plan" clinicName={doc.clinicName} patient={doc.patient} back={{ href: "/me/plan", label: "Back to my plan" }}>
      <PlanDocumentBody doc={doc} />
    </DocumentPage>
  );
}
