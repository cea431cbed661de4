import { count, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { careTeamMembers } from "@/db/schema/care-team";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { listAccounts } from "@/lib/dal/accounts";
import { signInWithPassword } from "@/lib/dal/internal/sign-in";
import { checkDatabase } from "@/lib/dal/health";
import { getMyRecord } from "@/lib/dal/patients";
import { listWorklist } from "@/lib/dal/worklist";
import { describeEachDatabase } from "../support/databases";
import { signInAs, signOutOfTests } from "../support/people";

describeEachDatabase("foundation", { seed: true }, (t) => {
  it("applies the migrations and answers the health query", async () => {
    expect(await checkDatabase()).toBe(t.kind);
    const tables = (await t.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    )) as unknown as { rows: { table_name: string }[] };
    const names = tables.rows.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(["users", "patients", "care_team_members", "episodes"]));
  });

  it("seeds a demo clinic of at least 12 patients split between both physicians", async () => {
    const [{ n } = { n: 0 }] = await t.db.select({ n: count() }).from(patients);
    expect(n).toBeGreaterThanOrEqual(12);
    const perPhysician = await t.db
      .select({ email: users.email, n: count() })
      .from(careTeamMembers)
      .innerJoin(users, eq(users.id, careTeamMembers.userId))
      .where(eq(careTeamMembers.role, "physician"))
      .groupBy(users.email);
    expect(perPhysician.map((r) => r.email).sort()).toEqual(["dr.chen@runclear.example", "dr.ortiz@runclear.example"]);
    for (const row of perPhysician) expect(row.n).toBeGreaterThanOrEqual(5);
  });

  it("never uses sequential ids or the MRN as a patient id", async () => {
    const rows = await t.db.select({ id: patients.id, mrn: patients.mrn }).from(patients);
    for (const r of rows) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.id).not.toContain(r.mrn);
    }
  });

  it("signs in with the right password and gives one answer for every failure", async () => {
    const attempt = (email: string, password: string) => signInWithPassword({ email, password, ip: "203.0.113.9", userAgent: "test" });
    const ok = await attempt("Dr.Ortiz@runclear.example", DEMO_PASSWORD);
    expect(ok).toMatchObject({ ok: true, user: { email: "dr.ortiz@runclear.example", role: "physician" } });
    expect(await attempt("dr.ortiz@runclear.example", "wrong-password-123")).toEqual({ ok: false, code: "invalid" });
    expect(await attempt("nobody@runclear.example", DEMO_PASSWORD)).toEqual({ ok: false, code: "invalid" });
    await t.db.update(users).set({ active: false }).where(eq(users.email, "pt.singh@runclear.example"));
    expect(await attempt("pt.singh@runclear.example", DEMO_PASSWORD)).toEqual({ ok: false, code: "invalid" });
    await t.db.update(users).set({ active: true }).where(eq(users.email, "pt.singh@runclear.example"));
  });

  it("lists only the patients on the clinician's own care team", async () => {
    await signInAs(t.db, "dr.ortiz@runclear.example");
    const ortiz = (await listWorklist()).rows;
    await signInAs(t.db, "dr.chen@runclear.example");
    const chen = (await listWorklist()).rows;
    expect(ortiz.map((p) => p.name)).toContain("Sam Rivera");
    expect(chen.map((p) => p.name)).not.toContain("Sam Rivera");
    expect(ortiz.filter((p) => chen.some((c) => c.id === p.id))).toEqual([]);

    await signInAs(t.db, "pt.morgan@runclear.example");
    const morgan = (await listWorklist()).rows;
    expect(morgan.length).toBeGreaterThan(0);
    expect(morgan.map((p) => p.name)).not.toContain("Priya Natarajan");
  });

  it("gives patients and admins no clinical list, and a patient only their own record", async () => {
    await signInAs(t.db, "sam.rivera@runclear.example");
    await expect(listWorklist()).rejects.toThrow("Not found");
    const mine = await getMyRecord();
    expect(mine).toMatchObject({ name: "Sam Rivera", episodeStatus: "active" });
    expect(mine?.careTeam.map((m) => m.role)).toContain("physician");

    await signInAs(t.db, "admin@runclear.example");
    await expect(listWorklist()).rejects.toThrow("Not found");
    await expect(getMyRecord()).rejects.toThrow("Not found");
    expect((await listAccounts()).length).toBeGreaterThanOrEqual(17);

    signOutOfTests();
    await expect(listWorklist()).rejects.toThrow("Not found");
    await expect(getMyRecord()).rejects.toThrow("Not found");
    await expect(listAccounts()).rejects.toThrow("Not found");
  });
});
