import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { adherenceSummaries } from "@/db/schema/adherence-summaries";
import { LIST_RULES_VERSION, summarizeActivity, type AdherenceSummary } from "@/lib/domain/caseload";
import type { ZonedCareState } from "./care-facts";
import { loadPatientActivity, SUMMARY_WEEKS } from "./patient-activity";
import { keepRows } from "./kept-rows";
import { idList, jsonOf } from "./sql-rows";

/** A listed patient with the change mark the list read before any of their facts. */
export interface MarkedPatient {
  id: string;
  changes: number;
}

interface Kept {
  patient_id: string;
  as_of: string;
  changes: string | number;
  grace_days: number;
  rules: number;
  summary: unknown;
}

/**
 * The adherence figures and flags of listed patients the caller may see, each from the kept one
 * (db/schema/adherence-summaries.ts) while it still holds, otherwise derived from the patient's
 * logs as every screen derives them and kept for the next view.
 *
 * A kept summary holds while its change mark is the one the list read, its date is the patient's
 * today, its grace the one the state was derived with and its rules' version this code's. The
 * mark must have been read before the states and the activity: a change landing after it is then
 * in the facts but not the mark, so
 * its summary is kept under the older mark, which the next view no longer matches (the change
 * moved the mark in its own transaction). A summary is thus only ever used under the mark of the
 * facts it was derived from.
 */
export async function adherenceSummariesOf(
  patients: readonly MarkedPatient[],
  states: ReadonlyMap<string, ZonedCareState>,
): Promise<Map<string, AdherenceSummary>> {
  const out = new Map<string, AdherenceSummary>();
  const listed = patients.filter((p) => states.has(p.id));
  if (!listed.length) return out;
  const database = await db();
  const read = await database.execute(sql`
    select patient_id, as_of::text as as_of, changes, grace_days, rules, summary
    from adherence_summaries where patient_id in (${idList(listed.map((p) => p.id))})`);
  const kept = new Map((read as unknown as { rows: Kept[] }).rows.map((k) => [String(k.patient_id), k]));
  const stale: MarkedPatient[] = [];
  for (const p of listed) {
    const k = kept.get(p.id);
    const state = states.get(p.id)!;
    const holds = k && k.as_of === state.today && Number(k.changes) === p.changes && k.grace_days === state.reviewGraceDays && k.rules === LIST_RULES_VERSION;
    if (holds) {
      out.set(p.id, jsonOf<AdherenceSummary>(k.summary)!);
    } else {
      stale.push(p);
    }
  }
  if (!stale.length) return out;

  const activities = await loadPatientActivity(stale.map((p) => p.id), states, { weeks: SUMMARY_WEEKS });
  const values = stale.map((p) => {
    const activity = activities.get(p.id)!;
    const summary = summarizeActivity(activity, activity.today);
    out.set(p.id, summary);
    return { patientId: p.id, asOf: activity.today, changes: p.changes, graceDays: states.get(p.id)!.reviewGraceDays, rules: LIST_RULES_VERSION, summary, updatedAt: new Date() };
  });
  // A list that read an older mark does not put back what a later one kept.
  await keepRows(adherenceSummaries, values, sql`excluded.changes >= ${adherenceSummaries.changes}`);
  return out;
}
