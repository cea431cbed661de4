import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import type { EpisodeStatus } from "@/db/schema/episodes";
import type { ClearanceLevel } from "@/lib/domain/clearance";
import { ageOn } from "@/lib/domain/age";
import { summarizeActivity, type AdherenceSummary } from "@/lib/domain/caseload";
import { localDate } from "@/lib/domain/schedule";
import { authorizeRole } from "./access";
import { loadPatientActivity, SUMMARY_WEEKS } from "./adherence";
import { writeAudit } from "./audit-log";

export const WORKLIST_PAGE_SIZE = 20;

export const worklistQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["awaiting_exam", "active", "healed"]).optional().catch(undefined),
  clearance: z.enum(["none", "not_cleared", "restricted", "full"]).optional().catch(undefined),
  alerts: z.literal("yes").optional().catch(undefined),
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
  clearanceLevel: ClearanceLevel | null;
  reviewDate: string | null;
  reviewDue: boolean;
  latestPain: number | null;
  openAlerts: number;
  /** Red flags the patient reported that no physician has acknowledged yet. */
  newAlerts: number;
  /** Adherence figures and flags (lib/domain/caseload.ts); null once the episode has healed. */
  adherence: AdherenceSummary | null;
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
    filters.push(sql`(given_name || ' ' || family_name ilike ${like} or family_name || ' ' || given_name ilike ${like} or mrn ilike ${like})`);
  }
  if (q.status) filters.push(sql`episode_status = ${q.status}`);
  if (q.clearance === "none") filters.push(sql`clearance_level is null`);
  else if (q.clearance) filters.push(sql`clearance_level = ${q.clearance}`);
  if (q.alerts) filters.push(sql`open_alerts > 0`);

  const result = await (await db()).execute(sql`
    with mine as (
      select p.id, p.mrn, p.given_name, p.family_name, p.date_of_birth::text as date_of_birth, p.time_zone,
        (select e.status::text from episodes e where e.patient_id = p.id order by e.opened_at desc limit 1) as episode_status,
        c.level::text as clearance_level, c.review_date::text as review_date,
        (select x.pain_now from exams x where x.patient_id = p.id and x.status = 'signed' order by x.signed_at desc limit 1) as latest_pain,
        (select count(*) from red_flag_alerts r where r.patient_id = p.id and r.resolved_at is null)::int as open_alerts,
        (select count(*) from red_flag_alerts r where r.patient_id = p.id and r.resolved_at is null and r.acknowledged_at is null)::int as new_alerts
      from care_team_members m
      join patients p on p.id = m.patient_id
      left join lateral (select level, review_date from clearances c where c.patient_id = p.id order by c.version desc limit 1) c on true
      where m.user_id = ${user.id}
    )
    select *, count(*) over ()::int as total from mine
    where ${sql.join(filters, sql` and `)}
    order by (new_alerts > 0) desc, (open_alerts > 0) desc, ${SORTS[q.sort ?? "name"]}
    limit ${WORKLIST_PAGE_SIZE} offset ${(page - 1) * WORKLIST_PAGE_SIZE}`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const activities = await loadPatientActivity(rows.map((r) => String(r.id)), { weeks: SUMMARY_WEEKS });
  await writeAudit({ actor: user, action: "patient.list", outcome: "allowed" });
  const now = new Date();
  return {
    page,
    pageSize: WORKLIST_PAGE_SIZE,
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => {
      const reviewDate = r.review_date ? String(r.review_date).slice(0, 10) : null;
      const clearanceLevel = (r.clearance_level as ClearanceLevel | null) ?? null;
      const activity = activities.get(String(r.id))!;
      return {
        id: String(r.id),
        mrn: String(r.mrn),
        name: `${r.given_name} ${r.family_name}`,
        age: ageOn(String(r.date_of_birth).slice(0, 10)),
        episodeStatus: (r.episode_status as EpisodeStatus | null) ?? null,
        clearanceLevel,
        reviewDate,
        reviewDue: Boolean(reviewDate && clearanceLevel !== "not_cleared" && reviewDate <= localDate(now, String(r.time_zone))),
        latestPain: r.latest_pain === null || r.latest_pain === undefined ? null : Number(r.latest_pain),
        openAlerts: Number(r.open_alerts),
        newAlerts: Number(r.new_alerts),
        adherence: r.episode_status === "healed" ? null : summarizeActivity(activity, activity.today),
        today: activity.today,
      };
    }),
  };
}
