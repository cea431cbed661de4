/** What a form's server action answers; forms show `message` and each field's errors beside it. */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; notFound?: boolean };

export const NOT_FOUND_MESSAGE = "That record was not found, or you do not have access to it.";

/** An action that failed because the database did not answer: nothing was written. */
export const UNAVAILABLE_MESSAGE = "RunClear cannot reach its database right now, so nothing was saved. Please try again in a moment.";
export const FAILED_MESSAGE = "Something went wrong and nothing was saved. Please try again.";
