import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { loginAttempts } from "@/db/schema/sessions";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { changeOwnPassword } from "@/lib/dal/accounts";
import { signInWithPassword } from "@/lib/dal/internal/sign-in";
import { describeEachDatabase } from "../support/databases";
import { signInAs } from "../support/people";
import { setRequestAddress } from "../support/request-address";

const attempt = (email: string, password: string, ip = "203.0.113.50") => signInWithPassword({ email, password, ip, userAgent: "test" });
const retryAfter = (r: Awaited<ReturnType<typeof attempt>>) => (r.ok === false && r.code === "throttled" ? r.retryAfterSeconds : 0);

describeEachDatabase("sign-in throttling", { seed: true }, (t) => {
  it("makes one address wait after 5 failures for an account, even with the right password", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt("dr.chen@runclear.example", `wrong-${i}-password-x`)).toEqual({ ok: false, code: "invalid" });
    const sixth = await attempt("dr.chen@runclear.example", DEMO_PASSWORD);
    expect(sixth).toMatchObject({ ok: false, code: "throttled" });
    // 30 s after the fifth failure, less the time scrypt took since.
    expect(retryAfter(sixth)).toBeGreaterThan(0);
    expect(retryAfter(sixth)).toBeLessThanOrEqual(30);
  });

  it("does not let a stranger elsewhere lock a clinician out of their own workstation", async () => {
    const stranger = "198.51.100.7";
    const workstation = "203.0.113.10";
    for (let i = 0; i < 8; i++) await attempt("dr.ortiz@runclear.example", `guess-${i}-password-x`, stranger);
    expect(await attempt("dr.ortiz@runclear.example", DEMO_PASSWORD, stranger)).toMatchObject({ code: "throttled" });
    expect(await attempt("dr.ortiz@runclear.example", DEMO_PASSWORD, workstation)).toMatchObject({ ok: true });
  });

  it("stops guesses spread over many addresses at the account's ceiling of 50", async () => {
    const recent = new Date(Date.now() - 10_000);
    await t.db
      .insert(loginAttempts)
      .values(Array.from({ length: 50 }, (_, i) => ({ email: "priya.natarajan@runclear.example", ip: `198.51.100.${i + 1}`, succeeded: false, attemptedAt: recent })));
    const fromHome = await attempt("priya.natarajan@runclear.example", DEMO_PASSWORD, "203.0.113.20");
    expect(fromHome).toMatchObject({ ok: false, code: "throttled" });
    expect(retryAfter(fromHome)).toBeLessThanOrEqual(30);
  });

  it("throttles an unknown email exactly like a real one, so the answer reveals nothing", async () => {
    for (let i = 0; i < 5; i++) await attempt("nobody.here@runclear.example", `wrong-${i}-password-x`);
    expect(await attempt("nobody.here@runclear.example", "anything-at-all-1")).toMatchObject({ ok: false, code: "throttled" });
  });

  it("forgets failures older than 15 minutes, and the delay grows with more failures", async () => {
    const old = new Date(Date.now() - 16 * 60_000);
    await t.db.insert(loginAttempts).values(Array.from({ length: 8 }, () => ({ email: "pt.singh@runclear.example", ip: "203.0.113.60", succeeded: false, attemptedAt: old })));
    expect(await attempt("pt.singh@runclear.example", DEMO_PASSWORD, "203.0.113.60")).toMatchObject({ ok: true });

    const recent = new Date(Date.now() - 60_000);
    await t.db.insert(loginAttempts).values(Array.from({ length: 7 }, () => ({ email: "pt.morgan@runclear.example", ip: "203.0.113.61", succeeded: false, attemptedAt: recent })));
    // 7 failures: 30 s × 2² = 120 s after the last one, which was a minute ago.
    const result = await attempt("pt.morgan@runclear.example", DEMO_PASSWORD, "203.0.113.61");
    expect(result).toMatchObject({ ok: false, code: "throttled" });
    expect(retryAfter(result)).toBeGreaterThan(50);
  });

  it("throttles one address trying many accounts", async () => {
    // 20 failures from one address: 30 s after the last, which was 10 s ago.
    const recent = new Date(Date.now() - 10_000);
    await t.db.insert(loginAttempts).values(Array.from({ length: 20 }, (_, i) => ({ email: `guess${i}@runclear.example`, ip: "203.0.113.70", succeeded: false, attemptedAt: recent })));
    expect(await attempt("admin@runclear.example", DEMO_PASSWORD, "203.0.113.70")).toMatchObject({ ok: false, code: "throttled" });
    expect(await attempt("admin@runclear.example", DEMO_PASSWORD, "203.0.113.71")).toMatchObject({ ok: true });
  });

  it("counts a password change's current-password check as a sign-in attempt, throttled the same way", async () => {
    await signInAs(t.db, "admin2@runclear.example");
    setRequestAddress("203.0.113.80");
    const wrong = { currentPassword: "not-my-password-at-all", newPassword: "amber quarry lantern 9", confirmPassword: "amber quarry lantern 9" };
    for (let i = 0; i < 5; i++) {
      await expect(changeOwnPassword(wrong)).rejects.toMatchObject({ fieldErrors: { currentPassword: ["Your current password is not correct."] } });
    }
    // A stolen session cannot go on trying, not even with the right password now.
    await expect(changeOwnPassword({ ...wrong, currentPassword: DEMO_PASSWORD })).rejects.toMatchObject({
      fieldErrors: { currentPassword: [expect.stringMatching(/Too many sign-in attempts/)] },
    });
    const rows = await t.db.select().from(loginAttempts).where(and(eq(loginAttempts.email, "admin2@runclear.example"), eq(loginAttempts.kind, "password_change")));
    expect(rows).toHaveLength(5);
    // And the sign-in door from that address waits too.
    expect(await attempt("admin2@runclear.example", DEMO_PASSWORD, "203.0.113.80")).toMatchObject({ code: "throttled" });
    setRequestAddress(null);
  });
});
