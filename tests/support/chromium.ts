import fs from "node:fs";

/**
 * The system's Chromium for every browser test (Playwright cannot download one here), or
 * CHROMIUM_PATH. Debian's headless shell first: it is the build Playwright itself runs for
 * headless tests, without the full browser's window and compositor. On this 2-core machine it
 * took the access-control journeys from 2.1 to 1.5 minutes and Chromium's share of a core from
 * 105 % to 64 % (7 December 2026); the full browser runs the same tests when it is all there is.
 */
export function chromiumExecutable(): string | undefined {
  const installed = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  return process.env.CHROMIUM_PATH || installed;
}

/** No sandbox (the tests run as root); nothing that reaches out to Google's hosts, which this machine refuses. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
