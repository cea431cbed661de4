import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// NIST SP 800-63B 5.1.1.2 and the OWASP Authentication Cheat Sheet: a length range, no
// composition rules, no silent trimming, and a check against common and context-specific words.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

const CONTEXT_WORDS = ["runclear", "sciatica"];

/** Why a password is refused, or null when it is acceptable. `email` adds the account's own words. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const words = commonPasswords();
  // A common password padded with digits or symbols ("password2026!") is just as guessable.
  const base = lower.replace(/[^a-z]+$/u, "");
  if (words.has(lower) || (base.length >= 4 && words.has(base)) || /^(.)\1+$/u.test(password)) {
    return "This password is too common. Choose something harder to guess, such as a few unrelated words.";
  }
  const local = email?.split("@")[0]?.toLowerCase();
  const contextWords = local && local.length >= 4 ? [...CONTEXT_WORDS, local] : CONTEXT_WORDS;
  if (contextWords.some((w) => lower.includes(w))) {
    return "Do not use your name, email or the name of this service in your password.";
  }
  return null;
}

/** The new-password field of a form; `email` is the account it is for. */
export function newPasswordSchema(email?: string) {
  return z.string().superRefine((value, ctx) => {
    const problem = passwordProblem(value, email);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}
