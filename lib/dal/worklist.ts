import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import type { EpisodeStatus } from "@/db/schema/episodes";
import { searchKey } from "@/db/schema/patients";
import { mayRun, type CareAlert, type Permission } from "@/lib/domain/care-state";
import { permissionLabel } from "@/lib/domain/permission-wording";
import type { RedFlagTier } from "@/lib/domain/red-flags";
import { ageOn } from "@/lib/domain/age";
import type { AdherenceSummary } from "@/lib/domain/caseload";
import { authorizeRole } from "./internal/access";
import { adherenceSummariesOf } from "./internal/adherence-summaries";
import { auditListView, patientList } from "./internal/audit-log";
import { loadCareStates } from "./internal/care-facts";

export const WORKLIST_PAGE_SIZE = 20;

export const worklistQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["awaiting_exam", "active", "healed"]).optional().catch(undefined),
  /** Running as the state in force allows it: never filtered on a stored decision. */
  clearance: z.enum(["may_run", "restricted", "full", "paused"]).optional().catch(undefined),
  alerts: z.literal("yes").optional().catch(undefined),
  /** Patients the week-6 rule flags (lib/domain/recovery-course.ts), read from the state in force. */
  course: z.literal("not_improving").optional().catch(undefined),
  sort: z.enum(["name", "age", "status", "pain", "review"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type WorklistQuery = z.infer<typeof worklistQuerySchema>;

export interface WorklistRow {
  id: string;
  mrn: string;
  name: string;
  age: number;
  episodeStatus: EpisodeStatus | null;
  /** The state in force (lib/domain/care-state.ts), in the words of every other screen. */
  permission: string;
  mayRun: boolean;
  redFlagTier: RedFlagTier | null;
  alerts: CareAlert[];
  latestPain: number | null;
  openAlerts: number;
  /** Red flags the patient reported that no physician has acknowledged yet. */
  newAlerts: number;
  /**
   * Adherence figures and flags (lib/domain/caseload.ts); null once the episode has healed. The
   * patient's skip notes are left out: the worklist does not show them, so it does not send them.
   */
  adherence: Omit<AdherenceSummary, "recentSkips"> | null;
  /** The patient's local date, to word the last log. */
  today: string;
}

export interface Worklist {
  rows: WorklistRow[];
  total: number;
  page: number;
  pageSize: number;
}

const SORTS: Record<NonNullable<WorklistQuery["sort"]>, SQL> = {
  name: sql`family_name, given_name`,
  age: sql`date_of_birth desc`,
  status: sql`episode_status, family_name`,
  pain: sql`latest_pain desc nulls last, family_name`,
  review: sql`review_date nulls last, family_name`,
};

/**
 * The clinician's own patients with what a worklist row shows, filtered, sorted and paged in the
 * database. Patients with an unresolved red flag always come first (DOMAIN.md §2).
 */
export async function listWorklist(query: WorklistQuery = {}): Promise<Worklist> {
  const user = await authorizeRole("patient.list", ["physician", "therapist"]);
  const q = worklistQuerySchema.parse(query);
  const page = q.page ?? 1;
  const filters: SQL[] = [sql`true`];
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, "\\$&")}%`;
    // Folded like the indexed column (db/schema/patients.ts): "nunez" finds Núñez.
    filters.push(sql`search_text like ${searchKey(sql`${like}::text`)}`);
  }
  if (q.status) filters.push(sql`episode_status = ${q.status}`);
  if (q.alerts) filters.push(sql`open_alerts > 0`);
  // The clearance filter reads the state in force, which only careState derives: the rows are
  // filtered after it, and paged then.
  const pageInSql = !q.clearance && !q.course;

  const database = await db();
  // Each patient's change mark is read here, before any fact: it keys the kept adherence figures
  // (lib/dal/internal/adherence-summaries.ts).
  const result = await database.execute(sql`
    with mine as (
      select p.id, p.mrn, p.given_name, p.family_name, p.search_text, p.date_of_birth::text as date_of_birth,
        (select e.status::text from episodes e where e.patient_id = p.id order by e.opened_at desc limit 1) as episode_status,
        (select c.review_date::text from clearances c where c.patient_id = p.id order by c.version desc limit 1) as review_date,
        (select x.pain_now from exams x where x.patient_id = p.id and x.status = 'signed' order by x.signed_at desc limit 1) as latest_pain,
        (select count(*) from red_flag_alerts r where r.patient_id = p.id and r.resolved_at is null)::int as open_alerts,
        (select count(*) from red_flag_alerts r where r.patient_id = p.id and r.resolved_at is null and r.acknowledged_at is null)::int as new_alerts,
        coalesce((select cm.changes from patient_change_marks cm where cm.patient_id = p.id), 0) as changes
      from care_team_members m
      join patients p on p.id = m.patient_id
      where m.user_id = ${user.id}
    )
    select *, count(*) over ()::int as total from mine
    where ${sql.join(filters, sql` and `)}
    order by (new_alerts > 0) desc, (open_alerts > 0) desc, ${SORTS[q.sort ?? "name"]}
    ${pageInSql ? sql`limit ${WORKLIST_PAGE_SIZE} offset ${(page - 1) * WORKLIST_PAGE_SIZE}` : sql``}`);
  let rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  let total = Number(rows[0]?.total ?? 0);
  let states = await loadCareStates(rows.map((r) => String(r.id)), database);
  if (!pageInSql) {
    rows = rows.filter((r) => {
      const care = states.get(String(r.id))!;
      return (!q.clearance || matchesClearance(care.permission, q.clearance)) && (!q.course || care.alerts.some((a) => a.code === q.course));
    });
    total = rows.length;
    rows = rows.slice((page - 1) * WORKLIST_PAGE_SIZE, page * WORKLIST_PAGE_SIZE);
    states = new Map(rows.map((r) => [String(r.id), states.get(String(r.id))!]));
  }
  // A healed patient has no plan to follow, so no figures.
  const following = rows.filter((r) => r.episode_status !== "healed");
  const summaries = await adherenceSummariesOf(following.map((r) => ({ id: String(r.id), changes: Number(r.changes) })), states);
  // A list view audits whom it showed (STYLE.md: one entry names everything the request read).
  await auditListView({ actor: user, action: "patient.list", resource: patientList(rows.map((r) => String(r.id))), outcome: "allowed" });
  return {
    page,
    pageSize: WORKLIST_PAGE_SIZE,
    total,
    rows: rows.map((r) => {
      const care = states.get(String(r.id))!;
      return {
        id: String(r.id),
        mrn: String(r.mrn),
        name: `${r.given_name} ${r.family_name}`,
        age: ageOn(String(r.date_of_birth).slice(0, 10)),
        episodeStatus: (r.episode_status as EpisodeStatus | null) ?? null,
        permission: permissionLabel(care.permission),
        mayRun: mayRun(care.permission),
        redFlagTier: care.redFlagTier,
        alerts: care.alerts,
        latestPain: r.latest_pain === null || r.latest_pain === undefined ? null : Number(r.latest_pain),
        openAlerts: care.openRedFlags.length,
        newAlerts: care.openRedFlags.filter((f) => !f.acknowledged).length,
        adherence: figuresOf(summaries.get(String(r.id))),
        today: care.today,
      };
    }),
  };
}

function figuresOf(summary: AdherenceSummary | undefined): WorklistRow["adherence"] {
  if (!summary) return null;
  const { last7, last28, lastLogDate, pain, flags } = summary;
  return { last7, last28, lastLogDate, pain, flags };
}

function matchesClearance(permission: Permission, filter: NonNullable<WorklistQuery["clearance"]>): boolean {
  switch (filter) {
    case "may_run":
      return mayRun(permission);
    case "paused":
      return !mayRun(permission);
    case "restricted":
    case "full":
      return permission.status === "cleared" && permission.level === filter;
  }
}
