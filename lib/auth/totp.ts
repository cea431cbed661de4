import { Secret, TOTP } from "otpauth";

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app expects them: SHA-1,
 * 6 digits, 30-second steps. Only the adjacent step either side is accepted (RFC 6238 §5.2
 * recommends at most one step of allowed drift).
 */
const ISSUER = "RunClear";
const PERIOD_SECONDS = 30;
const WINDOW = 1;

function totp(secretBase32: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new 160-bit secret (RFC 4226 §4 recommends 160 bits), in base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address the QR code carries. */
export function totpUri(secretBase32: string, accountLabel: string): string {
  return totp(secretBase32, accountLabel).toString();
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.match(/.{1,4}/g)?.join(" ") ?? secretBase32;
}

/** What someone typed, as six digits, or null ("123 456" and "123-456" are fine). */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}

/**
 * The time step a code belongs to when it is right for now or an adjacent step and later than
 * the last step accepted for this secret; otherwise null. Recording the returned step makes the
 * same code (and every earlier one) useless afterwards: no replay within its window.
 */
export function acceptedStep(secretBase32: string, input: string, lastUsedStep: number | null, now: Date): number | null {
  const code = normalizeTotpCode(input);
  if (!code) return null;
  const generator = totp(secretBase32);
  const delta = generator.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = generator.counter({ timestamp: now.getTime() }) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/** The code an authenticator shows at `at` (for tests and the enrolment check). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}
