import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing (scrypt, OWASP parameters)", () => {
  it("stores scrypt with N = 2^17, r = 8, p = 1 and a random salt", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse battery"), hashPassword("correct horse battery")]);
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
  });

  it("accepts the right password and refuses others", async () => {
    const stored = await hashPassword("runclear-demo-2026");
    expect(await verifyPassword("runclear-demo-2026", stored)).toBe(true);
    expect(await verifyPassword("runclear-demo-2027", stored)).toBe(false);
    expect(await verifyPassword(" runclear-demo-2026", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("refuses a malformed stored hash instead of throwing", async () => {
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});
