import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { users } from "@/db/schema/users";
import { diagnosisById, DIAGNOSIS_IDS, type DiagnosisId } from "@/lib/domain/diagnoses";
import {
  changeSummary,
  changesByRootCause,
  continuousByWeek,
  examinedEpisodes,
  outcomeByAdherence,
  patientsByStage,
  weekSixNonImprovers,
  type BandSummary,
  type CauseSummary,
  type ChangeSummary,
  type ContinuousShare,
  type NonImprover,
  type OutcomeRow,
  type StageCount,
} from "@/lib/domain/outcomes";
import { walkRunStages } from "@/lib/domain/progression";
import { localDate } from "@/lib/domain/schedule";
import { NotFoundError } from "./errors";
import { authorizeRole } from "./internal/access";
import { perRequest } from "./internal/request-scope";
import { auditListView, patientList, writeAudit } from "./internal/audit-log";
import { preparedRead } from "./internal/prepared-read";

export const outcomesQuerySchema = z.object({
  scope: z.enum(["mine", "clinic"]).optional().catch(undefined),
  cause: z.enum([...DIAGNOSIS_IDS, "none"]).optional().catch(undefined),
});
export type OutcomesQuery = z.infer<typeof outcomesQuerySchema>;

export interface OutcomesDashboard {
  scope: "mine" | "clinic";
  /** The caller may switch to the whole clinic (an admin granted them clinical lead). */
  clinicalLead: boolean;
  /** The root cause the figures are narrowed to; undefined for all. */
  cause: OutcomesQuery["cause"];
  causes: { id: string; label: string }[];
  /** Patients with an episode opened by an exam, in scope and cause. */
  episodes: number;
  byStage: StageCount[];
  notInProgramme: number;
  continuous: ContinuousShare[];
  changes: ChangeSummary;
  byRootCause: (CauseSummary & { label: string })[];
  byAdherence: BandSummary[];
  /**
   * Week-6 non-improvers. Outside the caller's care teams (the clinic view) a patient is shown
   * without a name, with their physicians, so the lead can raise it with them.
   */
  nonImprovers: (Omit<NonImprover, "name"> & { name: string | null; onMyTeam: boolean; physicians: string; rootCauseLabel: string })[];
  /** The oldest refresh among the rows shown: adherence is as of each patient's last write. */
  oldestUpdate: Date | null;
}

function rootCauseLabel(id: string | null): string {
  return id && (DIAGNOSIS_IDS as readonly string[]).includes(id) ? diagnosisById(id as DiagnosisId).label : "No root cause recorded";
}

const clinicalLeadOf = preparedRead(["userId"], (database, at) => database.select({ clinicalLead: users.clinicalLead }).from(users).where(eq(users.id, at.userId)));

/** The caller, a physician, and whether they are a clinical lead; read once per request. */
const outcomesViewer = perRequest(async () => {
  const user = await authorizeRole("outcomes.view", ["physician"]);
  const [me] = await clinicalLeadOf({ userId: user.id });
  return { user, clinicalLead: me?.clinicalLead ?? false };
});

/**
 * The whole clinic's figures are for a clinical lead: anyone else gets NotFoundError and an
 * audited denial (once per request). The /outcomes/clinic layout asks before its skeleton streams.
 */
export const assertClinicOutcomes = perRequest(async () => {
  const { user, clinicalLead } = await outcomesViewer();
  if (clinicalLead) return;
  await writeAudit({ actor: user, action: "outcomes.view", resource: "scope:clinic", outcome: "denied" });
  throw new NotFoundError();
});

/**
 * The clinic outcomes dashboard (issue 13 part 6), for physicians: their care-team patients, or
 * for a clinical lead the whole clinic. Read from the maintained aggregate alone (one row per
 * patient, db/schema/outcomes.ts), never from the logs. Therapists and admins get not found
 * (DOMAIN.md §8: admins see no clinical content). One audit entry names every patient counted.
 */
export async function getOutcomesDashboard(query: OutcomesQuery = {}): Promise<OutcomesDashboard> {
  const { user, clinicalLead } = await outcomesViewer();
  const q = outcomesQuerySchema.parse(query);
  const database = await db();
  const scope = q.scope ?? "mine";
  if (scope === "clinic") await assertClinicOutcomes();
  const result = await database.execute(sql`
    select o.patient_id, p.given_name, p.family_name, p.time_zone, o.episode_status, o.episode_started_on::text as started_on,
      o.root_cause, o.programme_stage, o.continuous_on::text as continuous_on, o.baseline_odi, o.latest_odi,
      o.baseline_pain, o.latest_pain, o.adherence_percent, o.updated_at,
      exists (select 1 from care_team_members m where m.patient_id = o.patient_id and m.user_id = ${user.id}) as mine,
      (select string_agg(u.name, ', ' order by u.name) from care_team_members m join users u on u.id = m.user_id
        where m.patient_id = o.patient_id and m.role = 'physician') as physicians
    from patient_outcomes o
    join patients p on p.id = o.patient_id
    ${scope === "mine" ? sql`where o.patient_id in (select patient_id from care_team_members where user_id = ${user.id})` : sql``}`);
  const now = new Date();
  const raw = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const all: OutcomeRow[] = raw.map((r) => ({
    patientId: String(r.patient_id),
    name: `${r.given_name} ${r.family_name}`,
    episodeStatus: (r.episode_status as OutcomeRow["episodeStatus"]) ?? null,
    episodeStartedOn: (r.started_on as string | null) ?? null,
    rootCause: (r.root_cause as string | null) ?? null,
    programmeStage: num(r.programme_stage),
    continuousOn: (r.continuous_on as string | null) ?? null,
    baselineOdi: num(r.baseline_odi),
    latestOdi: num(r.latest_odi),
    baselinePain: num(r.baseline_pain),
    latestPain: num(r.latest_pain),
    adherencePercent: num(r.adherence_percent),
    today: localDate(now, String(r.time_zone)),
  }));
  const teamOf = new Map(raw.map((r) => [String(r.patient_id), { mine: Boolean(r.mine), physicians: String(r.physicians ?? "") }]));
  const inCause = (r: OutcomeRow) => !q.cause || (q.cause === "none" ? r.rootCause === null : r.rootCause === q.cause);
  const examined = examinedEpisodes(all);
  const rows = examined.filter(inCause);
  const stages = patientsByStage(
    rows.filter((r) => r.episodeStatus === "active"),
    walkRunStages.length,
  );
  await auditListView({ actor: user, action: "outcomes.view", resource: patientList(rows.map((r) => r.patientId)), outcome: "allowed" });
  const shown = new Set(rows.map((r) => r.patientId));
  const updates = raw.filter((r) => shown.has(String(r.patient_id))).map((r) => new Date(r.updated_at as string).getTime());
  return {
    scope,
    clinicalLead,
    cause: q.cause,
    causes: [...new Set(examined.map((r) => r.rootCause))].map((id) => ({ id: id ?? "none", label: rootCauseLabel(id) })).sort((a, b) => a.label.localeCompare(b.label)),
    episodes: rows.length,
    byStage: stages.byStage,
    notInProgramme: stages.notInProgramme,
    continuous: continuousByWeek(rows),
    changes: changeSummary(rows),
    byRootCause: changesByRootCause(rows).map((c) => ({ ...c, label: rootCauseLabel(c.rootCause) })),
    byAdherence: outcomeByAdherence(rows),
    nonImprovers: weekSixNonImprovers(rows).map((n) => {
      const team = teamOf.get(n.patientId)!;
      return { ...n, name: team.mine ? n.name : null, onMyTeam: team.mine, physicians: team.physicians, rootCauseLabel: rootCauseLabel(n.rootCause) };
    }),
    oldestUpdate: updates.length ? new Date(Math.min(...updates)) : null,
  };
}
