/**
 * The sign-in outcomes next-auth carries to the sign-in form as its error string, and the words
 * the form shows for them. None says whether an email has an account.
 */
export type SignInFailure =
  | { ok: false; code: "invalid" }
  | { ok: false; code: "throttled"; retryAfterSeconds: number }
  /** The password was right; a code from the authenticator (or a recovery code) completes it. */
  | { ok: false; code: "second_factor"; challenge: string }
  | { ok: false; code: "code_invalid" }
  /** The second step took too long, failed too often, or came from another address. */
  | { ok: false; code: "challenge_expired" };

export function signInErrorCode(failure: SignInFailure): string {
  switch (failure.code) {
    case "throttled":
      return `throttled:${failure.retryAfterSeconds}`;
    case "second_factor":
      return `second_factor:${failure.challenge}`;
    default:
      return failure.code;
  }
}

export type SignInStep = { step: "code"; challenge: string } | { step: "message"; message: string; backToPassword: boolean };

export const SIGN_IN_FAILED = "The email or password is incorrect.";

export function waitMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many sign-in attempts. Please wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
}

/** What the form does with next-auth's error string. */
export function readSignInError(error: string | null | undefined): SignInStep {
  const text = error ?? "";
  const challenge = /^second_factor:([A-Za-z0-9_-]{20,100})$/.exec(text);
  if (challenge) return { step: "code", challenge: challenge[1]! };
  const throttled = /^throttled:(\d+)$/.exec(text);
  if (throttled) return { step: "message", message: waitMessage(Number(throttled[1])), backToPassword: false };
  if (text === "code_invalid") {
    return { step: "message", message: "That code is not right. Enter the newest code from your app, or a recovery code.", backToPassword: false };
  }
  if (text === "unavailable") {
    return { step: "message", message: "RunClear cannot reach its database just now. Nothing was changed: please try again in a minute.", backToPassword: false };
  }
  if (text === "challenge_expired") {
    return { step: "message", message: "That sign-in has expired. Please enter your email and password again.", backToPassword: true };
  }
  return { step: "message", message: SIGN_IN_FAILED, backToPassword: true };
}
