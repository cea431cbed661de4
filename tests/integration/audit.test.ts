import { desc, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { verifyAuditChain } from "@/db/audit-chain";
import { auditEvents } from "@/db/schema/audit";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { NotFoundError } from "@/lib/dal/errors";
import { listMyRecordAccesses } from "@/lib/dal/audit";
import { inRequestScope } from "@/lib/dal/internal/request-scope";
import { getPatientChart } from "@/lib/dal/patients";
import { listWorklist } from "@/lib/dal/worklist";
import { signInWithPassword } from "@/lib/dal/internal/sign-in";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { readChartPage } from "../support/chart-page";
import { describeEachDatabase } from "../support/databases";

async function lastRows(db: Parameters<typeof verifyAuditChain>[0], n: number) {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(n);
}

describeEachDatabase("audit trail", { seed: true }, (t) => {
  it("writes one allowed row for a chart view: who, role, action, patient, resource", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOnTeam");
    await getPatientChart(sam);
    const [row] = await lastRows(t.db, 1);
    expect(row).toMatchObject({
      actorRole: "physician",
      actorLabel: "dr.ortiz@runclear.example",
      action: "chart.view",
      patientId: sam,
      outcome: "allowed",
      emergency: false,
    });
    expect(row!.actorUserId).toMatch(/^[0-9a-f-]{36}$/);
    expect(row!.occurredAt).toBeInstanceOf(Date);
  });

  it("writes one denied row for a refused call, which answers not found", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "otherTherapist");
    await expect(getPatientChart(sam)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await lastRows(t.db, 1);
    expect(row).toMatchObject({ actorRole: "therapist", action: "chart.view", patientId: sam, outcome: "denied" });

    await becomeCaller(t.db, "noSession");
    await expect(getPatientChart(sam)).rejects.toBeInstanceOf(NotFoundError);
    const [anonymous] = await lastRows(t.db, 1);
    expect(anonymous).toMatchObject({ actorUserId: null, action: "chart.view", outcome: "denied" });
  });

  it("records sign-in success and failure with address and browser, never the password", async () => {
    await signInWithPassword({ email: "pt.morgan@runclear.example", password: DEMO_PASSWORD, ip: "198.51.100.7", userAgent: "TestBrowser/1.0" });
    await signInWithPassword({ email: "pt.morgan@runclear.example", password: "a-wrong-password-here", ip: "198.51.100.7", userAgent: "TestBrowser/1.0" });
    const [failure, success] = await lastRows(t.db, 2);
    expect(success).toMatchObject({ action: "sign_in", outcome: "success", ip: "198.51.100.7", userAgent: "TestBrowser/1.0" });
    expect(failure).toMatchObject({ action: "sign_in", outcome: "failure", actorLabel: "pt.morgan@runclear.example" });
    const everything = JSON.stringify(await t.db.select().from(auditEvents));
    expect(everything).not.toContain(DEMO_PASSWORD);
    expect(everything).not.toContain("a-wrong-password-here");
  });

  it("refuses updates, deletes and truncation in the database itself", async () => {
    await expect(t.db.execute(sql`update audit_events set action = 'edited'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_events`)).rejects.toThrow();
  });

  it("writes one entry for a whole chart page in one request, naming every read", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOnTeam");
    const [before] = await lastRows(t.db, 1);
    await inRequestScope(() => readChartPage(sam));
    const written = await t.db.select().from(auditEvents).where(sql`${auditEvents.seq} > ${before!.seq}`);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ action: "chart.view", patientId: sam, outcome: "allowed", actorLabel: "dr.ortiz@runclear.example" });
    expect(written[0]!.resource!.split(", ")).toEqual(
      expect.arrayContaining(["chart.view", "exam.list", "diagnosis.view", "clearance.view", "red_flag.list", "plan.view", "referral.list", "activity.view", "adherence.view", "known_symptom.list"]),
    );
  });

  it("writes one refusal for a chart out of reach, though its layout and its page both ask", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOffTeam");
    const [before] = await lastRows(t.db, 1);
    await expect(inRequestScope(() => readChartPage(sam))).rejects.toBeInstanceOf(NotFoundError);
    const written = await t.db.select().from(auditEvents).where(sql`${auditEvents.seq} > ${before!.seq}`);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ action: "chart.view", patientId: sam, outcome: "denied" });
  });

  it("shows the patient one line per view of her record", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOnTeam");
    await inRequestScope(() => readChartPage(sam));
    await inRequestScope(() => readChartPage(sam));
    await becomeCaller(t.db, "thePatient");
    const [latest, previous] = await listMyRecordAccesses();
    expect([latest!.what, previous!.what]).toEqual(["Opened your chart", "Opened your chart"]);
    expect(latest!.who).toBe(previous!.who);
  });

  it("names the patients a list view showed", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const worklist = await listWorklist();
    const [row] = await lastRows(t.db, 1);
    expect(row).toMatchObject({ action: "patient.list", outcome: "allowed" });
    expect(row!.resource).toBe(`patients:${worklist.rows.map((r) => r.id).join(",")}`);
  });
});
