/**
 * `npm run db:synth:accounts [-- --role physician|therapist|patient] [--limit N] [--offset N] [--embedded]`:
 * the accounts of the synthetic clinic and the demo staff, with each clinician's caseload, so anyone
 * can sign in and look. Every account uses the demo password.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "./client";
import { DEMO_PASSWORD } from "./seed-data";
import { SYNTH_DOMAIN } from "./synth-sql";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

try {
  const embedded = process.argv.includes("--embedded");
  const url = process.env.DATABASE_URL || undefined;
  if (!url && !embedded) throw new Error("Set DATABASE_URL, or pass --embedded to read the embedded database (RUNCLEAR_DATA_DIR).");
  const role = option("role");
  if (role && !["physician", "therapist", "patient", "admin"].includes(role)) throw new Error(`--role is physician, therapist, patient or admin, not "${role}".`);
  const limit = Math.max(1, Math.min(1000, Number(option("limit") ?? 20)));
  const offset = Math.max(0, Number(option("offset") ?? 0));
  const handle = await openDatabase(url ? { url, as: "owner" } : {});
  try {
    // Clinicians with their caseload, busiest first; patients with their physician.
    const result = await handle.db.execute(sql`
      select u.email, u.role::text as role,
        case when u.role = 'patient' then (select ph.email from care_team_members c join users ph on ph.id = c.user_id where c.patient_id = u.patient_id and c.role = 'physician' limit 1)
             else (select count(*) from care_team_members c where c.user_id = u.id)::text end as detail
      from users u
      where (u.email like ${`%@${SYNTH_DOMAIN}`} or u.role <> 'patient') and (${role ?? null}::text is null or u.role::text = ${role ?? null})
      order by case u.role when 'physician' then 0 when 'therapist' then 1 when 'admin' then 2 else 3 end,
        case when u.role = 'patient' then 0 else -(select count(*) from care_team_members c where c.user_id = u.id) end, u.email
      limit ${limit} offset ${offset}`);
    const rows = (result as unknown as { rows: { email: string; role: string; detail: string | null }[] }).rows;
    console.log(`${"email".padEnd(44)} ${"role".padEnd(10)} caseload / physician`);
    for (const r of rows) console.log(`${r.email.padEnd(44)} ${r.role.padEnd(10)} ${r.detail ?? ""}`);
    console.log(`\n${rows.length} accounts from ${offset} (--offset, --limit, --role to page). Password for all: ${DEMO_PASSWORD}`);
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
