/**
 * The synthetic clinic (issue 16 item 1): a large, realistic, reproducible clinic on top of the demo
 * clinic, for measuring the app at scale. Rows are made by the database in set-based statements
 * (db/synth-sql.ts), a batch of patients per transaction; the JSON they carry is built once by the
 * app's own domain code (db/synth-templates.ts). The database's triggers stay on, so the change
 * marks and the audit hashes are the ones the app's own writes would have left.
 */
import { inArray, sql } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import { OUTCOMES_BATCH, refreshPatientOutcomesOf } from "../lib/dal/internal/patient-outcomes";
import type { Database } from "./client";
import { describeError } from "./errors";
import { DEMO_PASSWORD, demoStaff } from "./seed-data";
import { users } from "./schema/users";
import { SYNTH_DOMAIN, SynthSql } from "./synth-sql";
import { synthTemplates } from "./synth-templates";
import type { Progress } from "./synth-progress";

export const DEFAULT_SEED = 20_260_416;
export const BATCH_PATIENTS = 5_000;

export interface SynthOptions {
  patients: number;
  seed?: number;
  now?: Date;
  /** Patients per transaction. */
  batch?: number;
  /** Outcome rows refreshed at once (PGlite has one connection: 1). */
  outcomesConcurrency?: number;
  progress?: Progress;
}

export class SynthRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SynthRefused";
  }
}

type Rows = { rows: Record<string, unknown>[] };
const rowsOf = async (db: Pick<Database, "execute">, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as Rows).rows;

/**
 * How much of a run each phase is, for the progress bar and its ETA, in units of about 1.6 s on
 * the 2-core machine of 7 December 2026: a batch of 5,000 patients 16 s, the outcomes 0.65 s per
 * 1,000 patients, the clean-up, VACUUM and ANALYZE about 15–20 s at 100,000. The batches are nearly all of it.
 */
export function synthWork(patients: number, batch = BATCH_PATIENTS) {
  const batches = Math.ceil(patients / batch);
  return { batches, setup: 1, perBatch: 10, outcomesPer1000: 0.4, finish: Math.max(1, Math.ceil(batches / 2)) };
}

/** Staff sized to the clinic: about 200 clinicians for 100,000 patients, at least 2 of each. */
export function staffFor(patients: number) {
  const staff = Math.min(200, Math.max(4, Math.round(patients / 500)));
  const physicians = Math.max(2, Math.round(staff * 0.6));
  return { physicians, therapists: Math.max(2, staff - physicians) };
}

/**
 * Refuses a database that is not a demo clinic alone: one that already holds a synthetic clinic
 * (or a run that stopped half-way), or patients beyond the demo clinic's (real data, perhaps).
 */
export async function checkSynthTarget(db: Database): Promise<void> {
  const [marks] = await rowsOf(db, sql`
    select (select count(*) from users where email like ${`%@${SYNTH_DOMAIN}`})::int as synthetic_users,
           (select count(*) from patients where email like ${`%@${SYNTH_DOMAIN}`})::int as synthetic_patients,
           (select count(*) from patients)::int as patients,
           (select count(*) from users where email = ${demoStaff[0].email})::int as demo,
           to_regclass('synth_facts') is not null as leftover`);
  if (Number(marks!.synthetic_users) > 0 || Number(marks!.synthetic_patients) > 0 || marks!.leftover) {
    throw new SynthRefused("This database already holds a synthetic clinic (or part of one from a run that stopped). Synthesize into a fresh database instead.");
  }
  if (Number(marks!.demo) === 0) throw new SynthRefused("This database has accounts but not the demo clinic: the synthetic clinic is only added to a demo clinic.");
  if (Number(marks!.patients) > 14) throw new SynthRefused(`This database holds ${marks!.patients} patients, more than the demo clinic's 14: it may hold real records. Use a fresh database.`);
}

async function loadTemplates(db: Database): Promise<void> {
  const t = synthTemplates();
  const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
  await db.execute(sql`create unlogged table synth_exams as select * from jsonb_to_recordset(${json(t.exams)})
    as x(idx int, signed jsonb, draft jsonb, "painNow" int, "hasMotorDeficit" boolean, "redFlags" text[], "suggestedLevel" text)`);
  await db.execute(sql`alter table synth_exams rename column "painNow" to pain_now`);
  await db.execute(sql`alter table synth_exams rename column "hasMotorDeficit" to has_motor_deficit`);
  await db.execute(sql`alter table synth_exams rename column "redFlags" to red_flags`);
  await db.execute(sql`alter table synth_exams rename column "suggestedLevel" to suggested_level`);
  await db.execute(sql`create unique index on synth_exams (idx)`);
  await db.execute(sql`create unlogged table synth_diagnoses as select * from jsonb_to_recordset(${json(t.diagnoses)}) as x(pattern int, side int, condition text, level text, icd10 text)`);
  await db.execute(sql`create unlogged table synth_restrictions as select * from jsonb_to_recordset(${json(t.restrictions)}) as x(idx int, restrictions jsonb, "stageCap" int)`);
  await db.execute(sql`alter table synth_restrictions rename column "stageCap" to stage_cap`);
  await db.execute(sql`create unlogged table synth_plans as select * from jsonb_to_recordset(${json(t.plans)}) as x(template text, restriction int, version int, plan jsonb, changes text[])`);
  await db.execute(sql`create unlogged table synth_loggable as select * from jsonb_to_recordset(${json(t.loggable)}) as x(template text, keys text[])`);
  await db.execute(sql`create unlogged table synth_start_back as select * from jsonb_to_recordset(${json(t.startBack)}) as x(idx int, answers jsonb, total int, psychosocial int)`);
  const answers = [{ tier: -1, flag: "", answers: t.checkIns.none }, ...t.checkIns.flagged.map((f, tier) => ({ tier, flag: f.flag, answers: f.answers }))];
  await db.execute(sql`create unlogged table synth_check_in_answers as select * from jsonb_to_recordset(${json(answers)}) as x(tier int, flag text, answers jsonb)`);
}

const HELPER_TABLES = ["synth_facts", "synth_exams", "synth_diagnoses", "synth_restrictions", "synth_plans", "synth_loggable", "synth_start_back", "synth_check_in_answers"];

export interface SynthResult {
  patients: number;
  seed: number;
  counts: Record<string, number>;
}

/**
 * Adds `patients` synthetic patients and their staff to a database holding the demo clinic
 * (checkSynthTarget first). The same seed and `now` give the same rows.
 */
export async function synthesizeClinic(db: Database, options: SynthOptions): Promise<SynthResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? new Date();
  const batch = options.batch ?? BATCH_PATIENTS;
  const progress = options.progress;
  const work = synthWork(options.patients, batch);
  await checkSynthTarget(db);

  progress?.begin("setup: staff and templates");
  // One hash for every synthetic account (the demo password): sign-in works for any of them
  // without running scrypt 100,000 times.
  const hash = await hashPassword(DEMO_PASSWORD);
  const demoIds = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, demoStaff.map((s) => s.email)));
  const demoId = (key: string) => {
    const row = demoIds.find((r) => r.email === demoStaff.find((s) => s.key === key)!.email);
    if (!row) throw new SynthRefused(`The demo account ${key} is missing.`);
    return row.id;
  };
  // Patients with a plan log more, so the whole clinic averages about 100 logs a patient.
  const q = new SynthSql({
    seed,
    patients: options.patients,
    now,
    ...staffFor(options.patients),
    meanLogs: 125,
    demo: { ortiz: demoId("ortiz"), chen: demoId("chen"), morgan: demoId("morgan"), singh: demoId("singh") },
    teamShare: Math.min(0.4, 400 / options.patients),
  });
  await db.transaction(async (tx) => {
    await loadTemplates(tx as unknown as Database);
    await tx.execute(sql.raw(q.createFactsSql()));
    await tx.execute(sql.raw(q.staffSql(hash)));
  });
  progress?.advance(work.setup);

  for (let lo = 1; lo <= options.patients; lo += batch) {
    const hi = Math.min(options.patients, lo + batch - 1);
    progress?.begin(`patients ${lo.toLocaleString("en-US")}–${hi.toLocaleString("en-US")} of ${options.patients.toLocaleString("en-US")}`);
    await db.transaction(async (tx) => {
      const run = async (text: string, units: number) => {
        for (const statement of text.split(/;\s*\n/)) {
          if (!statement.trim()) continue;
          // The query error is redacted (db/errors.ts); name the table it was filling instead.
          await tx.execute(sql.raw(statement)).catch((error: unknown) => {
            throw new Error(`synthetic clinic: ${statement.match(/insert into (\w+)/)?.[1] ?? "a statement"} failed: ${describeError(error)}`, { cause: error });
          });
        }
        progress?.advance(units);
      };
      await run(q.factsSql(lo, hi), 0.3);
      await run(q.patientsSql(lo, hi), 0.2);
      await run(q.usersSql(lo, hi, hash), 0.2);
      await run(q.careTeamSql(lo, hi), 0.1);
      await run(q.episodesSql(lo, hi), 0.1);
      await run(q.episodeEventsSql(lo, hi), 0.1);
      await run(q.examsSql(lo, hi), 0.3);
      await run(q.diagnosesSql(lo, hi), 0.1);
      await run(q.clearancesSql(lo, hi), 0.1);
      await run(q.checkInsSql(lo, hi), 0.5);
      await run(q.redFlagsSql(lo, hi), 0.1);
      await run(q.plansSql(lo, hi), 0.3);
      await run(q.referralsSql(lo, hi), 0.1);
      await run(q.therapySessionsSql(lo, hi), 0.2);
      await run(q.questionnairesSql(lo, hi), 0.4);
      await run(q.walkRunSql(lo, hi), 0.1);
      await run(q.activitySql(lo, hi), 5.6);
      await run(q.auditSql(lo, hi), 1.2);
    });
  }

  progress?.begin("patient outcomes");
  // Fresh statistics first: the outcomes' batched reads (patient_id in a list) get a seq scan of
  // the ten million logs from a planner that still thinks the tables are nearly empty.
  await db.execute(sql`analyze`);
  await refreshOutcomes(db, options.patients, now, options.outcomesConcurrency ?? 1, (n) => progress?.advance((n / 1000) * work.outcomesPer1000));

  progress?.begin("clinical event numbers, clean-up, VACUUM and ANALYZE");
  // Synthetic facts are numbered by their time in microseconds; the app's next fact must come after.
  await db.execute(sql`select setval('clinical_event_seq', greatest(
    (select coalesce(max(seq), 0) from clearances), (select coalesce(max(seq), 0) from red_flag_alerts),
    (select coalesce(max(seq), 0) from episode_events), (select coalesce(max(seq), 0) from return_to_run_signoffs),
    (select coalesce(max(seq), 0) from walk_run_stage_changes), (select last_value from clinical_event_seq)) + 1, false)`);
  for (const table of HELPER_TABLES) await db.execute(sql.raw(`drop table if exists ${table}`));
  // VACUUM as well as ANALYZE: what autovacuum leaves a live database in. The per-statement
  // triggers and the outcomes pass updated each patient's marks and outcome row many times, and
  // until a vacuum every lookup of them walks the dead versions, and no index-only scan is.
  await db.execute(sql`vacuum (analyze)`);
  progress?.advance(work.finish);
  progress?.finish();
  return { patients: options.patients, seed, counts: await tableCounts(db) };
}

/**
 * The outcomes aggregate is computed by the app's own code (lib/dal/internal/patient-outcomes.ts),
 * so the dashboard reads what the app would have written; a batch of patients per transaction, and
 * several transactions at once on a server.
 */
async function refreshOutcomes(db: Database, patients: number, now: Date, concurrency: number, advanced: (n: number) => void): Promise<void> {
  const ids = (await rowsOf(db, sql`select id from patients where email like ${`%@${SYNTH_DOMAIN}`} order by mrn`)).map((r) => String(r.id));
  if (ids.length !== patients) throw new Error(`synthetic clinic: expected ${patients} patients, found ${ids.length}`);
  const chunk = OUTCOMES_BATCH;
  let next = 0;
  const worker = async () => {
    for (;;) {
      const start = next;
      next += chunk;
      if (start >= ids.length) return;
      const part = ids.slice(start, start + chunk);
      await db.transaction(async (tx) => {
        await refreshPatientOutcomesOf(tx, part, now);
      });
      advanced(part.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

export const SYNTH_TABLES = [
  "users", "patients", "care_team_members", "episodes", "episode_events", "exams", "diagnoses", "clearances", "check_ins", "red_flag_alerts",
  "plan_versions", "therapy_referrals", "escalation_referrals", "therapy_sessions", "questionnaire_responses", "questionnaire_requests",
  "return_to_run_signoffs", "walk_run_stage_changes", "activity_logs", "audit_events", "patient_change_marks", "patient_outcomes",
] as const;

export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const [row] = await rowsOf(db, sql.raw(`select ${SYNTH_TABLES.map((t) => `(select count(*) from ${t})::bigint as ${t}`).join(", ")}`));
  return Object.fromEntries(SYNTH_TABLES.map((t) => [t, Number(row![t])]));
}
