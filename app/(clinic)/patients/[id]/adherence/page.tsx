import type { Metadata } from "next";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getPatientAdherence } from "@/lib/dal/adherence";
import { getPatientChart } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { CareAlertList, RedFlagBadge } from "@/lib/ui/clearance-badge";
import { StateInForce } from "@/lib/ui/state-in-force";
import { getQueryClient } from "@/lib/ui/query-client";
import { adherenceSource, seedLive } from "@/lib/queries/live";
import { orNotFound } from "@/lib/ui/or-not-found";
import { SubpageHeader } from "../subpage-header";
import { AdherenceView } from "./adherence-view";

export const metadata: Metadata = { title: "Adherence" };

export default async function AdherencePage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("physician", "therapist");
  const { id } = await params;
  const chart = await orNotFound(getPatientChart(id));
  const adherence = await orNotFound(getPatientAdherence(id));
  // Handed to the browser's query cache, which then keeps it live (lib/queries/live.ts).
  const queryClient = getQueryClient();
  seedLive(queryClient, adherenceSource(id), adherence);
  return (
    <article aria-labelledby="adherence-heading" className="space-y-4">
      <SubpageHeader headingId="adherence-heading" title="Adherence" patient={chart} />
      {/* The state in force, as on the chart: adherence is read against what the patient may do. */}
      <section aria-labelledby="state-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="state-heading" className="text-lg font-semibold">Clearance to run and alerts</h2>
        <div className="mt-2 space-y-1">
          <RedFlagBadge count={adherence.care.openRedFlags.length} tier={adherence.care.redFlagTier} />
          <StateInForce care={adherence.care} />
        </div>
        <div className="mt-2">
          <CareAlertList alerts={adherence.care.alerts} />
        </div>
      </section>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AdherenceView patientId={id} />
      </HydrationBoundary>
    </article>
  );
}
