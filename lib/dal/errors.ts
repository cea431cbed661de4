/**
 * A record out of the caller's reach is answered exactly like one that does not exist, so
 * its existence does not leak (pages call notFound(), actions return a not-found result).
 */
export class NotFoundError extends Error {
  constructor() {
    super("Not found");
    this.name = "NotFoundError";
  }
}

/** Someone else saved the record first; nothing was overwritten. */
export class ConflictError extends Error {
  constructor(message = "Someone else saved this record while you were editing. Reload to see their changes, then try again.") {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input the DAL refused; `fieldErrors` name the fields to show next to. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

/** A zod failure as field errors keyed by dotted path (what forms show next to each field). */
export function fieldErrorsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.map(String).join(".") || "form"] ??= []).push(issue.message);
  return out;
}
