import { randomInt } from "node:crypto";

/**
 * One-time recovery codes for when the authenticator is lost: ten codes of ten characters from a
 * 31-character alphabet without look-alikes (0/o, 1/l/i), about 50 bits each, shown once as
 * "abcde-fghjk" and stored only as keyed hashes.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The code as stored (hashed): lower case, without spaces or dashes; null if it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}
