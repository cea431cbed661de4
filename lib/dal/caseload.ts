import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { mayRun, type CareState } from "@/lib/domain/care-state";
import { permissionLabel } from "@/lib/domain/permission-wording";
import { byNeed, summarizeActivity, type AdherenceSummary } from "@/lib/domain/caseload";
import { authorizeRole } from "./internal/access";
import { changeMarker, loadPatientActivity, SUMMARY_WEEKS } from "./internal/patient-activity";
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
  rows: CaseloadRow[];
  /** Changes when anything on the caseload changes; see `caseloadMarker`. */
  marker: string;
}

const myPatients = (userId: string) => sql`(select patient_id from care_team_members where user_id = ${userId})`;

/**
 * Every patient on the caller's care team with their state in force, adherence figures and flags,
 * most in need first. Patients whose episode has healed are listed last and carry no follow-up
 * flags: there is no plan to follow any more.
 */
export async function listCaseload(): Promise<Caseload> {
  const user = await authorizeRole("caseload.view", ["physician", "therapist"]);
  const database = await db();
  // The marker is read first: a change landing between the reads then shows at the next poll.
  const marker = await changeMarker(myPatients(user.id));
  const result = await database.execute(sql`select p.id, p.mrn, p.given_name, p.family_name from patients p where p.id in ${myPatients(user.id)}`);
  const patients = (result as unknown as { rows: Record<string, string>[] }).rows;
  const ids = patients.map((p) => String(p.id));
  const states = await loadCareStates(ids, database);
  const activities = await loadPatientActivity(ids, states, { weeks: SUMMARY_WEEKS });
  await auditListView({ actor: user, action: "caseload.view", resource: patientList(ids), outcome: "allowed" });
  const rows: CaseloadRow[] = patients.map((p) => {
    const activity = activities.get(String(p.id))!;
    const care = states.get(String(p.id))!;
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
  });
  const healed = (r: CaseloadRow) => Number(r.healed);
  rows.sort((a, b) => healed(a) - healed(b) || byNeed(a, b));
  return { rows, marker };
}

/** The caseload's change marker alone, for an open caseload to poll; it carries no clinical content. */
export async function caseloadMarker(): Promise<string> {
  const user = await authorizeRole("caseload.view", ["physician", "therapist"]);
  return changeMarker(myPatients(user.id));
}
