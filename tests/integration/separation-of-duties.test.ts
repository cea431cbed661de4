import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { users } from "@/db/schema/users";
import { DEMO_PASSWORD } from "@/db/seed-data";
import {
  changeAccountRole,
  changeOwnPassword,
  confirmStaffAccess,
  createStaffAccount,
  listAccounts,
  listAccountsAwaitingConfirmation,
  resetPassword,
} from "@/lib/dal/accounts";
import { requestEmergencyAccess } from "@/lib/dal/emergency-access";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getPatientChart } from "@/lib/dal/patients";
import { getCurrentUser } from "@/lib/dal/session";
import { listWorklist } from "@/lib/dal/worklist";
import { patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";
import { signInAs } from "../support/people";

const NEW_PASSWORD = "harbour violet compass 31";

describeEachDatabase("separation of duties", { seed: true }, (t) => {
  let newPhysicianId: string;

  it("a physician account an administrator creates reaches no chart until a second administrator confirms it", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await signInAs(t.db, "admin@runclear.example");
    const created = await createStaffAccount({ name: "Dr. Nadia New", email: "dr.new@runclear.example", role: "physician" });
    newPhysicianId = created.userId;
    const waiting = await listAccountsAwaitingConfirmation();
    expect(waiting.find((a) => a.id === created.userId)).toMatchObject({
      role: "physician",
      pendingConfirmation: { change: "created", changedByName: "Riley Admin" },
    });
    expect((await listAccounts()).find((a) => a.id === created.userId)!.pendingConfirmation).not.toBeNull();

    // The creating administrator signs in as the new physician: nothing clinical answers.
    await signInAs(t.db, "dr.new@runclear.example");
    await changeOwnPassword({ currentPassword: created.oneTimePassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await getCurrentUser()).toMatchObject({ setupStep: "confirmation" });
    await expect(listWorklist()).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPatientChart(sam)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestEmergencyAccess({ mrn: "RC-100101", dateOfBirth: "1988-04-12", reason: "Trying to open a chart right away" })).rejects.toBeInstanceOf(NotFoundError);

    // And cannot confirm their own creation.
    await signInAs(t.db, "admin@runclear.example");
    await expect(confirmStaffAccess(created.userId)).rejects.toThrow("You made this change, so another administrator must confirm it.");
    const [refusal] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "account.confirm_access"));
    expect(refusal).toMatchObject({ outcome: "denied", resource: `user:${created.userId}` });

    await signInAs(t.db, "admin2@runclear.example");
    await confirmStaffAccess(created.userId);
    await expect(confirmStaffAccess(created.userId)).rejects.toThrow(/not waiting/);
    await signInAs(t.db, "dr.new@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: null });
    expect((await listWorklist()).total).toBe(0);
  });

  it("a new administrator is unconfirmed too, so an administrator cannot make one to confirm their own clinicians", async () => {
    await signInAs(t.db, "admin@runclear.example");
    const accomplice = await createStaffAccount({ name: "Second Self", email: "second.self@runclear.example", role: "admin" });
    const clinician = await createStaffAccount({ name: "Dr. Shadow", email: "dr.shadow@runclear.example", role: "physician" });
    await signInAs(t.db, "second.self@runclear.example");
    await t.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, accomplice.userId));
    expect(await getCurrentUser()).toMatchObject({ setupStep: "confirmation" });
    await expect(confirmStaffAccess(clinician.userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAccounts()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a role change waits for a second administrator, and never for an account on a care team or a patient", async () => {
    await signInAs(t.db, "admin2@runclear.example");
    await changeAccountRole(newPhysicianId, { role: "therapist" });
    const [changed] = await t.db.select().from(users).where(eq(users.id, newPhysicianId));
    expect(changed).toMatchObject({ role: "therapist", accessConfirmedAt: null, accessChange: "role_changed" });
    await signInAs(t.db, "dr.new@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: "confirmation" });

    await signInAs(t.db, "admin2@runclear.example");
    const [ortiz] = await t.db.select().from(users).where(eq(users.email, "dr.ortiz@runclear.example"));
    await expect(changeAccountRole(ortiz!.id, { role: "admin" })).rejects.toMatchObject({ fieldErrors: { role: [expect.stringMatching(/care team/)] } });
    const [sam] = await t.db.select().from(users).where(eq(users.email, "sam.rivera@runclear.example"));
    await expect(changeAccountRole(sam!.id, { role: "physician" })).rejects.toBeInstanceOf(ValidationError);
    const [self] = await t.db.select().from(users).where(eq(users.email, "admin2@runclear.example"));
    await expect(changeAccountRole(self!.id, { role: "physician" })).rejects.toThrow(/your own account/);
  });

  it("an administrator who resets a clinician's password cannot be the one who lets them back in", async () => {
    await signInAs(t.db, "admin2@runclear.example");
    const [singh] = await t.db.select().from(users).where(eq(users.email, "pt.singh@runclear.example"));
    const { oneTimePassword } = await resetPassword(singh!.id);
    await signInAs(t.db, "pt.singh@runclear.example");
    await changeOwnPassword({ currentPassword: oneTimePassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    await expect(listWorklist()).rejects.toBeInstanceOf(NotFoundError);
    await signInAs(t.db, "admin2@runclear.example");
    await expect(confirmStaffAccess(singh!.id)).rejects.toThrow(/another administrator/);
    await signInAs(t.db, "admin@runclear.example");
    await confirmStaffAccess(singh!.id);
    await signInAs(t.db, "pt.singh@runclear.example");
    expect((await listWorklist()).total).toBeGreaterThan(0);
  });

  it("the database itself refuses a confirmation by the account or by the administrator who made the change", async () => {
    const [shadow] = await t.db.select().from(users).where(eq(users.email, "dr.shadow@runclear.example"));
    await expect(t.db.update(users).set({ accessConfirmedAt: new Date(), accessConfirmedById: shadow!.accessChangedById }).where(eq(users.id, shadow!.id))).rejects.toThrow();
    await expect(t.db.update(users).set({ accessConfirmedAt: new Date(), accessConfirmedById: shadow!.id }).where(eq(users.id, shadow!.id))).rejects.toThrow();
  });

  it("the demo clinic's staff are confirmed and sign in as before", async () => {
    for (const email of ["dr.ortiz@runclear.example", "pt.morgan@runclear.example", "admin@runclear.example", "admin2@runclear.example"]) {
      await signInAs(t.db, email);
      expect(await getCurrentUser()).toMatchObject({ setupStep: null });
    }
    expect(DEMO_PASSWORD).toBe("runclear-demo-2026");
  });
});
