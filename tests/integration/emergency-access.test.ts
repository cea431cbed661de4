import { and, desc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { randomUUID } from "node:crypto";
import { emergencyAccessAttempts, emergencyAccessGrants } from "@/db/schema/emergency-access";
import { users } from "@/db/schema/users";
import { listMyRecordAccesses } from "@/lib/dal/audit";
import {
  countUnreviewedEmergencyAccess,
  listEmergencyAccessGrants,
  listEmergencyAccessNotices,
  listMyEmergencyAccesses,
  requestEmergencyAccess,
  reviewEmergencyAccess,
} from "@/lib/dal/emergency-access";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getPatientChart } from "@/lib/dal/patients";
import { becomeCaller, emailOf, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const REASON = "On call for the clinic tonight; patient phoned with new leg weakness";
const SAM_DOB = "1988-04-12";

describeEachDatabase("emergency access", { seed: true }, (t) => {
  it("opens a chart outside the care team for a limited time, flagged and shown to the care team", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOffTeam");
    await expect(getPatientChart(sam)).rejects.toBeInstanceOf(NotFoundError);

    const grant = await requestEmergencyAccess({ mrn: "rc-100101", dateOfBirth: SAM_DOB, reason: REASON });
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

  it("needs a real reason, and is for physicians only", async () => {
    await becomeCaller(t.db, "physicianOffTeam");
    await expect(requestEmergencyAccess({ mrn: "RC-100101", dateOfBirth: SAM_DOB, reason: "need it" })).rejects.toThrow(/at least 15 characters/);
    await becomeCaller(t.db, "otherTherapist");
    await expect(requestEmergencyAccess({ mrn: "RC-100101", dateOfBirth: SAM_DOB, reason: REASON })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("needs the MRN and the date of birth, and a failed match never says which was wrong", async () => {
    await becomeCaller(t.db, "physicianOffTeam");
    const wrongDob = await requestEmergencyAccess({ mrn: "RC-100103", dateOfBirth: "1970-01-01", reason: REASON }).catch((e: unknown) => e);
    const noSuchMrn = await requestEmergencyAccess({ mrn: "RC-999999", dateOfBirth: "1970-01-01", reason: REASON }).catch((e: unknown) => e);
    expect(wrongDob).toBeInstanceOf(ValidationError);
    expect(noSuchMrn).toBeInstanceOf(ValidationError);
    expect((wrongDob as ValidationError).fieldErrors).toEqual((noSuchMrn as ValidationError).fieldErrors);
    expect((wrongDob as ValidationError).message).toBe((noSuchMrn as ValidationError).message);
    expect((wrongDob as ValidationError).message).toMatch(/No patient matches this MRN and date of birth/);
    const denied = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "emergency_access.grant"), eq(auditEvents.outcome, "denied")));
    expect(denied.filter((d) => d.resource === "no_match")).toHaveLength(2);
    expect(denied.every((d) => d.patientId === null)).toBe(true);
  });

  it("allows 5 requests an hour per physician, failed matches included, then refuses with a clear message", async () => {
    const chen = await becomeCallerGet("physicianOffTeam");
    await t.db.delete(emergencyAccessAttempts).where(eq(emergencyAccessAttempts.userId, chen));
    // Two failed guesses, then three real grants: five in the hour.
    for (const mrn of ["RC-900001", "RC-900002"]) {
      await expect(requestEmergencyAccess({ mrn, dateOfBirth: "1980-01-01", reason: REASON })).rejects.toBeInstanceOf(ValidationError);
    }
    for (const [mrn, dob] of [["RC-100101", SAM_DOB], ["RC-100101", SAM_DOB], ["RC-100102", "1991-09-03"]] as const) {
      expect((await requestEmergencyAccess({ mrn, dateOfBirth: dob, reason: REASON })).expiresAt).not.toBeNull();
    }
    const sixth = await requestEmergencyAccess({ mrn: "RC-100101", dateOfBirth: SAM_DOB, reason: REASON }).catch((e: unknown) => e);
    expect(sixth).toBeInstanceOf(ValidationError);
    expect((sixth as Error).message).toMatch(/5 times in the last hour.*ask again in 60 minutes/);
    // An hour later it is allowed again.
    await t.db.update(emergencyAccessAttempts).set({ attemptedAt: new Date(Date.now() - 61 * 60_000) }).where(eq(emergencyAccessAttempts.userId, chen));
    expect((await requestEmergencyAccess({ mrn: "RC-100101", dateOfBirth: SAM_DOB, reason: REASON })).patientId).toBeTruthy();
    // A physician's own patient costs nothing.
    await becomeCaller(t.db, "physicianOnTeam");
    expect(await requestEmergencyAccess({ mrn: "RC-100101", dateOfBirth: SAM_DOB, reason: REASON })).toMatchObject({ expiresAt: null });
  });

  it("is told to the care team on their patient list, with the reason, and not to the physician who asked", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    for (const caller of ["physicianOnTeam", "assignedTherapist"] as const) {
      await becomeCaller(t.db, caller);
      const notices = await listEmergencyAccessNotices();
      expect(notices[0]).toMatchObject({ patientId: sam, patientName: "Sam Rivera", mrn: "RC-100101", physicianName: "Dr. Wei Chen", reason: REASON });
    }
    await becomeCaller(t.db, "otherTherapist");
    expect((await listEmergencyAccessNotices()).some((n) => n.patientId === sam)).toBe(false);
    await becomeCaller(t.db, "physicianOffTeam");
    expect((await listEmergencyAccessNotices()).some((n) => n.physicianName === "Dr. Wei Chen")).toBe(false);
  });

  it("shows the patient each emergency opening with its reason", async () => {
    await becomeCaller(t.db, "thePatient");
    const mine = await listMyEmergencyAccesses();
    expect(mine[0]).toMatchObject({ physicianName: "Dr. Wei Chen", reason: REASON });
    await becomeCaller(t.db, "otherPatient");
    expect((await listMyEmergencyAccesses()).some((a) => a.reason === REASON && a.physicianName === "Dr. Wei Chen")).toBe(true);
  });

  it("lists every grant for an administrator to review once, with a note, audited", async () => {
    await becomeCaller(t.db, "admin");
    const waiting = await listEmergencyAccessGrants({ status: "unreviewed" });
    const first = waiting.find((g) => g.patient.mrn === "RC-100101")!;
    expect(first).toMatchObject({ physician: { name: "Dr. Wei Chen" }, patient: { name: "Sam Rivera" }, reason: REASON, review: null });
    expect(first.expiresAt).toBeInstanceOf(Date);
    const before = await countUnreviewedEmergencyAccess();

    await expect(reviewEmergencyAccess({ grantId: first.id, note: "ok" })).rejects.toThrow(/at least 5 characters/);
    await reviewEmergencyAccess({ grantId: first.id, note: "Dr. Chen was on call that night; confirmed with the rota." });
    await expect(reviewEmergencyAccess({ grantId: first.id, note: "A second review." })).rejects.toThrow(/already reviewed/);
    await expect(reviewEmergencyAccess({ grantId: randomUUID(), note: "No such grant." })).rejects.toBeInstanceOf(NotFoundError);
    expect(await countUnreviewedEmergencyAccess()).toBe(before - 1);

    const all = await listEmergencyAccessGrants({ status: "all" });
    expect(all.find((g) => g.id === first.id)!.review).toMatchObject({ by: "Riley Admin", note: "Dr. Chen was on call that night; confirmed with the rota." });
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "emergency_access.review"));
    expect(audit).toMatchObject({ outcome: "allowed", resource: `grant:${first.id}`, actorLabel: "admin@runclear.example" });

    for (const caller of ["physicianOnTeam", "physicianOffTeam", "thePatient"] as const) {
      await becomeCaller(t.db, caller);
      await expect(listEmergencyAccessGrants()).rejects.toBeInstanceOf(NotFoundError);
      await expect(reviewEmergencyAccess({ grantId: first.id, note: "Not mine to review." })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  async function becomeCallerGet(caller: "physicianOffTeam") {
    await becomeCaller(t.db, caller);
    const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, emailOf(caller)));
    return u!.id;
  }
});
