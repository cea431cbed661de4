import type { Metadata } from "next";
import { getMyClearanceLetter } from "@/lib/dal/documents";
import { requireRole } from "@/lib/dal/session";
import { ClearanceLetterBody } from "@/lib/ui/clearance-letter";
import { DocumentPage } from "@/lib/ui/document-page";

export const metadata: Metadata = { title: "Letter for my coach" };

export default async function MyClearanceLetterPage() {
  await requireRole("patient");
  const letter = await getMyClearanceLetter();
  return (
    <DocumentPage title="Clearance to run" clinicName={letter.clinicName} patient={{ name: letter.runnerName }} back={{ href: "/me/plan", label: "Back to my plan" }}>
      <ClearanceLetterBody letter={letter} />
    </DocumentPage>
  );
}
