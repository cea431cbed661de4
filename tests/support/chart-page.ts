import { listRecentRuns } from "@/lib/dal/activity";
import { getAdherenceSummary } from "@/lib/dal/adherence";
import { getClearance } from "@/lib/dal/clearance";
import { getDiagnoses } from "@/lib/dal/diagnoses";
import { listExams } from "@/lib/dal/exams";
import { getPatientChart } from "@/lib/dal/patients";
import { getPlan } from "@/lib/dal/plans";
import { listKnownSymptoms, listRedFlagAlerts } from "@/lib/dal/red-flags";
import { listReferrals } from "@/lib/dal/referrals";

/**
 * What the chart page (app/(clinic)/patients/[id]/page.tsx) reads, in the same order: the chart,
 * then the page's reads and its streamed cards' (adherence, runs) at once.
 */
export async function readChartPage(id: string): Promise<void> {
  await getPatientChart(id);
  await Promise.all([
    listExams(id), getDiagnoses(id), getClearance(id), listRedFlagAlerts(id), getPlan(id),
    listReferrals(id), listRecentRuns(id), getAdherenceSummary(id), listKnownSymptoms(id),
  ]);
}
