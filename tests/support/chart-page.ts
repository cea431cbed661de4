import { listRecentRuns } from "@/lib/dal/activity";
import { getAdherenceSummary } from "@/lib/dal/adherence";
import { getClearance } from "@/lib/dal/clearance";
import { getDiagnoses } from "@/lib/dal/diagnoses";
import { listExams } from "@/lib/dal/exams";
import { assertChartAccess, getPatientChart } from "@/lib/dal/patients";
import { getPlan } from "@/lib/dal/plans";
import { listKnownSymptoms, listRedFlagAlerts } from "@/lib/dal/red-flags";
import { listReferrals } from "@/lib/dal/referrals";

/**
 * What the chart reads, in the same order: its layout's access check
 * (app/(clinic)/patients/[id]/chart-access-layout.tsx) beside the page's first read, the chart, then the
 * page's reads and its streamed cards' (adherence, runs) at once.
 */
export async function readChartPage(id: string): Promise<void> {
  await Promise.all([assertChartAccess(id), getPatientChart(id)]);
  await Promise.all([
    listExams(id), getDiagnoses(id), getClearance(id), listRedFlagAlerts(id), getPlan(id),
    listReferrals(id), listRecentRuns(id), getAdherenceSummary(id), listKnownSymptoms(id),
  ]);
}
