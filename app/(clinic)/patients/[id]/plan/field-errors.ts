/**
 * The server keys each refusal by the plan's path as it was sent (`items.3.justification`). Rows
 * can be removed after a refusal, so errors are tied to the keys of the rows that were sent,
 * never to where a row sits now.
 */

export type FieldErrors = Record<string, string[]>;

export interface SentRows {
  itemKeys: string[];
  goalKeys: string[];
}

const ROW_PATH = /^(items|goals)\.(\d+)\.(.+)$/;

/** One row's errors by their path inside the row (`dose.minutes`, `justification`). */
export function rowErrors(errors: FieldErrors | undefined, list: "items" | "goals", sentKeys: string[], key: string): FieldErrors {
  const index = sentKeys.indexOf(key);
  const out: FieldErrors = {};
  if (!errors || index < 0) return out;
  for (const [path, messages] of Object.entries(errors)) {
    const match = ROW_PATH.exec(path);
    if (match && match[1] === list && Number(match[2]) === index) out[match[3]!] = messages;
  }
  return out;
}

/** The messages of a row's errors that no control of it shows, so none goes unseen. */
export function unplacedMessages(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !shown.includes(path))
    .flatMap(([, messages]) => messages);
}

/** Plan-wide errors (not about one row) that no control shows: e.g. a malformed request. */
export function formLevelMessages(errors: FieldErrors | undefined, shown: readonly string[]): string[] {
  if (!errors) return [];
  return Object.entries(errors)
    .filter(([path]) => !ROW_PATH.test(path) && !shown.includes(path))
    .flatMap(([, messages]) => messages);
}
