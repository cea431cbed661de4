import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { mayRun, type CareState } from "@/lib/domain/care-state";
import { permissionLabel } from "@/lib/domain/permission-wording";
import { byNeed, summarizeActivity, type AdherenceSummary } from "@/lib/domain/caseload";
import { authorizeRole } from "./internal/access";
import { changeMarker, loadPatientActivity, SUMMARY_WEEKS, type LoadedActivity } from "./internal/patient-activity";
import { auditListView, patientList } from "./internal/audit-log";
import { loadCareStates } from "./internal/care-facts";

export interface CaseloadRow {
  id: string;
  mrn: string;
  name: string;
  /** From the state in force (lib/domain/care-state.ts), as on every screen. */
  permission: string;
  mayRun: boolean;
  healed: boolean;
  openRedFlags: number;
  redFlagTier: CareState["redFlagTier"];
  alerts: CareState["alerts"];
  /** Today on the patient's calendar, to say "today" or "yesterday" about the last log. */
  today: string;
  summary: AdherenceSummary;
}

export interface Caseload {
  /** This page of the caseload, most in need first. */
  rows: CaseloadRow[];
  /** Patients on the caseload, on every page. */
  total: number;
  /** Of them, those with a safety alert or a follow-up flag. */
  needingAttention: number;
  /**
   * On a later page, how many patients with an open red flag or a safety alert the earlier pages
   * hold: a therapist left on page 2 must still learn that someone became urgent.
   */
  urgentBefore: number;
  page: number;
  pageSize: number;
  /** Changes when anything on the caseload changes; see `caseloadMarker`. */
  marker: string;
}

export const CASELOAD_PAGE_SIZE = 25;

export const caseloadQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;

const myPatients = (userId: string) => sql`(select patient_id from care_team_members where user_id = ${userId})`;

type PatientName = { id: string; mrn: string; given_name: string; family_name: string };

function caseloadRow(p: PatientName, care: CareState, activity: LoadedActivity): CaseloadRow {
  return {
    id: String(p.id),
    mrn: String(p.mrn),
    name: `${p.given_name} ${p.family_name}`,
    permission: permissionLabel(care.permission),
    mayRun: mayRun(care.permission),
    healed: care.episode?.status === "healed",
    openRedFlags: care.openRedFlags.length,
    redFlagTier: care.redFlagTier,
    alerts: care.alerts,
    today: activity.today,
    summary: summarizeActivity(activity, activity.today),
  };
}

/**
 * The patients on the caller's care team with their state in force, adherence figures and flags,
 * most in need first, a page at a time. Patients whose episode has healed come last, by name, and
 * carry no follow-up flags: there is no plan to follow any more, so their activity is read only
 * for the ones on the page. Everyone else's is read to rank them: need is a property of the whole
 * caseload, not of a page.
 */
export async function listCaseload(query: CaseloadQuery = {}): Promise<Caseload> {
  const user = await authorizeRole("caseload.view", ["physician", "therapist"]);
  const asked = caseloadQuerySchema.parse(query).page ?? 1;
  const database = await db();
  // The marker is read first: a change landing between the reads then shows at the next poll.
  const marker = await changeMarker(myPatients(user.id));
  const result = await database.execute(sql`select p.id, p.mrn, p.given_name, p.family_name from patients p where p.id in ${myPatients(user.id)}`);
  const patients = (result as unknown as { rows: PatientName[] }).rows;
  const states = await loadCareStates(
    patients.map((p) => String(p.id)),
    database,
  );
  const isHealed = (p: PatientName) => states.get(String(p.id))!.episode?.status === "healed";
  const following = patients.filter((p) => !isHealed(p));
  const activities = await loadPatientActivity(
    following.map((p) => String(p.id)),
    states,
    { weeks: SUMMARY_WEEKS },
  );
  const ranked = following.map((p) => caseloadRow(p, states.get(String(p.id))!, activities.get(String(p.id))!)).sort(byNeed);
  // A healed patient has no plan to follow, but may still carry a safety alert (new numbness,
  // a run while paused): ranked by those, then by name.
  const noActivity: AdherenceSummary = { lastLogDate: null, last7: null, last28: null, pain: { latest: null, change: null }, flags: [], recentSkips: [] };
  const healed = patients
    .filter(isHealed)
    .map((p) => ({ p, need: { name: `${p.given_name} ${p.family_name}`, openRedFlags: states.get(String(p.id))!.openRedFlags.length, alerts: states.get(String(p.id))!.alerts, summary: noActivity } }))
    .sort((a, b) => byNeed(a.need, b.need));
  const pages = Math.max(1, Math.ceil(patients.length / CASELOAD_PAGE_SIZE));
  // A page past the end (the caseload shrank while it was open) shows the last one.
  const page = Math.min(asked, pages);
  const from = (page - 1) * CASELOAD_PAGE_SIZE;
  const shownHealed = healed.slice(Math.max(0, from - ranked.length), Math.max(0, from + CASELOAD_PAGE_SIZE - ranked.length)).map((h) => h.p);
  const healedActivities = await loadPatientActivity(
    shownHealed.map((p) => String(p.id)),
    states,
    { weeks: SUMMARY_WEEKS },
  );
  const rows = [...ranked.slice(from, from + CASELOAD_PAGE_SIZE), ...shownHealed.map((p) => caseloadRow(p, states.get(String(p.id))!, healedActivities.get(String(p.id))!))];
  await auditListView({ actor: user, action: "caseload.view", resource: patientList(rows.map((r) => r.id)), outcome: "allowed" });
  const needsAttention = (r: { alerts: readonly unknown[]; summary: { flags: readonly unknown[] } }) => r.alerts.length > 0 || r.summary.flags.length > 0;
  return {
    rows,
    total: patients.length,
    needingAttention: ranked.filter(needsAttention).length + healed.filter((h) => needsAttention(h.need)).length,
    urgentBefore: from === 0 ? 0 : [...ranked, ...healed.map((h) => h.need)].slice(0, from).filter((r) => r.openRedFlags > 0 || r.alerts.length > 0).length,
    page,
    pageSize: CASELOAD_PAGE_SIZE,
    marker,
  };
}

/** The caseload's change marker alone, for an open caseload to poll; it carries no clinical content. */
export async function caseloadMarker(): Promise<string> {
  const user = await authorizeRole("caseload.view", ["physician", "therapist"]);
  return changeMarker(myPatients(user.id));
}
