import { randomInt } from "node:crypto";

// No look-alike characters (0/O, 1/l/I), so a password read out or copied by hand survives.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A one-time password for a new account or a reset: 4 groups of 4, about 79 bits. */
export function oneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}
