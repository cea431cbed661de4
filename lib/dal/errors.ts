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
