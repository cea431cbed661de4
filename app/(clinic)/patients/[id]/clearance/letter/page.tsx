import type { Metadata } from "next";
import { getClearanceLetter } from "@/lib/dal/documents";
import { requireRole } from "@/lib/dal/session";
import { ClearanceLetterBody } from "@/lib/ui/clearance-letter";
import { DocumentPage } from "@/lib/ui/document-page";
import { orNotFound } from "@/lib/ui/or-not-found";

export const metadata: Metadata = { title: "Clearance letter for a coach" };

export default async function ClearanceLetterPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("physician");
  const { id } = await params;
  const letter = await orNotFound(getClearanceLetter(id));
  return (
    <DocumentPage title="Clearance to run" clinicName={letter.clinicName} patient={{ name: letter.runnerName }} back={{ href: `/patients/${id}/clearance`, label: "Back to the clearance" }}>
      <ClearanceLetterBody letter={letter} />
    </DocumentPage>
  );
}
