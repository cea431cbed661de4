/** What a form's server action answers; forms show `message` and each field's errors beside it. */
export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; notFound?: boolean };

export const NOT_FOUND_MESSAGE = "That record was not found, or you do not have access to it.";
