import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { mayRun, type CareState } from "@/lib/domain/care-state";
import { permissionLabel } from "@/lib/domain/permission-wording";
import { caseloadRanks } from "@/db/schema/caseload-ranks";
import { byRank, LIST_RULES_VERSION, rankOf, type AdherenceSummary, type NeedRank } from "@/lib/domain/caseload";
import { localDate } from "@/lib/domain/schedule";
import { authorizeRole } from "./internal/access";
import { adherenceSummariesOf } from "./internal/adherence-summaries";
import { changeMarker, markerOf } from "./internal/patient-activity";
import { auditListView, patientList } from "./internal/audit-log";
import { loadCareStates, type ZonedCareState } from "./internal/care-facts";
import { clinicSettingsOfRequest } from "./internal/clinic-settings";
import { keepRows } from "./internal/kept-rows";

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

interface TeamMember {
  id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  time_zone: string;
  /** The patient's change mark now (drizzle/0017). */
  changes: string | number;
  as_of: string | null;
  rank_changes: string | number | null;
  grace_days: number | null;
  rules: number | null;
  healed: boolean | null;
  open_red_flags: number | null;
  need_score: number | null;
  last7: number | null;
  attention: boolean | null;
  urgent: boolean | null;
}

interface Derived {
  row: CaseloadRow;
  rank: NeedRank;
  attention: boolean;
  urgent: boolean;
}

function caseloadRow(p: TeamMember, care: ZonedCareState, summary: AdherenceSummary): CaseloadRow {
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
    today: care.today,
    summary,
  };
}

/**
 * Each patient's row and place: the state in force derived from the facts as every screen derives
 * it, the adherence figures from the kept ones where they still hold (their change mark is the one
 * read with the members, before these facts).
 */
async function derive(members: readonly TeamMember[]): Promise<Map<string, Derived>> {
  const states = await loadCareStates(members.map((m) => String(m.id)));
  const summaries = await adherenceSummariesOf(members.map((m) => ({ id: String(m.id), changes: Number(m.changes) })), states);
  return new Map(
    members.map((m) => {
      const row = caseloadRow(m, states.get(String(m.id))!, summaries.get(String(m.id))!);
      // A healed patient has no plan to follow: placed by their safety alerts, then by name.
      const rank = row.healed ? { ...rankOf(row, true), last7: null } : rankOf(row);
      return [row.id, { row, rank, attention: row.alerts.length > 0 || row.summary.flags.length > 0, urgent: row.openRedFlags > 0 || row.alerts.length > 0 }];
    }),
  );
}

/**
 * The patients on the caller's care team with their state in force, adherence figures and flags,
 * most in need first, a page at a time; healed patients last. Need is a property of the whole
 * caseload, so every patient is placed, from their kept rank (db/schema/caseload-ranks.ts) where
 * it still holds: only patients whose facts changed since, or whose day has turned, are derived
 * again, and the state in force of the page's rows is always derived afresh (their adherence
 * figures are the kept ones while those hold: lib/dal/internal/adherence-summaries.ts).
 */
export async function listCaseload(query: CaseloadQuery = {}): Promise<Caseload> {
  const user = await authorizeRole("caseload.view", ["physician", "therapist"]);
  const asked = caseloadQuerySchema.parse(query).page ?? 1;
  const database = await db();
  const { reviewGraceDays } = await clinicSettingsOfRequest();
  // Each rank is read with the change mark it must match, before any fact: a change landing later
  // leaves the rank behind its mark, so the next view derives it again.
  const result = await database.execute(sql`
    select p.id, p.mrn, p.given_name, p.family_name, p.time_zone, coalesce(cm.changes, 0) as changes,
      r.as_of::text as as_of, r.changes as rank_changes, r.grace_days, r.rules, r.healed, r.open_red_flags, r.need_score, r.last7, r.attention, r.urgent
    from care_team_members m
    join patients p on p.id = m.patient_id
    left join patient_change_marks cm on cm.patient_id = p.id
    left join caseload_ranks r on r.patient_id = p.id
    where m.user_id = ${user.id}`);
  const members = (result as unknown as { rows: TeamMember[] }).rows;
  const now = new Date();
  // The marker comes from the change marks read with the members, before any fact: a change
  // landing after them shows at the next poll.
  const marker = markerOf(members, now);
  const holds = (m: TeamMember) =>
    m.as_of === localDate(now, m.time_zone) && m.rank_changes !== null && Number(m.rank_changes) === Number(m.changes) && m.grace_days === reviewGraceDays && m.rules === LIST_RULES_VERSION;
  const derived = await derive(members.filter((m) => !holds(m)));
  await keepRanks(members, derived, reviewGraceDays, now);

  const placed = members.map((m) => {
    const fresh = derived.get(String(m.id));
    if (fresh) return { id: String(m.id), rank: fresh.rank, attention: fresh.attention, urgent: fresh.urgent };
    const rank: NeedRank = {
      name: `${m.given_name} ${m.family_name}`,
      healed: Boolean(m.healed),
      openRedFlags: Number(m.open_red_flags),
      needScore: Number(m.need_score),
      last7: m.last7 === null ? null : Number(m.last7),
    };
    return { id: String(m.id), rank, attention: Boolean(m.attention), urgent: Boolean(m.urgent) };
  });
  placed.sort((a, b) => byRank(a.rank, b.rank));
  const pages = Math.max(1, Math.ceil(members.length / CASELOAD_PAGE_SIZE));
  // A page past the end (the caseload shrank while it was open) shows the last one.
  const page = Math.min(asked, pages);
  const from = (page - 1) * CASELOAD_PAGE_SIZE;
  const shown = placed.slice(from, from + CASELOAD_PAGE_SIZE);
  const byId = new Map(members.map((m) => [String(m.id), m]));
  const missing = shown.filter((s) => !derived.has(s.id)).map((s) => byId.get(s.id)!);
  const pageRows = new Map([...derived, ...(await derive(missing))]);
  const rows = shown.map((s) => pageRows.get(s.id)!.row);
  await auditListView({ actor: user, action: "caseload.view", resource: patientList(rows.map((r) => r.id)), outcome: "allowed" });
  return {
    rows,
    total: members.length,
    needingAttention: placed.filter((p) => p.attention).length,
    urgentBefore: placed.slice(0, from).filter((p) => p.urgent).length,
    page,
    pageSize: CASELOAD_PAGE_SIZE,
    marker,
  };
}

/** Writes the ranks just derived, each with the change mark, local date, grace and rules' version it was made at. */
async function keepRanks(members: readonly TeamMember[], derived: ReadonlyMap<string, Derived>, graceDays: number, now: Date): Promise<void> {
  await keepRows(
    caseloadRanks,
    members
      .filter((m) => derived.has(String(m.id)))
      .map((m) => {
        const d = derived.get(String(m.id))!;
        return {
          patientId: String(m.id),
          asOf: localDate(now, m.time_zone),
          changes: Number(m.changes),
          graceDays,
          rules: LIST_RULES_VERSION,
          healed: d.rank.healed,
          openRedFlags: d.rank.openRedFlags,
          needScore: d.rank.needScore,
          last7: d.rank.last7,
          attention: d.attention,
          urgent: d.urgent,
          updatedAt: now,
        };
      }),
  );
}

/** The caseload's change marker alone, for an open caseload to poll; it carries no clinical content. */
export async function caseloadMarker(): Promise<string> {
  const user = await authorizeRole("caseload.view", ["physician", "therapist"]);
  return changeMarker(myPatients(user.id));
}
