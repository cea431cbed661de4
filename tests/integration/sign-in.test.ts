import { expect, it } from "vitest";
import { loginAttempts } from "@/db/schema/sessions";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { signInWithPassword } from "@/lib/dal/sign-in";
import { describeEachDatabase } from "../support/databases";

const attempt = (email: string, password: string, ip = "203.0.113.50") => signInWithPassword({ email, password, ip, userAgent: "test" });

describeEachDatabase("sign-in throttling", { seed: true }, (t) => {
  it("lets 5 failures through, then makes the account wait, even with the right password", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt("dr.chen@runclear.example", `wrong-${i}-password-x`)).toEqual({ ok: false, code: "invalid" });
    const sixth = await attempt("dr.chen@runclear.example", DEMO_PASSWORD);
    expect(sixth).toMatchObject({ ok: false, code: "throttled" });
    expect(sixth.ok === false && sixth.code === "throttled" && sixth.retryAfterSeconds).toBeGreaterThan(25);
    // Per account: another address does not get around it.
    expect(await attempt("dr.chen@runclear.example", DEMO_PASSWORD, "192.0.2.99")).toMatchObject({ code: "throttled" });
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
    expect(result.ok === false && result.code === "throttled" && result.retryAfterSeconds).toBeGreaterThan(50);
  });

  it("throttles one address trying many accounts", async () => {
    // 20 failures from one address: 30 s after the last, which was 10 s ago.
    const recent = new Date(Date.now() - 10_000);
    await t.db.insert(loginAttempts).values(Array.from({ length: 20 }, (_, i) => ({ email: `guess${i}@runclear.example`, ip: "203.0.113.70", succeeded: false, attemptedAt: recent })));
    expect(await attempt("admin@runclear.example", DEMO_PASSWORD, "203.0.113.70")).toMatchObject({ ok: false, code: "throttled" });
    expect(await attempt("admin@runclear.example", DEMO_PASSWORD, "203.0.113.71")).toMatchObject({ ok: true });
  });
});
