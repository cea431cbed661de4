import type { Metadata } from "next";
import { getPatientAdherence } from "@/lib/dal/adherence";
import { getPatientChart } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "../load";
import { SubpageHeader } from "../subpage-header";
import { AdherenceView } from "./adherence-view";

export const metadata: Metadata = { title: "Adherence" };

export default async function AdherencePage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("physician", "therapist");
  const { id } = await params;
  const chart = await orNotFound(getPatientChart(id));
  const adherence = await orNotFound(getPatientAdherence(id));
  return (
    <article aria-labelledby="adherence-heading" className="space-y-4">
      <SubpageHeader headingId="adherence-heading" title="Adherence" patient={chart} />
      <AdherenceView patientId={id} initial={adherence} />
    </article>
  );
}
