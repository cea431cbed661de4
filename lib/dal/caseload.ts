import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { EpisodeStatus } from "@/db/schema/episodes";
import { byNeed, summarizeActivity, type AdherenceSummary } from "@/lib/domain/caseload";
import type { ClearanceLevel } from "@/lib/domain/clearance";
import { authorizeRole } from "./access";
import { changeMarker, loadPatientActivity, SUMMARY_WEEKS } from "./adherence";
import { writeAudit } from "./audit-log";

export interface CaseloadRow {
  id: string;
  mrn: string;
  name: string;
  episodeStatus: EpisodeStatus | null;
  clearanceLevel: ClearanceLevel | null;
  openRedFlags: number;
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
 * Every patient on the caller's care team with their adherence figures and flags, most in need
 * first. Patients whose episode has healed are listed last and carry no flags: there is no plan
 * to follow any more.
 */
export async function listCaseload(): Promise<Caseload> {
  const user = await authorizeRole("caseload.view", ["physician", "therapist"]);
  const database = await db();
  // The marker is read first: a change landing between the reads then shows at the next poll.
  const marker = await changeMarker(myPatients(user.id));
  const result = await database.execute(sql`
      select p.id, p.mrn, p.given_name, p.family_name,
        (select e.status::text from episodes e where e.patient_id = p.id order by e.opened_at desc limit 1) as episode_status,
        (select c.level::text from clearances c where c.patient_id = p.id order by c.version desc limit 1) as clearance_level,
        (select count(*) from red_flag_alerts r where r.patient_id = p.id and r.resolved_at is null)::int as open_red_flags
      from patients p
      where p.id in ${myPatients(user.id)}`);
  const patients = (result as unknown as { rows: Record<string, string | number | null>[] }).rows;
  const activities = await loadPatientActivity(patients.map((p) => String(p.id)), { weeks: SUMMARY_WEEKS });
  await writeAudit({ actor: user, action: "caseload.view", outcome: "allowed" });
  const rows: CaseloadRow[] = patients.map((p) => {
    const activity = activities.get(String(p.id))!;
    const episodeStatus = (p.episode_status as EpisodeStatus | null) ?? null;
    return {
      id: String(p.id),
      mrn: String(p.mrn),
      name: `${p.given_name} ${p.family_name}`,
      episodeStatus,
      clearanceLevel: (p.clearance_level as ClearanceLevel | null) ?? null,
      openRedFlags: Number(p.open_red_flags),
      today: activity.today,
      summary: summarizeActivity(activity, activity.today),
    };
  });
  const healed = (r: CaseloadRow) => Number(r.episodeStatus === "healed");
  rows.sort((a, b) => healed(a) - healed(b) || byNeed(a, b));
  return { rows, marker };
}

/** The caseload's change marker alone, for an open caseload to poll; it carries no clinical content. */
export async function caseloadMarker(): Promise<string> {
  const user = await authorizeRole("caseload.view", ["physician", "therapist"]);
  return changeMarker(myPatients(user.id));
}
