/**
 * The digest an unavailable database's error carries to the error pages (Next.js keeps an
 * error's own digest), so they can say "temporarily unavailable" rather than "went wrong". A file
 * of its own so the browser's error pages take this string without the database error classes.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "RUNCLEAR_DATABASE_UNAVAILABLE";
