import { expect, type Page } from "@playwright/test";

/** Collects console errors and page errors; call the returned check at the end of a test. */
export function watchConsole(page: Page): () => void {
  const errors: string[] = [];
  page.on("console", (m) => {
    // A refused sign-in step answers 401 by design (next-auth's credentials callback).
    if (m.type() === "error" && !m.location().url.includes("/api/auth/callback/credentials")) errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return () => expect(errors, `console errors on ${page.url()}`).toEqual([]);
}
