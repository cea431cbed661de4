import { DATABASE_UNAVAILABLE_DIGEST } from "@/db/unavailable-digest";

export const UNAVAILABLE_TITLE = "RunClear is temporarily unavailable";
export const UNAVAILABLE_TEXT = "Its database is not answering right now. Nothing was changed. Please try again in a minute.";

/** Whether the server failed because the database was unreachable (its error's digest says so). */
export function isUnavailable(error: { digest?: string } | undefined): boolean {
  return error?.digest === DATABASE_UNAVAILABLE_DIGEST;
}
