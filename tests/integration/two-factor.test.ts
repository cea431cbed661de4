import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { clinicSettings } from "@/db/schema/clinic-settings";
import { authSessions, loginAttempts } from "@/db/schema/sessions";
import { twoFactorCredentials, twoFactorRecoveryCodes } from "@/db/schema/two-factor";
import { users } from "@/db/schema/users";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { totpCodeAt } from "@/lib/auth/totp";
import { confirmStaffAccess, resetTwoFactor } from "@/lib/dal/accounts";
import { updateClinicSettings } from "@/lib/dal/clinic-settings";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getPatientChart } from "@/lib/dal/patients";
import { getCurrentUser, withOneSessionRead } from "@/lib/dal/session";
import { signInWithPassword, signInWithSecondFactor } from "@/lib/dal/internal/sign-in";
import { confirmTwoFactorSetup, getMyTwoFactor, renewRecoveryCodes, startTwoFactorSetup, turnOffTwoFactor } from "@/lib/dal/two-factor";
import { listWorklist } from "@/lib/dal/worklist";
import { patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";
import { signInAs, useSession } from "../support/people";

const IP = "203.0.113.30";
const SETTINGS = { clinicName: "Test Clinic", emergencyNumber: "911", urgentLineName: "the clinic's nurse line", urgentLineNumber: "", timeZone: "America/Chicago", locale: "en-US" };
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

async function enrol(db: Parameters<typeof signInAs>[0], email: string) {
  await signInAs(db, email);
  await startTwoFactorSetup();
  const secret = (await getMyTwoFactor()).pending!.secret.replaceAll(" ", "");
  const { recoveryCodes } = await confirmTwoFactorSetup({ code: totpCodeAt(secret, new Date()), password: DEMO_PASSWORD });
  return { secret, recoveryCodes };
}

async function challengeFor(email: string, ip = IP) {
  const first = await signInWithPassword({ email, password: DEMO_PASSWORD, ip, userAgent: "test" });
  if (first.ok || first.code !== "second_factor") throw new Error(`expected a second step, got ${JSON.stringify(first)}`);
  return first.challenge;
}

const second = (challenge: string, code: string, ip = IP) => signInWithSecondFactor({ challenge, code, ip, userAgent: "test" });

describeEachDatabase("two-factor sign-in", { seed: true }, (t) => {
  let chen: { secret: string; recoveryCodes: string[] };

  it("is set up with a QR address and a manual secret, confirmed with a first code and the password, and keeps the secret sealed", async () => {
    await signInAs(t.db, "dr.chen@runclear.example");
    expect(await getMyTwoFactor()).toMatchObject({ enabled: false, pending: null, required: false });
    await startTwoFactorSetup();
    const { pending } = await getMyTwoFactor();
    const secret = pending!.secret.replaceAll(" ", "");
    expect(pending!.uri).toContain(`secret=${secret}`);

    await expect(confirmTwoFactorSetup({ code: "000000", password: DEMO_PASSWORD })).rejects.toMatchObject({ fieldErrors: { code: [expect.stringMatching(/does not match/)] } });
    await expect(confirmTwoFactorSetup({ code: totpCodeAt(secret, new Date()), password: "not-my-password-at-all" })).rejects.toMatchObject({
      fieldErrors: { password: ["Your password is not correct."] },
    });
    // As in a server action: the caller's check, read once, sees its own account change.
    const { recoveryCodes } = await withOneSessionRead(async () => {
      expect(await getCurrentUser()).toMatchObject({ twoFactorEnabled: false });
      const confirmed = await confirmTwoFactorSetup({ code: totpCodeAt(secret, new Date()), password: DEMO_PASSWORD });
      expect(await getCurrentUser()).toMatchObject({ twoFactorEnabled: true });
      return confirmed;
    });
    expect(recoveryCodes).toHaveLength(10);
    chen = { secret, recoveryCodes };
    expect(await getMyTwoFactor()).toMatchObject({ enabled: true, recoveryCodesLeft: 10, pending: null });

    // At rest: sealed secret, hashed codes; nothing of either in the audit trail.
    const [row] = await t.db.select().from(twoFactorCredentials).innerJoin(users, eq(users.id, twoFactorCredentials.userId)).where(eq(users.email, "dr.chen@runclear.example"));
    expect(row!.two_factor_credentials.secret).toMatch(/^v1\./);
    expect(row!.two_factor_credentials.secret).not.toContain(secret);
    const codes = await t.db.select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, row!.users.id));
    expect(codes.map((c) => c.codeHash)).not.toContain(recoveryCodes[0]!.replace("-", ""));
    const trail = JSON.stringify(await t.db.select().from(auditEvents));
    expect(trail).not.toContain(secret);
    for (const code of recoveryCodes) expect(trail).not.toContain(code);
    expect(trail).toContain("two_factor.enable");
  });

  it("asks for a code after the password, accepts the adjacent step, and refuses the same code again", async () => {
    const challenge = await challengeFor("dr.chen@runclear.example");
    expect(await second(challenge, "000000")).toEqual({ ok: false, code: "code_invalid" });
    const code = totpCodeAt(chen.secret, later(30));
    expect(await second(challenge, code)).toMatchObject({ ok: true, user: { email: "dr.chen@runclear.example" } });
    // The challenge is spent, and the code cannot be replayed with a new one.
    expect(await second(challenge, code)).toEqual({ ok: false, code: "challenge_expired" });
    expect(await second(await challengeFor("dr.chen@runclear.example"), code)).toEqual({ ok: false, code: "code_invalid" });
    // A code two steps away is refused.
    expect(await second(await challengeFor("dr.chen@runclear.example"), totpCodeAt(chen.secret, later(90)))).toEqual({ ok: false, code: "code_invalid" });
  });

  it("binds the challenge to the address it was issued to", async () => {
    const challenge = await challengeFor("dr.chen@runclear.example");
    expect(await second(challenge, "123456", "198.51.100.99")).toEqual({ ok: false, code: "challenge_expired" });
    expect(await second("made-up-challenge-value-xyz", "123456")).toEqual({ ok: false, code: "challenge_expired" });
  });

  it("accepts each recovery code once, and audits its use", async () => {
    const [code] = chen.recoveryCodes;
    expect(await second(await challengeFor("dr.chen@runclear.example"), code!.toUpperCase())).toMatchObject({ ok: true });
    expect(await second(await challengeFor("dr.chen@runclear.example"), code!)).toEqual({ ok: false, code: "code_invalid" });
    const [used] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "two_factor.recovery_code_used"));
    expect(used).toMatchObject({ outcome: "success", resource: "recovery_codes_left:9", actorLabel: "dr.chen@runclear.example" });
    await signInAs(t.db, "dr.chen@runclear.example");
    expect((await getMyTwoFactor()).recoveryCodesLeft).toBe(9);
  });

  it("throttles wrong codes like wrong passwords", async () => {
    await t.db.delete(loginAttempts);
    const ip = "203.0.113.31";
    for (let i = 0; i < 5; i++) expect(await second(await challengeFor("dr.chen@runclear.example", ip), "111111", ip)).toMatchObject({ code: "code_invalid" });
    const next = await challengeFor("dr.chen@runclear.example", ip).catch((e: Error) => e.message);
    expect(next).toMatch(/throttled/);
    await t.db.delete(loginAttempts);
  });

  it("renews recovery codes and turns off only with a code or the password", async () => {
    await signInAs(t.db, "dr.chen@runclear.example");
    await expect(renewRecoveryCodes({ proof: "not-my-password-at-all" })).rejects.toBeInstanceOf(ValidationError);
    const { recoveryCodes } = await renewRecoveryCodes({ proof: DEMO_PASSWORD });
    expect(recoveryCodes).not.toContain(chen.recoveryCodes[1]);
    expect(await second(await challengeFor("dr.chen@runclear.example"), chen.recoveryCodes[1]!)).toMatchObject({ code: "code_invalid" });

    await signInAs(t.db, "dr.chen@runclear.example");
    await expect(turnOffTwoFactor({ proof: "999999" })).rejects.toMatchObject({ fieldErrors: { proof: [expect.stringMatching(/neither/)] } });
    await withOneSessionRead(async () => {
      await turnOffTwoFactor({ proof: DEMO_PASSWORD });
      expect(await getCurrentUser()).toMatchObject({ twoFactorEnabled: false });
    });
    expect(await getMyTwoFactor()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await signInWithPassword({ email: "dr.chen@runclear.example", password: DEMO_PASSWORD, ip: IP, userAgent: "test" })).toMatchObject({ ok: true });
  });

  it("is enforced by the clinic setting for physicians and administrators, before anything else", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await signInAs(t.db, "admin@runclear.example");
    await updateClinicSettings({ ...SETTINGS, reviewGraceDays: "7", twoFactorRequired: "on" });
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "clinic_settings.update"));
    expect(audit!.resource).toBe("clinic_settings:two_factor_required=on");
    // The administrator who turned it on is the first to be sent to set it up.
    expect(await getCurrentUser()).toMatchObject({ setupStep: "two_factor" });
    await expect(updateClinicSettings({ ...SETTINGS, reviewGraceDays: "7" })).rejects.toBeInstanceOf(NotFoundError);

    const ortiz = await signInAs(t.db, "dr.ortiz@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: "two_factor" });
    await expect(listWorklist()).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPatientChart(sam)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getMyTwoFactor()).toMatchObject({ required: true });

    await signInAs(t.db, "pt.morgan@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: null });
    await signInAs(t.db, "sam.rivera@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: null });

    const { secret } = await enrol(t.db, "dr.ortiz@runclear.example");
    useSession(ortiz);
    expect(await getCurrentUser()).toMatchObject({ setupStep: null, twoFactorEnabled: true });
    expect((await listWorklist()).rows.length).toBeGreaterThan(0);
    await expect(turnOffTwoFactor({ proof: totpCodeAt(secret, later(30)) })).rejects.toThrow(/requires two-factor sign-in/);

    await t.db.update(clinicSettings).set({ twoFactorRequired: false });
  });

  it("an administrator's reset makes the person set it up again, and a second administrator confirm them", async () => {
    const ortiz = await signInAs(t.db, "dr.ortiz@runclear.example");
    await signInAs(t.db, "admin2@runclear.example");
    await resetTwoFactor(ortiz.id);
    const [reset] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "account.reset_two_factor"));
    expect(reset).toMatchObject({ outcome: "allowed", resource: `user:${ortiz.id}` });
    const [session] = await t.db.select().from(authSessions).where(eq(authSessions.id, ortiz.sessionId));
    expect(session!.revokedAt).not.toBeNull();

    // Password alone again, then straight to set-up.
    expect(await signInWithPassword({ email: "dr.ortiz@runclear.example", password: DEMO_PASSWORD, ip: IP, userAgent: "test" })).toMatchObject({ ok: true });
    await signInAs(t.db, "dr.ortiz@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: "two_factor" });
    await enrol(t.db, "dr.ortiz@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: "confirmation" });
    await expect(listWorklist()).rejects.toBeInstanceOf(NotFoundError);

    await signInAs(t.db, "admin2@runclear.example");
    await expect(confirmStaffAccess(ortiz.id)).rejects.toThrow(/another administrator/);
    await signInAs(t.db, "admin@runclear.example");
    await confirmStaffAccess(ortiz.id);
    await signInAs(t.db, "dr.ortiz@runclear.example");
    expect(await getCurrentUser()).toMatchObject({ setupStep: null });
    const [row] = await t.db.select({ required: users.twoFactorEnrolmentRequired }).from(users).where(and(eq(users.id, ortiz.id)));
    expect(row!.required).toBe(false);
  });
});
