/**
 * `npm run bench:dal`: a therapist's caseload at the size of a busy practice, on the embedded
 * database. 80 patients on one therapist's care team, each with Sam Rivera's plan and eight weeks
 * of daily logs (about 30,000 rows), weekly check-ins and runs. Budget: the caseload, every
 * patient's 7- and 28-day adherence and flags included, well under 500 ms; the change marker an
 * open caseload polls every 10 seconds, well under 50 ms. Measured here: about 160 ms and 15 ms.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { openDatabase, useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { getPatientAdherence } from "@/lib/dal/adherence";
import { caseloadMarker, listCaseload } from "@/lib/dal/caseload";
import { signInAs } from "../support/people";

let handle: DatabaseHandle;
let onePatient: string;

beforeAll(async () => {
  handle = await openDatabase({ pgliteDir: "memory" });
  await seedDemoClinic(handle.db);
  useDatabaseForTests(handle);
  await handle.db.execute(sql`
    with pt as (select id from users where email = 'pt.morgan@runclear.example'),
    plan as (select v.plan, v.created_by_id from plan_versions v join patients p on p.id = v.patient_id where p.mrn = 'RC-100101' order by v.version desc limit 1),
    p as (
      insert into patients (mrn, given_name, family_name, date_of_birth, sex, time_zone)
      select 'C-' || g, 'Given' || g, 'Family' || g, date '1980-01-01' + g, 'unknown', 'America/Chicago'
      from generate_series(1, 80) g returning id
    ),
    t as (insert into care_team_members (patient_id, user_id, role) select p.id, pt.id, 'therapist' from p, pt returning patient_id),
    e as (insert into episodes (patient_id, status) select patient_id, 'active' from t returning patient_id)
    insert into plan_versions (patient_id, version, plan, created_by_id, created_at)
    select e.patient_id, 1, jsonb_set(plan.plan, '{startDate}', to_jsonb((current_date - 60)::text)), plan.created_by_id, now() - interval '60 days'
    from e, plan`);
  await handle.db.execute(sql`
    insert into activity_logs (patient_id, idempotency_key, kind, local_date, item_key, status, created_at)
    select v.patient_id, gen_random_uuid(), 'item', d::date, item->>'key', 'done', d
    from plan_versions v
    join patients p on p.id = v.patient_id and p.mrn like 'C-%'
    cross join generate_series(current_date - 56, current_date - 1, interval '1 day') d
    cross join jsonb_array_elements(v.plan->'items') item
    where item->'dose'->>'kind' not in ('advice', 'running', 'medicine') and random() < 0.7`);
  await handle.db.execute(sql`
    insert into check_ins (patient_id, idempotency_key, pain_now, leg_symptoms, red_flag_answers, created_at)
    select p.id, gen_random_uuid(), (random() * 6)::int, '{}', '{}'::jsonb, d
    from patients p cross join generate_series(now() - interval '56 days', now(), interval '7 days') d where p.mrn like 'C-%'`);
  await handle.db.execute(sql`
    insert into activity_logs (patient_id, idempotency_key, kind, local_date, minutes, distance_km, rpe, pain_during, pain_after, breaches, created_at)
    select p.id, gen_random_uuid(), 'run', d::date, 20, 3, 3, 1, 1, '{}', d
    from patients p cross join generate_series(current_date - 56, current_date - 1, interval '3 days') d where p.mrn like 'C-%'`);
  const result = (await handle.db.execute(sql`select id from patients where mrn = 'C-1'`)) as unknown as { rows: { id: string }[] };
  const [row] = result.rows;
  onePatient = row!.id;
  await signInAs(handle.db, "pt.morgan@runclear.example");
}, 300_000);

afterAll(async () => {
  await handle.close();
});

describe("caseload of 85 patients with eight weeks of logs", () => {
  bench("whole caseload with adherence and flags", async () => {
    await listCaseload();
  }, { iterations: 10 });
  bench("change marker (polled every 10 s)", async () => {
    await caseloadMarker();
  });
  bench("one patient's adherence view", async () => {
    await getPatientAdherence(onePatient);
  });
});
