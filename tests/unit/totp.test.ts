import { describe, expect, it } from "vitest";
import { acceptedStep, groupedSecret, newTotpSecret, normalizeTotpCode, totpCodeAt, totpUri } from "@/lib/auth/totp";
import { newRecoveryCodes, normalizeRecoveryCode } from "@/lib/auth/recovery-codes";

// RFC 6238 appendix B's SHA-1 seed "12345678901234567890", in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (iso: string) => new Date(iso);

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors (last six digits)", () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000))).toBe("279037");
  });

  const now = at("2026-12-01T10:00:15Z");
  const step = Math.floor(now.getTime() / 30_000);
  const codeAt = (offsetSeconds: number) => totpCodeAt(RFC_SECRET, new Date(now.getTime() + offsetSeconds * 1000));

  it.each([
    ["now", 0, step],
    ["the step before", -30, step - 1],
    ["the step after", 30, step + 1],
  ])("accepts the code of %s", (_label, offset, expected) => {
    expect(acceptedStep(RFC_SECRET, codeAt(offset), null, now)).toBe(expected);
  });

  it.each([
    ["two steps before", -60],
    ["two steps after", 60],
    ["ten minutes old", -600],
  ])("refuses the code of %s", (_label, offset) => {
    expect(acceptedStep(RFC_SECRET, codeAt(offset), null, now)).toBeNull();
  });

  it("refuses a code already used, and any earlier one, within its window", () => {
    expect(acceptedStep(RFC_SECRET, codeAt(0), step, now)).toBeNull();
    expect(acceptedStep(RFC_SECRET, codeAt(-30), step, now)).toBeNull();
    expect(acceptedStep(RFC_SECRET, codeAt(30), step, now)).toBe(step + 1);
  });

  it("takes codes with a space or dash, and nothing that is not six digits", () => {
    const code = codeAt(0);
    expect(acceptedStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).toBe(step);
    expect(normalizeTotpCode("123-456")).toBe("123456");
    for (const bad of ["12345", "1234567", "abcdef", "", "12 34 5"]) expect(normalizeTotpCode(bad)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth address an app can scan", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, "dr.ortiz@runclear.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\/RunClear:dr\.ortiz%40runclear\.example\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=RunClear");
    expect(groupedSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("are ten different codes of ten characters without look-alikes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("are read back however they are typed", () => {
    expect(normalizeRecoveryCode(" ABCDE-FGHJK ")).toBe("abcdefghjk");
    expect(normalizeRecoveryCode("abcde fghjk")).toBe("abcdefghjk");
    for (const bad of ["abcde-fghj", "abcde-fghjkl", "abcde-fghj1", "123456"]) expect(normalizeRecoveryCode(bad)).toBeNull();
  });
});
