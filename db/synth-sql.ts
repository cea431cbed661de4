/**
 * The set-based SQL of the synthetic clinic (db/synth.ts). Every value comes from hashing the seed
 * with a row's number and a purpose, never from random(), so a seed always gives the same clinic;
 * only the dates move with `now`. Each batch first writes one row of facts per patient
 * (`synth_facts`: the story of the episode), then every table is filled from those facts in one
 * statement each, so the tables agree with one another by construction.
 */
import { returnToRunChecklist } from "../lib/domain/clearance";
import { PATTERNS, TEMPLATE_OF } from "./synth-templates";

/** Marks every synthetic row that carries an email: how a later run recognises a synthetic clinic. */
export const SYNTH_DOMAIN = "synth.runclear.example";
/** A patient's logs are numbered below this, so log ids stay in (patient, log) order. */
const LOGS_PER_PATIENT_MAX = 2_000;

export interface SynthParams {
  seed: number;
  patients: number;
  now: Date;
  physicians: number;
  therapists: number;
  /** Mean logs per patient with a plan, so the clinic holds about 100 logs per patient overall. */
  meanLogs: number;
  demo: { ortiz: string; chen: string; morgan: string; singh: string };
  /**
   * The share of the patients on each of Dr. Ortiz's and Dr. Chen's care teams (busy teams of about
   * 400 whatever the clinic's size, so the same accounts compare across sizes). Jordan Morgan treats
   * those with therapy in three such shares, Amrit Singh in a fourth.
   */
  teamShare: number;
}

const GIVEN = ["Ava", "Liam", "Noah", "Emma", "Olivia", "Mateo", "Sofia", "Lucas", "Chloe", "Ethan", "Zoe", "Amara", "Kwame", "Yuki", "Hiroshi", "Ingrid", "Lars", "Fatima", "Omar", "Priyanka", "Arjun", "Mei", "Chen", "Isabel", "José", "María", "Zoë", "Renée", "Björn", "Siobhan", "Declan", "Nia", "Tariq", "Leila", "Dmitri", "Anya", "Kofi", "Aaliyah", "Ravi", "Hana"];
const FAMILY = ["Smith", "Johnson", "Garcia", "Martinez", "Brown", "Nguyen", "Kim", "Patel", "Okafor", "Mensah", "Müller", "Núñez", "Søndergaard", "O'Connor", "Kowalczyk", "Rossi", "Dubois", "Haddad", "Tanaka", "Sato", "Ivanova", "Andersson", "Schmidt", "Lopez", "Hernández", "Walker", "Young", "Hughes", "Bailey", "Reyes", "Cohen", "Levi", "Ali", "Khan", "Singh", "Osei", "Fischer", "Moreau", "Costa", "Silva"];
const TIME_ZONES = ["America/Chicago", "America/New_York", "America/Los_Angeles", "America/Denver"];
const GOALS = ["First half marathon", "10K under 50 minutes", "Marathon under 4 hours", "Parkrun personal best", "Easy 5K runs with the club again", "Trail half marathon", "Boston qualifying time", "Back to 30 km a week pain-free"];
const SKIP_REASONS = ["Too sore this morning", "Busy day at work", "Forgot", "Travelling"];
const EXERCISES = ["Prone press-ups, sciatic nerve glides, bird-dog 3×10.", "Dead bug, glute bridge, side plank 3×20 s.", "Walk/run 1 min / 4 min × 5 on the treadmill.", "Knee-to-chest, child's pose, stationary bike 10 minutes."];
const SESSION_NOTES = ["Leg pain eased during the session.", "Tolerated the progression well.", "Pain 3/10 at the end, settled by the next morning.", "Home programme reviewed; doing it most days."];

const MOTOR_REASON = "Mild weakness (MRC 4/5) only, no worse on repeated testing; easy flat running agreed, reviewed in two weeks.";
const REVIEW_REASON = "Reviewed by telephone: pain at rest settled to 2/10, walking 30 minutes without symptoms; exam booked.";
/** The row of synth_exams for a pattern, side, pain and exam red flags (examIndex in synth-templates.ts). */
const examIdx = (pain: string, flags: string) => `((f.pattern * 2 + f.side) * 9 + ${pain}) * 3 + ${flags}`;

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]) => `array[${xs.map(lit).join(",")}]::text[]`;
const pick = (xs: readonly string[], u: string) => `(${arr(xs)})[1 + floor(${u} * ${xs.length})::int]`;

export class SynthSql {
  constructor(private readonly p: SynthParams) {
    if (!Number.isSafeInteger(p.seed) || !Number.isSafeInteger(p.patients)) throw new Error("seed and patients must be integers");
  }

  private get now() {
    return `${lit(this.p.now.toISOString())}::timestamptz`;
  }

  /** A uniform number in [0, 1) for this purpose and row. */
  u(purpose: string, id = "f.i"): string {
    return `((hashtextextended('${purpose}:' || (${id})::text, ${this.p.seed}) & 4294967295)::float8 / 4294967296)`;
  }

  /** A version-4-shaped UUID for this purpose and row (the app's routes accept only RFC UUIDs). */
  uuid(purpose: string, id = "f.i"): string {
    return `overlay(overlay(md5('${this.p.seed}:${purpose}:' || (${id})::text) placing '4' from 13) placing '8' from 17)::uuid`;
  }

  /**
   * An ordered UUID for the millions of logs: a purpose tag and a counter, so the primary key and
   * the idempotency key are written in order instead of at random places in their indexes.
   */
  seqUuid(tag: number, counter: string): string {
    const t = (tag + this.p.seed * 16).toString(16).padStart(8, "0").slice(-8);
    return `(${lit(t)} || '-0000-4' || substr(c.h, 1, 3) || '-8' || substr(c.h, 4, 3) || '-' || substr(c.h, 7, 12))::uuid`.replace(/c\.h/g, `lpad(to_hex(${counter}), 18, '0')`);
  }

  private ago(days: string) {
    return `(${this.now} - (${days}) * interval '1 day')`;
  }

  private local(ts: string) {
    return `((${ts}) at time zone f.tz)::date`;
  }

  private seq(ts: string) {
    return `(extract(epoch from (${ts})) * 1000000)::bigint`;
  }

  staffSql(hash: string): string {
    const { physicians, therapists } = this.p;
    const staff = (role: "physician" | "therapist", count: number, prefix: string) => `
      select ${this.uuid(`staff:${role}`, "n")}, '${role}.' || lpad(n::text, 3, '0') || '@${SYNTH_DOMAIN}',
        ${prefix} || ${pick(GIVEN, this.u(`staff:${role}:given`, "n"))} || ' ' || ${pick(FAMILY, this.u(`staff:${role}:family`, "n"))},
        '${role}'::user_role, ${lit(hash)}, ${this.now}, ${this.now} - interval '400 days'
      from generate_series(1, ${count}) n`;
    return `insert into users (id, email, name, role, password_hash, access_confirmed_at, created_at)
      ${staff("physician", physicians, "'Dr. '")} union all ${staff("therapist", therapists, "''")}`;
  }

  createFactsSql(): string {
    return `create unlogged table synth_facts (
      i int primary key, patient_id uuid not null, user_id uuid, episode_id uuid not null, prior_episode_id uuid,
      tz text not null, physician_id uuid not null, therapist_id uuid, status text not null,
      opened_at timestamptz not null, prior_opened_at timestamptz, healed_at timestamptz, reopened_at timestamptz,
      pattern int, side int, pain1 int, pain2 int, xflag int, xflag_open boolean,
      exam1_at timestamptz, exam2_at timestamptz, draft_at timestamptz,
      c1_level text, c1_review date, c2_level text, c2_at timestamptz, c2_review date, withdraw_at timestamptz, rvar int,
      rf_state int, rf_tier int, rf_at timestamptz,
      template text, v2_at timestamptz, v3_at timestamptz,
      act_from date, act_to date, run_from date, run_until date, healed_on date,
      n_logs int, adherence float8, odi0 float8, odi1 float8, risk int, weekly_km int,
      prog_at timestamptz, stage_n int)`;
  }

  /** One row per patient of this batch: the whole story of their episode, decided once. */
  factsSql(lo: number, hi: number): string {
    const { demo, teamShare, physicians, therapists, meanLogs } = this.p;
    const u = (purpose: string) => this.u(purpose, "i");
    const templateCase = `case pattern ${PATTERNS.map((p, n) => `when ${n} then case when therapist_id is null then ${lit(TEMPLATE_OF[p][0])} else ${lit(TEMPLATE_OF[p][1])} end`).join(" ")} end`;
    return `
    insert into synth_facts
    with a as materialized (
      select i, ${u("await")} < 0.06 as awaiting, ${u("open")} as u_open, ${u("heal")} as u_heal, ${u("dur")} as u_dur,
        ${u("reopen")} as u_reopen, ${u("ex2")} as u_ex2, ${u("xflag")} as u_xflag, ${u("xopen")} as u_xopen, ${u("draft")} as u_draft,
        ${u("wd")} as u_wd, ${u("rf")} as u_rf, ${u("rfa")} as u_rfa, ${u("v3")} as u_v3, ${u("prog")} as u_prog, ${u("prior")} as u_prior,
        ${this.uuid("patient", "i")} as patient_id,
        case when ${u("account")} < 0.97 then ${this.uuid("user", "i")} end as user_id,
        ${this.uuid("episode", "i")} as episode_id,
        ${pick(TIME_ZONES, u("tz"))} as tz,
        case when ${u("team")} < ${teamShare} then ${lit(demo.ortiz)}::uuid when ${u("team")} < ${2 * teamShare} then ${lit(demo.chen)}::uuid
             else ${this.uuid("staff:physician", `1 + floor(${u("physician")} * ${physicians})::int`)} end as physician_id,
        case when ${u("ther")} >= 0.6 then null when ${u("team")} < ${3 * teamShare} then ${lit(demo.morgan)}::uuid when ${u("team")} < ${4 * teamShare} then ${lit(demo.singh)}::uuid
             else ${this.uuid("staff:therapist", `1 + floor(${u("therapist")} * ${therapists})::int`)} end as therapist_id,
        floor(${u("pattern")} * 6)::int as pattern, floor(${u("side")} * 2)::int as side, 2 + floor(${u("pain")} * 7)::int as pain1,
        floor(${u("pain2")} * 3)::int as pain_drop, floor(${u("rvar")} * 4)::int as rvar, 0.4 + 0.55 * ${u("adh")} as adherence,
        24 + 40 * ${u("odi0")} as odi0, 0.25 + 0.7 * ${u("odi1")} as odi_ratio, ${u("risk")} as u_risk, ${u("logs")} as u_logs,
        (10 + floor(${u("km")} * 60))::int as weekly_km
      from generate_series(${lo}, ${hi}) i
    ), b as materialized (
      select a.*, case when awaiting then 0.2 + 9 * u_open else 3 + 360 * u_open end as opened_ago from a
    ), c as materialized (
      select b.*,
        (not awaiting and opened_ago > 45 and u_heal < 0.55) as healed_ever,
        case when not awaiting and opened_ago > 45 and u_heal < 0.55 then greatest(0.6, opened_ago - 25 - 90 * u_dur) end as healed_ago,
        case when not awaiting then opened_ago - 1.5 end as exam1_ago,
        case when not awaiting then case when u_xflag < 0.015 then 1 when u_xflag < 0.03 then 2 else 0 end else 0 end as xflag
      from b
    ), d as materialized (
      select c.*,
        (healed_ever and u_reopen < 0.06 and healed_ago > 5) as reopened,
        case when exam1_ago - 21 > greatest(0.5, coalesce(case when healed_ever and not (u_reopen < 0.06 and healed_ago > 5) then healed_ago end, 0)) and u_ex2 < 0.5 then exam1_ago - 21 end as exam2_ago
      from c
    ), e as materialized (
      select d.*,
        case when awaiting then 'awaiting_exam' when healed_ever and not reopened then 'healed' else 'active' end as status,
        (xflag > 0 and not (healed_ever and not reopened) and u_xopen < 0.3) as xflag_open,
        case when awaiting then null when pain1 >= 6 or xflag > 0 then 'not_cleared' else 'restricted' end as c1_level
      from d
    ), f0 as materialized (
      select e.*,
        case when xflag_open or awaiting then null
             when exam2_ago is not null then exam2_ago - 0.02
             when c1_level = 'not_cleared' and exam1_ago - 14 > greatest(0.5, coalesce(case when status = 'healed' then healed_ago end, 0)) then exam1_ago - 14 end as c2_ago
      from e
    ), f1 as materialized (
      select f0.*,
        case when c2_ago is null then null when exam2_ago is not null and greatest(0, pain1 - 1 - pain_drop) <= 2 then 'full' else 'restricted' end as c2_level,
        case when c1_level = 'restricted' then exam1_ago - 0.02 when c2_ago is not null then c2_ago end as cleared_ago
      from f0
    ), f2 as materialized (
      select f1.*,
        case when c2_level is not null and status = 'active' and u_wd < 0.04 and c2_ago - 5 > 0.5 then c2_ago - 5 end as withdraw_ago,
        -- Red flags reported from home: open and unseen, seen but unresolved (active episodes
        -- only, raised after every clearance), or resolved the next day.
        case
          when status = 'active' and u_rf < 0.03 then 1
          when status = 'active' and u_rf < 0.05 then 2
          when status <> 'awaiting_exam' and u_rf < 0.13 then 3
          else 0 end as rf_kind,
        case
          when status = 'active' and u_rf < 0.03 then 0.1 + 3 * u_rfa
          when status = 'active' and u_rf < 0.05 then 0.5 + 5 * u_rfa
          when status = 'healed' then healed_ago + (exam1_ago - healed_ago) * (0.3 + 0.5 * u_rfa)
          else exam1_ago * (0.2 + 0.6 * u_rfa) end as rf_ago
      from f1
    ), f3 as materialized (
      select f2.*,
        case when rf_kind = 0 then 0
             when rf_ago > exam1_ago - 1 then 0
             when rf_kind = 3 and rf_ago < 1.2 then 0
             when rf_kind in (1, 2) and (coalesce(c2_ago, 1e9) <= rf_ago + 0.1 or coalesce(withdraw_ago, 1e9) <= rf_ago + 0.1 or coalesce(exam1_ago, 1e9) <= rf_ago + 0.1) then 0
             else rf_kind end as rf_state
      from f2
    ), g as materialized (
      select f3.*,
        ${this.ago("opened_ago")} as opened_at,
        ${this.ago("exam1_ago")} as exam1_at,
        ${this.ago("exam2_ago")} as exam2_at,
        ${this.ago("c2_ago")} as c2_at,
        ${this.ago("withdraw_ago")} as withdraw_at,
        ${this.ago("healed_ago")} as healed_at,
        ${this.ago("cleared_ago")} as cleared_at,
        case when rf_state > 0 then ${this.ago("rf_ago")} end as rf_at,
        case when reopened then ${this.ago("healed_ago - 3")} end as reopened_at,
        case when awaiting and u_draft < 0.35 then ${this.ago("opened_ago * 0.5")} end as draft_at,
        case when u_prior < 0.1 and not awaiting and opened_ago < 300 then ${this.ago("opened_ago + 60 + 30 * u_prior * 10")} end as prior_opened_at,
        ${templateCase} as template
      from f3
    )
    select i, patient_id, user_id, episode_id, case when prior_opened_at is not null then ${this.uuid("prior-episode", "i")} end,
      tz, physician_id, therapist_id, status, opened_at, prior_opened_at,
      case when healed_ever then healed_at end, reopened_at,
      pattern, side, pain1, greatest(0, pain1 - 1 - pain_drop), xflag, xflag_open,
      exam1_at, exam2_at, draft_at,
      c1_level, case when c1_level is not null then (exam1_at at time zone tz)::date + 14 end,
      c2_level, c2_at, case when c2_level is not null then (c2_at at time zone tz)::date + case when c2_level = 'full' then 42 else 28 end end,
      withdraw_at, rvar,
      rf_state, case when ${u("rft")} < 0.5 then 0 else 1 end, rf_at,
      template,
      case when cleared_at is not null then cleared_at + interval '1 hour' end,
      case when cleared_at is not null and u_v3 < 0.4 and cleared_at + interval '10 days' < ${this.now} - interval '8 hours'
             and (status <> 'healed' or cleared_at + interval '10 days' < healed_at) then cleared_at + interval '10 days' end,
      act_from, act_to, run_from, run_until, healed_on,
      case when act_to >= act_from then least(floor(-ln(1 - u_logs) * ${meanLogs})::int, (act_to - act_from + 1) * 4, ${LOGS_PER_PATIENT_MAX - 1}) else 0 end,
      adherence, odi0, odi0 * odi_ratio, case when u_risk < 0.6 then 0 when u_risk < 0.9 then 1 else 2 end, weekly_km,
      prog_at, case when prog_at is not null then 1 + floor(${u("stage")} * least(prog_cap, 1 + greatest(0, run_until - (prog_at at time zone tz)::date) / 7))::int end
    from (
      select g.*,
        case when not awaiting then (exam1_at at time zone tz)::date end as act_from,
        case when awaiting then null
             when status = 'healed' then least((${this.now} at time zone tz)::date - 1, (healed_at at time zone tz)::date + 28)
             else (${this.now} at time zone tz)::date - 1 end as act_to,
        case when cleared_at is not null then (cleared_at at time zone tz)::date + 1 end as run_from,
        -- Runs stop when the clearance stops being in force: a withdrawal, a red flag from home,
        -- the review date plus the clinic's grace (7 days), or healing (then training resumes).
        least(
          (${this.now} at time zone tz)::date - 1,
          (withdraw_at at time zone tz)::date - 1,
          case when rf_state in (1, 2) then (rf_at at time zone tz)::date - 1 end,
          case when status = 'healed' then (healed_at at time zone tz)::date end,
          case when c2_level is not null then (c2_at at time zone tz)::date + case when c2_level = 'full' then 42 else 28 end + 7
               when c1_level = 'restricted' then (exam1_at at time zone tz)::date + 21 end) as run_until,
        case when status = 'healed' then (healed_at at time zone tz)::date end as healed_on,
        case when status = 'active' and cleared_at is not null and u_prog < 0.35 and withdraw_at is null and rf_state not in (1, 2)
               and cleared_at + interval '12 days' < ${this.now} then cleared_at + interval '2 days' end as prog_at,
        case when c2_level = 'full' then 8 else (select stage_cap from synth_restrictions r where r.idx = g.rvar) end as prog_cap
      from g
    ) h`;
  }

  private where(lo: number, hi: number) {
    return `f.i between ${lo} and ${hi}`;
  }

  patientsSql(lo: number, hi: number): string {
    return `insert into patients (id, mrn, given_name, family_name, date_of_birth, sex, email, phone, time_zone, weekly_distance_km, running_goal, created_at, updated_at)
      select f.patient_id, 'RC-' || (1000000 + f.i), ${pick(GIVEN, this.u("given"))}, ${pick(FAMILY, this.u("family"))},
        date '1950-01-01' + floor(${this.u("dob")} * 20000)::int,
        (case when ${this.u("sex")} < 0.49 then 'female' when ${this.u("sex")} < 0.98 then 'male' when ${this.u("sex")} < 0.99 then 'other' else 'unknown' end)::patient_sex,
        'patient.' || lpad(f.i::text, 6, '0') || '@${SYNTH_DOMAIN}', '+1 555 ' || lpad((f.i % 10000000)::text, 7, '0'),
        f.tz, f.weekly_km, ${pick(GOALS, this.u("goal"))}, coalesce(f.prior_opened_at, f.opened_at), f.opened_at
      from synth_facts f where ${this.where(lo, hi)}`;
  }

  usersSql(lo: number, hi: number, hash: string): string {
    return `insert into users (id, email, name, role, password_hash, patient_id, created_at)
      select f.user_id, p.email, p.given_name || ' ' || p.family_name, 'patient', ${lit(hash)}, f.patient_id, p.created_at
      from synth_facts f join patients p on p.id = f.patient_id where ${this.where(lo, hi)} and f.user_id is not null`;
  }

  careTeamSql(lo: number, hi: number): string {
    return `insert into care_team_members (patient_id, user_id, role, added_at)
      select f.patient_id, f.physician_id, 'physician'::care_team_role, f.opened_at from synth_facts f where ${this.where(lo, hi)}
      union all
      select f.patient_id, f.therapist_id, 'therapist'::care_team_role, f.opened_at + interval '1 day' from synth_facts f where ${this.where(lo, hi)} and f.therapist_id is not null`;
  }

  episodesSql(lo: number, hi: number): string {
    return `insert into episodes (id, patient_id, status, opened_at, resolved_at, summary, created_at, updated_at)
      select f.prior_episode_id, f.patient_id, 'healed', f.prior_opened_at, f.prior_opened_at + interval '40 days', '', f.prior_opened_at, f.prior_opened_at + interval '40 days'
        from synth_facts f where ${this.where(lo, hi)} and f.prior_episode_id is not null
      union all
      select f.episode_id, f.patient_id, f.status::episode_status, f.opened_at, case when f.status = 'healed' then f.healed_at end, '', f.opened_at,
        coalesce(f.reopened_at, f.healed_at, f.opened_at)
        from synth_facts f where ${this.where(lo, hi)}`;
  }

  episodeEventsSql(lo: number, hi: number): string {
    const w = this.where(lo, hi);
    return `insert into episode_events (id, patient_id, episode_id, kind, reason, weekly_km_at_healing, actor_id, occurred_at, seq)
      select ${this.uuid("ev:prior")}, f.patient_id, f.prior_episode_id, 'healed'::episode_event_kind, '', round(f.weekly_km * 0.6), f.physician_id, f.prior_opened_at + interval '40 days', ${this.seq("f.prior_opened_at + interval '40 days'")}
        from synth_facts f where ${w} and f.prior_episode_id is not null
      union all
      select ${this.uuid("ev:healed")}, f.patient_id, f.episode_id, 'healed'::episode_event_kind, '', round(f.weekly_km * (0.4 + 0.4 * ${this.u("ev:km")})), f.physician_id, f.healed_at, ${this.seq("f.healed_at")}
        from synth_facts f where ${w} and f.healed_at is not null
      union all
      select ${this.uuid("ev:reopened")}, f.patient_id, f.episode_id, 'reopened'::episode_event_kind, 'Leg pain came back after a long run.', null, f.physician_id, f.reopened_at, ${this.seq("f.reopened_at")}
        from synth_facts f where ${w} and f.reopened_at is not null`;
  }

  examsSql(lo: number, hi: number): string {
    const w = this.where(lo, hi);
    const findings = (col: string) => `jsonb_set(t.${col}, '{history,onsetDate}', to_jsonb(((f.opened_at at time zone f.tz)::date - 3)::text))`;
    const idx = (pain: string, flags: string) => `((f.pattern * 2 + f.side) * 9 + ${pain}) * 3 + ${flags}`;
    const signed = (purpose: string, at: string, pain: string, flags: string) => `
      select ${this.uuid(purpose)}, f.patient_id, f.episode_id, 'signed'::exam_status, ${findings("signed")}, 1, f.physician_id, t.pain_now, t.has_motor_deficit, t.red_flags, t.suggested_level,
        f.physician_id, ${at}, ${at} - interval '20 minutes', ${at}
      from synth_facts f join synth_exams t on t.idx = ${idx(pain, flags)} where ${w} and ${at} is not null`;
    return `insert into exams (id, patient_id, episode_id, status, findings, version, author_id, pain_now, has_motor_deficit, red_flags, suggested_level, signed_by_id, signed_at, created_at, updated_at)
      ${signed("exam1", "f.exam1_at", "f.pain1", "f.xflag")}
      union all ${signed("exam2", "f.exam2_at", "f.pain2", "0")}
      union all
      select ${this.uuid("draft")}, f.patient_id, f.episode_id, 'draft', ${findings("draft")}, 1, f.physician_id, null, null, '{}', null, null, null, f.draft_at, f.draft_at
      from synth_facts f join synth_exams t on t.idx = ${idx("f.pain1", "0")} where ${w} and f.draft_at is not null`;
  }

  diagnosesSql(lo: number, hi: number): string {
    return `insert into diagnoses (id, patient_id, episode_id, condition, icd10_code, side, level, confirmation, notes, recorded_by_id, recorded_at)
      select ${this.uuid("dx")}, f.patient_id, f.episode_id, d.condition, d.icd10, case f.side when 0 then 'left' else 'right' end, d.level,
        case when ${this.u("dx:img")} < 0.25 then 'imaging' else 'clinical' end, '', f.physician_id, f.exam1_at + interval '10 minutes'
      from synth_facts f join synth_diagnoses d on d.pattern = f.pattern and d.side = f.side where ${this.where(lo, hi)} and f.exam1_at is not null`;
  }

  clearancesSql(lo: number, hi: number): string {
    const w = this.where(lo, hi);
    const restr = (level: string) => `case when ${level} = 'restricted' then r.restrictions end`;
    return `insert into clearances (id, patient_id, episode_id, version, level, restrictions, review_date, override_reason, note, withdrawn, seq, signed_by_id, signed_at)
      select ${this.uuid("c1")}, f.patient_id, f.episode_id, 1, f.c1_level::clearance_level, ${restr("f.c1_level")}, f.c1_review,
        case when f.c1_level = 'restricted' and e1.has_motor_deficit then ${lit(MOTOR_REASON)} else '' end,
        case when f.xflag > 0 then 'Red flags at the exam: not cleared until they are assessed.' else '' end, false,
        ${this.seq("f.exam1_at + interval '30 minutes'")}, f.physician_id, f.exam1_at + interval '30 minutes'
        from synth_facts f join synth_restrictions r on r.idx = f.rvar join synth_exams e1 on e1.idx = ${examIdx("f.pain1", "f.xflag")}
        where ${w} and f.c1_level is not null
      union all
      select ${this.uuid("c2")}, f.patient_id, f.episode_id, 2, f.c2_level::clearance_level, ${restr("f.c2_level")}, f.c2_review,
        -- Cleared past a finding of the latest signed exam only with a recorded reason (DOMAIN.md §10.4).
        case when f.exam2_at is null then ${lit(REVIEW_REASON)}
             when e2.has_motor_deficit or e2.pain_now > case when f.c2_level = 'full' then 2 else 5 end then ${lit(MOTOR_REASON)} else '' end,
        '', false, ${this.seq("f.c2_at")}, f.physician_id, f.c2_at
        from synth_facts f join synth_restrictions r on r.idx = f.rvar left join synth_exams e2 on e2.idx = ${examIdx("f.pain2", "0")}
        where ${w} and f.c2_level is not null
      union all
      select ${this.uuid("c3")}, f.patient_id, f.episode_id, 3, 'not_cleared', null, null, '', 'Withdrawn: leg symptoms worse after increasing training.', true,
        ${this.seq("f.withdraw_at")}, f.physician_id, f.withdraw_at
        from synth_facts f where ${w} and f.withdraw_at is not null`;
  }

  /** Fortnightly check-ins from home with no red flag, and the one that reported the red flag. */
  checkInsSql(lo: number, hi: number): string {
    const pain = `greatest(0, f.pain1 - round((f.pain1 - f.pain2) * (d.day - f.act_from)::float8 / greatest(1, f.act_to - f.act_from))::int + case when ${this.u("ci:pain", "f.i * 1000 + k")} < 0.1 then 1 else 0 end)`;
    return `insert into check_ins (id, patient_id, idempotency_key, pain_now, leg_symptoms, neuro_worse, red_flag_answers, created_at)
      select ${this.uuid("ci", "f.i * 1000 + k")}, f.patient_id, ${this.uuid("ci:key", "f.i * 1000 + k")}, ${pain},
        case when ${this.u("ci:legs", "f.i * 1000 + k")} < 0.3 then '{pain_down_leg,tingling}'::text[] else '{pain_down_leg}'::text[] end, false,
        (select answers from synth_check_in_answers where flag = ''), ((d.day + time '08:30') at time zone f.tz)
      from synth_facts f
      cross join lateral generate_series(1, least(26, (f.act_to - f.act_from) / 14)) k
      cross join lateral (select f.act_from + 14 * k - 7 as day) d
      where ${this.where(lo, hi)} and f.act_to > f.act_from and ${this.u("ci:engaged")} < 0.85
      union all
      select ${this.uuid("ci:flag")}, f.patient_id, ${this.uuid("ci:flag:key")}, least(10, f.pain1 + 1), '{pain_down_leg,numbness}'::text[], true,
        a.answers, f.rf_at
      from synth_facts f join synth_check_in_answers a on a.tier = f.rf_tier where ${this.where(lo, hi)} and f.rf_state > 0`;
  }

  redFlagsSql(lo: number, hi: number): string {
    const w = this.where(lo, hi);
    return `insert into red_flag_alerts (id, patient_id, source, exam_id, check_in_id, flags, raised_at, raised_by_id, acknowledged_at, acknowledged_by_id, resolved_at, resolved_by_id, resolution, seq)
      select ${this.uuid("rf:exam")}, f.patient_id, 'exam'::red_flag_source, ${this.uuid("exam1")}, null, t.red_flags, f.exam1_at, f.physician_id, f.exam1_at, f.physician_id,
        case when not f.xflag_open then f.exam1_at + interval '2 days' end, case when not f.xflag_open then f.physician_id end,
        case when not f.xflag_open then 'Emergency assessment the same day: no compression on MRI; symptoms settled.' end,
        ${this.seq("f.exam1_at")}
        from synth_facts f join synth_exams t on t.idx = ((f.pattern * 2 + f.side) * 9 + f.pain1) * 3 + f.xflag where ${w} and f.xflag > 0
      union all
      select ${this.uuid("rf:ci")}, f.patient_id, 'check_in'::red_flag_source, null, ${this.uuid("ci:flag")}, array[a.flag], f.rf_at, null,
        case when f.rf_state >= 2 then f.rf_at + interval '2 hours' end, case when f.rf_state >= 2 then f.physician_id end,
        case when f.rf_state = 3 then f.rf_at + interval '1 day' end, case when f.rf_state = 3 then f.physician_id end,
        case when f.rf_state = 3 then 'Seen the same day; examined and reassured, no serious cause found.' end,
        ${this.seq("f.rf_at")}
        from synth_facts f join synth_check_in_answers a on a.tier = f.rf_tier where ${w} and f.rf_state > 0`;
  }

  plansSql(lo: number, hi: number): string {
    const plan = `jsonb_set(jsonb_set(t.plan, '{startDate}', to_jsonb(f.act_from::text)), '{goals}',
      (select coalesce(jsonb_agg(jsonb_set(g, '{targetDate}', to_jsonb((f.act_from + (t.plan->>'courseWeeks')::int * 7)::text))), '[]'::jsonb) from jsonb_array_elements(t.plan->'goals') g))`;
    const version = (v: number, at: string, by: string, restriction: string) => `
      select ${this.uuid(`plan:${v}`)}, f.patient_id, f.episode_id, ${v}, ${plan}, t.changes, ${v === 1 ? "f.template" : "null"}, ${by}, ${at}
      from synth_facts f join synth_plans t on t.template = f.template and t.version = ${v} and t.restriction = ${restriction}
      where ${this.where(lo, hi)} and ${at} is not null`;
    return `insert into plan_versions (id, patient_id, episode_id, version, plan, changes, template_id, created_by_id, created_at)
      ${version(1, "f.exam1_at + interval '1 hour'", "f.physician_id", "-1")}
      union all ${version(2, "f.v2_at", "f.physician_id", "f.rvar")}
      union all ${version(3, "f.v3_at", "coalesce(f.therapist_id, f.physician_id)", "f.rvar")}`;
  }

  referralsSql(lo: number, hi: number): string {
    const w = this.where(lo, hi);
    return `insert into therapy_referrals (id, patient_id, therapist_id, sessions_per_week, weeks, goals, notes, status, start_date, created_by_id, created_at)
      select ${this.uuid("tr")}, f.patient_id, f.therapist_id, 1 + floor(${this.u("tr:spw")} * 2)::int, 4 + floor(${this.u("tr:weeks")} * 5)::int,
        'Core and hip control; back to 30 minutes of easy running.', '', (case when f.status = 'healed' then 'completed' else 'scheduled' end)::referral_status,
        (f.exam1_at at time zone f.tz)::date + 3, f.physician_id, f.exam1_at + interval '2 hours'
      from synth_facts f where ${w} and f.therapist_id is not null and f.exam1_at is not null;
    insert into escalation_referrals (id, patient_id, kind, reason, status, status_note, created_by_id, created_at, updated_at)
      select ${this.uuid("esc")}, f.patient_id,
        (${arr(["imaging", "epidural_steroid_injection", "surgical_opinion"])})[1 + floor(${this.u("esc:kind")} * 3)::int]::escalation_kind,
        'Leg pain and weakness not improving with physical therapy.',
        (${arr(["requested", "scheduled", "completed", "declined"])})[1 + floor(${this.u("esc:status")} * 4)::int]::referral_status, '',
        f.physician_id, f.exam1_at + interval '10 days', f.exam1_at + interval '12 days'
      from synth_facts f where ${w} and f.exam1_at + interval '12 days' < ${this.now} and ${this.u("esc")} < 0.05`;
  }

  therapySessionsSql(lo: number, hi: number): string {
    const id = "f.i * 100 + k";
    return `insert into therapy_sessions (id, patient_id, therapist_id, idempotency_key, session_date, attendance, exercises_in_clinic, notes, created_at)
      select ${this.uuid("ts", id)}, f.patient_id, f.therapist_id, ${this.uuid("ts:key", id)}, d.day,
        case when ${this.u("ts:noshow", id)} < 0.08 then 'no_show'::therapy_attendance else 'attended' end,
        case when ${this.u("ts:noshow", id)} < 0.08 then '' else ${pick(EXERCISES, this.u("ts:ex", id))} end,
        case when ${this.u("ts:noshow", id)} < 0.08 then 'Did not attend and did not call.' else ${pick(SESSION_NOTES, this.u("ts:notes", id))} end,
        ((d.day + time '10:00') at time zone f.tz)
      from synth_facts f
      cross join lateral generate_series(0, least(7, (f.act_to - f.act_from - 3) / 7)) k
      cross join lateral (select f.act_from + 3 + 7 * k as day) d
      where ${this.where(lo, hi)} and f.therapist_id is not null and f.act_to > f.act_from + 3`;
  }

  questionnairesSql(lo: number, hi: number): string {
    const w = this.where(lo, hi);
    const id = "f.i * 100 + k";
    const total = `round((f.odi0 + (f.odi1 - f.odi0) * least(1, 14.0 * k / greatest(14, f.act_to - d0.base))) * 50 / 100)::int`;
    return `insert into questionnaire_responses (id, patient_id, episode_id, kind, answers, score, subscore, local_date, idempotency_key, completed_at)
      select ${this.uuid("sb")}, f.patient_id, f.episode_id, 'start_back'::questionnaire_kind, s.answers, s.total, s.psychosocial, d0.base, ${this.uuid("sb:key")}, (d0.base + time '19:00') at time zone 'UTC'
      from synth_facts f join synth_start_back s on s.idx = f.risk
      cross join lateral (select (f.opened_at at time zone f.tz)::date as base) d0
      where ${w} and f.exam1_at is not null
      union all
      select ${this.uuid("odi", id)}, f.patient_id, f.episode_id, 'odi'::questionnaire_kind,
        (select jsonb_agg(least(5, o.total / 10 + case when s < o.total % 10 then 1 else 0 end) order by s) from generate_series(0, 9) s),
        o.total * 2, null, d0.base + 14 * k, ${this.uuid("odi:key", id)}, (d0.base + 14 * k + time '19:00') at time zone 'UTC'
      from synth_facts f
      cross join lateral (select (f.opened_at at time zone f.tz)::date as base) d0
      cross join lateral generate_series(0, least(26, (least(f.act_to + 1, (${this.now} at time zone f.tz)::date) - d0.base) / 14)) k
      cross join lateral (select ${total} as total) o
      where ${w} and f.exam1_at is not null and (k = 0 or ${this.u("odi:engaged")} < 0.8);
    insert into questionnaire_requests (id, patient_id, kind, requested_by_id, created_at)
      select ${this.uuid("qr")}, f.patient_id, 'odi', f.physician_id, ${this.now} - (${this.u("qr:at")} * 3) * interval '1 day'
      from synth_facts f where ${w} and f.status = 'active' and ${this.u("qr")} < 0.08`;
  }

  walkRunSql(lo: number, hi: number): string {
    const w = this.where(lo, hi);
    return `insert into return_to_run_signoffs (id, patient_id, episode_id, criteria, note, signed_by_id, signed_at, seq)
      select ${this.uuid("rtr")}, f.patient_id, f.episode_id, ${arr(returnToRunChecklist.map((c) => c.id))}, 'Walked 30 minutes briskly at the visit without symptoms.',
        f.physician_id, f.prog_at, ${this.seq("f.prog_at")}
      from synth_facts f where ${w} and f.prog_at is not null;
    insert into walk_run_stage_changes (id, patient_id, episode_id, stage, reason, set_by_id, set_at, seq)
      select ${this.uuid("stage", "f.i * 10 + k")}, f.patient_id, f.episode_id, k, 'Two runs at the previous stage with an acceptable response.',
        coalesce(f.therapist_id, f.physician_id), f.prog_at + (k - 1) * interval '7 days', ${this.seq("f.prog_at + (k - 1) * interval '7 days'")}
      from synth_facts f cross join lateral generate_series(2, f.stage_n) k
      where ${w} and f.prog_at is not null and f.prog_at + (k - 1) * interval '7 days' < ${this.now}`;
  }

  /**
   * Home logs: items done or skipped and runs, spread over each patient's active days. Counts are
   * skewed (an exponential draw): many patients log little, a few log a great deal.
   */
  activitySql(lo: number, hi: number): string {
    const n = `(f.i::bigint * ${LOGS_PER_PATIENT_MAX} + k)`;
    const uk = (purpose: string) => this.u(purpose, n);
    const progress = `((d.day - f.act_from)::float8 / greatest(1, f.act_to - f.act_from))`;
    const pain = `greatest(0, f.pain1 - round((f.pain1 - f.pain2) * ${progress})::int - 1)`;
    const stage = `case when f.prog_at is not null and d.day > (f.prog_at at time zone f.tz)::date
      then least(f.stage_n, 1 + (d.day - (f.prog_at at time zone f.tz)::date) / 7) end`;
    const isRun = `(k % 3 = 0 and f.run_from is not null and ((d.day between f.run_from and f.run_until) or d.day > f.healed_on))`;
    return `insert into activity_logs (id, patient_id, idempotency_key, kind, local_date, item_key, status, skip_reason, minutes, distance_km, rpe,
        pain_before, pain_during, pain_after, morning_pain, new_numbness_or_weakness, programme_stage, breaches, created_at)
      select ${this.seqUuid(1, n)}, f.patient_id, ${this.seqUuid(2, n)},
        case when r.run then 'run'::activity_kind else 'item' end, d.day,
        case when not r.run then l.keys[1 + k % array_length(l.keys, 1)] end,
        case when not r.run then case when ${uk("log:adh")} < f.adherence then 'done'::activity_status else 'skipped' end end,
        case when not r.run and ${uk("log:adh")} >= f.adherence then ${pick(SKIP_REASONS, uk("log:skip"))} end,
        case when r.run then 15 + floor(${uk("log:min")} * 6)::int end,
        case when r.run then round(((15 + floor(${uk("log:min")} * 6)) * 0.16)::numeric, 1)::real end,
        case when r.run then 3 + floor(${uk("log:rpe")} * 2)::int end,
        case when r.run then least(3, ${pain}) end,
        case when r.run then case when ${uk("log:sore")} < 0.03 then 6 else least(3, ${pain}) end end,
        case when r.run then case when ${uk("log:sore")} < 0.03 then 6 else least(3, ${pain} + 1) end end,
        case when r.run and ${uk("log:sore")} >= 0.03 then least(3, ${pain}) end,
        false, case when r.run then ${stage} end,
        case when r.run then '{}'::text[] end,
        ((d.day + time '18:00') at time zone f.tz)
      from synth_facts f
      join synth_loggable l on l.template = f.template
      cross join lateral generate_series(1, f.n_logs) k
      cross join lateral (select f.act_from + ((k - 1) * (f.act_to - f.act_from + 1) / f.n_logs) as day) d
      cross join lateral (select ${isRun} as run) r
      where ${this.where(lo, hi)} and f.n_logs > 0
      order by f.i, k`;
  }

  /**
   * A moderate audit trail (the chain trigger hashes row by row): the physician opening the chart
   * and signing the exam, and the patient reading their plan. The trigger stamps each row with the
   * time it was written.
   */
  auditSql(lo: number, hi: number): string {
    const w = this.where(lo, hi);
    return `insert into audit_events (actor_user_id, actor_role, actor_label, action, patient_id, resource, outcome, ip, user_agent)
      select x.actor, x.role, x.label, x.action, x.patient, null, x.outcome::audit_outcome, '10.0.' || (f.i % 250) || '.' || (f.i % 200 + 1), 'Mozilla/5.0 (synthetic clinic)'
      from synth_facts f
      join users ph on ph.id = f.physician_id
      left join users pu on pu.id = f.user_id
      cross join lateral (values
        (1, ph.id, 'physician', ph.email, 'chart.view', f.patient_id, 'allowed'),
        (2, case when f.exam1_at is not null then ph.id end, 'physician', ph.email, 'exam.sign', f.patient_id, 'success'),
        (3, pu.id, 'patient', pu.email, 'plan.view', f.patient_id, 'allowed')
      ) as x(n, actor, role, label, action, patient, outcome)
      where ${w} and x.actor is not null
      order by f.i, x.n`;
  }
}
