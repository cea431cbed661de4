import { and, desc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { emergencyAccessGrants } from "@/db/schema/emergency-access";
import { listMyRecordAccesses } from "@/lib/dal/audit";
import { requestEmergencyAccess } from "@/lib/dal/emergency-access";
import { NotFoundError } from "@/lib/dal/errors";
import { getPatientChart } from "@/lib/dal/patients";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const REASON = "On call for the clinic tonight; patient phoned with new leg weakness";

describeEachDatabase("emergency access", { seed: true }, (t) => {
  it("opens a chart outside the care team for a limited time, flagged and shown to the care team", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOffTeam");
    await expect(getPatientChart(sam)).rejects.toBeInstanceOf(NotFoundError);

    const grant = await requestEmergencyAccess({ mrn: "rc-100101", reason: REASON });
    expect(grant.patientId).toBe(sam);
    expect(grant.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);

    const chart = await getPatientChart(sam);
    expect(chart).toMatchObject({ name: "Sam Rivera", accessVia: "emergency", emergencyAccesses: [] });
    const [view] = await t.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(view).toMatchObject({ action: "chart.view", patientId: sam, emergency: true, outcome: "allowed" });

    await becomeCaller(t.db, "physicianOnTeam");
    const ownChart = await getPatientChart(sam);
    expect(ownChart.accessVia).toBe("care_team");
    expect(ownChart.emergencyAccesses).toEqual([expect.objectContaining({ physicianName: "Dr. Wei Chen", reason: REASON })]);

    await becomeCaller(t.db, "thePatient");
    const accesses = await listMyRecordAccesses();
    expect(accesses.filter((a) => a.emergency).map((a) => a.who)).toContain("Dr. Wei Chen");
    expect(accesses.some((a) => a.who === "Sam Rivera")).toBe(false);
  });

  it("ends when the grant expires", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOffTeam");
    await t.db
      .update(emergencyAccessGrants)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(emergencyAccessGrants.patientId, sam)));
    await expect(getPatientChart(sam)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("needs a real reason and a real MRN, and is for physicians only", async () => {
    await becomeCaller(t.db, "physicianOffTeam");
    await expect(requestEmergencyAccess({ mrn: "RC-100101", reason: "need it" })).rejects.toThrow(/at least 15 characters/);
    await expect(requestEmergencyAccess({ mrn: "RC-999999", reason: REASON })).rejects.toBeInstanceOf(NotFoundError);
    await becomeCaller(t.db, "otherTherapist");
    await expect(requestEmergencyAccess({ mrn: "RC-100101", reason: REASON })).rejects.toBeInstanceOf(NotFoundError);
  });
});
