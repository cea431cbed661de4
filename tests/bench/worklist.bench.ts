/**
 * `npm run bench:dal`: the physician's worklist and the audit-chain check at clinic scale, on the
 * embedded database. Budget: a worklist page well under 100 ms with 2,000 patients on one
 * care team; verifying 20,000 audit rows in a few seconds.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { verifyAuditChain } from "@/db/audit-chain";
import { openDatabase, useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { seedDemoClinic } from "@/db/seed";
import { listWorklist } from "@/lib/dal/worklist";
import { signInAs } from "../support/people";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openDatabase({ pgliteDir: "memory" });
  await seedDemoClinic(handle.db);
  useDatabaseForTests(handle);
  // 2,000 more patients on Dr. Ortiz's care team, each with an episode, an exam and a clearance.
  await handle.db.execute(sql`
    with doc as (select id from users where email = 'dr.ortiz@runclear.example'),
    p as (
      insert into patients (mrn, given_name, family_name, date_of_birth, sex, time_zone)
      select 'B-' || g, 'Given' || g, 'Family' || (g % 97), date '1970-01-01' + (g % 9000), 'unknown', 'UTC'
      from generate_series(1, 2000) g returning id
    ),
    t as (insert into care_team_members (patient_id, user_id, role) select p.id, doc.id, 'physician' from p, doc returning patient_id),
    e as (insert into episodes (patient_id, status) select patient_id, 'active' from t returning id, patient_id)
    insert into exams (patient_id, episode_id, author_id, status, pain_now, has_motor_deficit, signed_by_id, signed_at)
    select e.patient_id, e.id, doc.id, 'signed', (random() * 10)::int, false, doc.id, now() - interval '3 days' from e, doc`);
  await handle.db.execute(sql`
    insert into clearances (patient_id, version, level, signed_by_id)
    select p.id, 1, 'restricted', u.id from patients p, users u where p.mrn like 'B-%' and u.email = 'dr.ortiz@runclear.example'`);
  await handle.db.execute(sql`
    insert into audit_events (action, outcome) select 'bench.row', 'allowed' from generate_series(1, 20000)`);
  await signInAs(handle.db, "dr.ortiz@runclear.example");
}, 300_000);

afterAll(async () => {
  await handle.close();
});

describe("worklist with 2,000 patients", () => {
  bench("first page, urgent first, by name", async () => {
    await listWorklist();
  });
  bench("search and filter", async () => {
    await listWorklist({ q: "Family4", clearance: "restricted", sort: "pain" });
  });
  bench("page 50", async () => {
    await listWorklist({ page: 50 });
  });
});

describe("audit trail", () => {
  bench("verify 20,000 chained rows", async () => {
    await verifyAuditChain(handle.db);
  }, { iterations: 3 });
});
