import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { clinicSettings as clinicSettingsTable } from "@/db/schema/clinic-settings";
import { authSessions } from "@/db/schema/sessions";
import { users } from "@/db/schema/users";
import { changeOwnPassword, confirmStaffAccess, deactivateAccount, resetPassword } from "@/lib/dal/accounts";
import { getClinicSettings, updateClinicSettings } from "@/lib/dal/clinic-settings";
import { NotFoundError } from "@/lib/dal/errors";
import { listWorklist } from "@/lib/dal/worklist";
import { endSession } from "@/lib/dal/internal/sessions";
import { getCurrentUser, withOneSessionRead } from "@/lib/dal/session";
import { describeEachDatabase } from "../support/databases";
import { signInAs, useSession } from "../support/people";

describeEachDatabase("sessions", { seed: true }, (t) => {
  it("a signed-out session stops working even with the old cookie", async () => {
    const ortiz = await signInAs(t.db, "dr.ortiz@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ email: "dr.ortiz@runclear.example" });
    await endSession(ortiz.sessionId);
    useSession(ortiz);
    expect(await getCurrentUser()).toBeNull();
    await expect(listWorklist()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("ends after 30 idle minutes and after 12 hours in all", async () => {
    const idle = await signInAs(t.db, "dr.chen@runclear.example");
    await t.db.update(authSessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(authSessions.id, idle.sessionId));
    expect(await getCurrentUser()).toBeNull();

    const recent = await signInAs(t.db, "dr.chen@runclear.example");
    await t.db.update(authSessions).set({ lastSeenAt: new Date(Date.now() - 29 * 60_000) }).where(eq(authSessions.id, recent.sessionId));
    expect(await getCurrentUser()).not.toBeNull();

    const old = await signInAs(t.db, "dr.chen@runclear.example");
    await t.db.update(authSessions).set({ createdAt: new Date(Date.now() - 12 * 3_600_000 - 60_000) }).where(eq(authSessions.id, old.sessionId));
    expect(await getCurrentUser()).toBeNull();
  });

  it("deactivation refuses the account's live sessions at their next request", async () => {
    const singh = await signInAs(t.db, "pt.singh@runclear.example");
    expect((await listWorklist()).rows).not.toHaveLength(0);
    await signInAs(t.db, "admin@runclear.example");
    await deactivateAccount(singh.id);
    useSession(singh);
    expect(await getCurrentUser()).toBeNull();
    await expect(listWorklist()).rejects.toBeInstanceOf(NotFoundError);
    await t.db.update(users).set({ active: true }).where(eq(users.id, singh.id));
  });

  it("a reset password ends sessions, must be changed, and waits for a second administrator", async () => {
    const morgan = await signInAs(t.db, "pt.morgan@runclear.example");
    await signInAs(t.db, "admin@runclear.example");
    const { oneTimePassword } = await resetPassword(morgan.id);
    useSession(morgan);
    expect(await getCurrentUser()).toBeNull();

    await signInAs(t.db, "pt.morgan@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ mustChangePassword: true });
    await expect(listWorklist()).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeOwnPassword({ currentPassword: oneTimePassword, newPassword: "short", confirmPassword: "short" })).rejects.toMatchObject({
      fieldErrors: { newPassword: ["Use at least 12 characters."] },
    });
    const mine = "copper meadow bicycle 7";
    await changeOwnPassword({ currentPassword: oneTimePassword, newPassword: mine, confirmPassword: mine });
    expect(await getCurrentUser()).toMatchObject({ mustChangePassword: false, setupStep: "confirmation" });
    // The resetting administrator knew a password of the account: another one must confirm it.
    await expect(listWorklist()).rejects.toBeInstanceOf(NotFoundError);
    await signInAs(t.db, "admin2@runclear.example");
    await confirmStaffAccess(morgan.id);
    await signInAs(t.db, "pt.morgan@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: null });
    expect((await listWorklist()).rows).not.toHaveLength(0);
  });

  it("an action or a route handler reads the session once, and again after changing the caller's own account", async () => {
    // One read: the door's check and the DAL's checks see the same answer, even if the session ended in between.
    const chen = await signInAs(t.db, "dr.chen@runclear.example");
    await withOneSessionRead(async () => {
      expect(await getCurrentUser()).toMatchObject({ email: "dr.chen@runclear.example" });
      await endSession(chen.sessionId);
      expect(await getCurrentUser()).toMatchObject({ email: "dr.chen@runclear.example" });
    });
    // The next call reads afresh.
    await withOneSessionRead(async () => expect(await getCurrentUser()).toBeNull());

    // Changing one's own password: the rest of the call sees the change.
    const morgan = await signInAs(t.db, "pt.morgan@runclear.example");
    await signInAs(t.db, "admin@runclear.example");
    const { oneTimePassword } = await resetPassword(morgan.id);
    await signInAs(t.db, "pt.morgan@runclear.example");
    await withOneSessionRead(async () => {
      expect(await getCurrentUser()).toMatchObject({ mustChangePassword: true });
      const mine = "lantern orchard pebble 4";
      await changeOwnPassword({ currentPassword: oneTimePassword, newPassword: mine, confirmPassword: mine });
      expect(await getCurrentUser()).toMatchObject({ mustChangePassword: false });
    });

    // The clinic's two-factor rule is part of the administrator's own check.
    await signInAs(t.db, "admin@runclear.example");
    const settings = await getClinicSettings();
    try {
      await withOneSessionRead(async () => {
        expect(await getCurrentUser()).toMatchObject({ setupStep: null });
        await updateClinicSettings({ ...settings, twoFactorRequired: true });
        expect(await getCurrentUser()).toMatchObject({ setupStep: "two_factor" });
      });
    } finally {
      await t.db.update(clinicSettingsTable).set({ twoFactorRequired: settings.twoFactorRequired });
    }
  });
});
