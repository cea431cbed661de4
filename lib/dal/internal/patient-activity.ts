import "server-only";
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { weeklyRunLimit } from "@/lib/domain/care-state";
import type { PatientActivity } from "@/lib/domain/progress";
import { addDays, localDate, weekStart, type LocalDate } from "@/lib/domain/schedule";
import type { Plan } from "@/lib/domain/plan";
import type { ZonedCareState } from "./care-facts";
import { dateOf, idList, jsonOf, type Row } from "./sql-rows";

/** Weeks of history the adherence views read: the 8-week charts, which also cover the 28-day figure. */
export const HISTORY_WEEKS = 8;
/** Enough for the 28-day figures (adherence, and the pain trend's PAIN_DAYS), for lists of patients. */
export const SUMMARY_WEEKS = 5;

export interface LoadedActivity extends PatientActivity {
  today: LocalDate;
}

/**
 * Everything the adherence figures are computed from, for patients the caller has already been
 * allowed to see, in one query whatever the number of patients. Each patient's day,
 * time zone, whether the episode has healed and the running limit come from their state in force
 * (`states`, which the caller has read for the same request), so the figures and the state agree
 * on what "today" is. Patients without a state are left out.
 */
export async function loadPatientActivity(
  patientIds: readonly string[],
  states: ReadonlyMap<string, ZonedCareState>,
  { weeks = HISTORY_WEEKS } = {},
): Promise<Map<string, LoadedActivity>> {
  const result = new Map<string, LoadedActivity>();
  const ids = patientIds.filter((id) => states.has(id));
  if (!ids.length) return result;
  // The earliest "from" any patient needs; each patient's own window is cut by the rules.
  const earliest = addDays(weekStart(ids.map((id) => states.get(id)!.today).sort()[0]!), -7 * weeks);
  // One statement, one row per patient: each column reads the patient's own rows on an index
  // (activity_logs_patient_date_idx, check_ins_patient_idx, the plan's versions), as JSON, which
  // is far quicker to read than a row per log over a caseload's tens of thousands of logs. The
  // newest log date is kept per patient by the database (patient_change_marks), so the "last log"
  // figure never reads a patient's whole history.
  const read = await (await db()).execute(sql`
    select p.id as patient_id,
      (select json_agg(json_build_array(a.local_date, a.item_key, a.status, a.skip_reason))
        from activity_logs a where a.patient_id = p.id and a.local_date >= ${earliest} and a.kind = 'item') as item_logs,
      (select json_agg(json_build_array(a.local_date, a.minutes, a.breaches))
        from activity_logs a where a.patient_id = p.id and a.local_date >= ${earliest} and a.kind = 'run') as runs,
      (select m.last_log_date::text from patient_change_marks m where m.patient_id = p.id) as last_log_date,
      (select json_agg(json_build_array(c.created_at, c.pain_now) order by c.created_at, c.id)
        from check_ins c where c.patient_id = p.id and c.created_at >= ${new Date(`${earliest}T00:00:00Z`)}) as pains,
      (select json_agg(json_build_array(v.plan, v.created_at) order by v.version)
        from plan_versions v where v.patient_id = p.id) as versions
    from patients p where p.id in (${idList(ids)})`);
  const rowOf = new Map((read as unknown as { rows: Row[] }).rows.map((r) => [String(r.patient_id), r]));
  for (const id of ids) {
    const state = states.get(id)!;
    const { timeZone } = state;
    const row = rowOf.get(id);
    const versions = jsonOf<[Plan, string][]>(row?.versions) ?? [];
    result.set(id, {
      timeZone,
      today: state.today,
      // The first version runs from the plan's start; a later one from the day it was saved.
      versions: versions.map(([plan, createdAt], i) => ({ effectiveFrom: i === 0 ? plan.startDate : localDate(dateOf(createdAt), timeZone), plan })),
      itemLogs: (jsonOf<[LocalDate, string, "done" | "skipped", string | null][]>(row?.item_logs) ?? []).map(([date, itemKey, status, skipReason]) => ({ localDate: date, itemKey, status, skipReason })),
      runs: (jsonOf<[LocalDate, number | null, string[] | null][]>(row?.runs) ?? []).map(([date, minutes, breaches]) => ({ localDate: date, minutes: minutes ?? 0, breaches: breaches ?? [] })),
      lastLogDate: (row?.last_log_date as LocalDate | null | undefined) ?? null,
      healed: state.episode?.status === "healed",
      pains: (jsonOf<[string, number][]>(row?.pains) ?? []).map(([createdAt, pain]) => ({ localDate: localDate(dateOf(createdAt), timeZone), pain })),
      weeklyRunLimit: weeklyRunLimit(state.permission),
    });
  }
  return result;
}

/**
 * A mark that moves whenever a log, check-in, plan version, clearance or red-flag alert of these
 * patients changes, or when who they are changes: from each patient's counter the database keeps
 * (drizzle/0017). It also moves on the hour: what is in force follows the calendar too (a review
 * date passes, a week's window slides, a patient falls silent), with no write to mark it, and
 * every patient's midnight falls on some hour. A list that has read the counters with its rows
 * makes its mark from them; a poll reads them alone (changeMarker): one way to make it.
 */
export function markerOf(patients: readonly { id: unknown; changes: unknown }[], now = new Date()): string {
  const hour = now.toISOString().slice(0, 13).replace(/\D/g, "");
  const ids = patients.map((p) => String(p.id)).sort();
  const changes = patients.reduce((sum, p) => sum + Number(p.changes ?? 0), 0);
  return `${hour}:${ids.length}:${changes}:${createHash("sha256").update(ids.join(",")).digest("base64url")}`;
}

/** The mark of the patients `ids` selects, read from their counters alone (one index row each). */
export async function changeMarker(ids: SQL): Promise<string> {
  const result = await (await db()).execute(sql`
    select t.id, m.changes from patients t left join patient_change_marks m on m.patient_id = t.id where t.id in ${ids}`);
  return markerOf((result as unknown as { rows: { id: string; changes: string | number | null }[] }).rows);
}
