import type { Page } from "@playwright/test";
import type { AccountKey } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { watchConsole } from "./support/console";
import { expect, test } from "./support/fixtures";

/**
 * Every page each role can reach, found by following the links a person sees, at desktop and
 * phone width: no console error, no serious or critical accessibility finding, and nothing wider
 * than the screen (tables scroll inside their own region). New pages are covered as soon as a link
 * leads to them. Each route is visited once per role: record ids are folded into the route's shape.
 */

const WIDTHS = [1280, 375] as const;
/** Bounded: a crawl that finds more routes than this has found a link loop, which fails the test. */
const MAX_ROUTES_PER_ROLE = 60;

/** /patients/3f2c…/exams/9a1b… → /patients/:id/exams/:id; query strings are the same page. */
function routeShape(path: string): string {
  return path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id")
    .replace(/\/\d+(?=\/|$)/g, "/:n")
    .replace(/\/$/, "");
}

/** Links a person can follow to another page of the app: same origin, not the API, no downloads. */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator("a[href]:not([download])").evaluateAll((links) =>
    links.map((a) => (a as HTMLAnchorElement).href).filter((href) => href.startsWith(window.location.origin)),
  );
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => !url.pathname.startsWith("/api/") && !url.pathname.startsWith("/_next/") && !/\.[a-z0-9]+$/i.test(url.pathname))
    .map((url) => url.pathname);
}

async function widerThanScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= limit) return [];
    // Name the widest offenders that are not inside a region that scrolls on its own.
    const scrolls = (el: Element | null): boolean => {
      for (let e = el?.parentElement ?? null; e; e = e.parentElement) {
        const overflow = getComputedStyle(e).overflowX;
        if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !scrolls(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")}`);
  });
}

const roles: AccountKey[] = ["physician", "therapist", "patient", "admin"];

for (const role of roles) {
  test(`every page a ${role} can reach fits the screen, is accessible and logs no error`, async ({ page, loginPage }) => {
    test.setTimeout(420_000);
    const checkConsole = watchConsole(page);
    await loginPage.signInAs(role);
    const start = new URL(page.url()).pathname;
    const queue = [start];
    const seen = new Map<string, string>([[routeShape(start), start]]);
    const visited: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      await page.setViewportSize({ width: WIDTHS[0], height: 900 });
      const response = await page.goto(path);
      expect(response?.status(), `${path} answered`).toBeLessThan(400);
      if (routeShape(new URL(page.url()).pathname).startsWith("/login")) throw new Error(`${path} sent the ${role} back to sign in`);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await expectAccessible(page);
        expect(await widerThanScreen(page), `${path} at ${width} px is wider than the screen`).toEqual([]);
      }
      visited.push(path);
      for (const link of await pageLinks(page)) {
        const shape = routeShape(link);
        if (seen.has(shape) || shape.startsWith("/login")) continue;
        seen.set(shape, link);
        queue.push(link);
      }
      expect(seen.size, `the ${role}'s crawl found more than ${MAX_ROUTES_PER_ROLE} routes`).toBeLessThanOrEqual(MAX_ROUTES_PER_ROLE);
    }
    checkConsole();
    // A crawl that stops at the home page has not checked anything worth the name.
    expect(visited.length, `pages visited as ${role}: ${visited.join(", ")}`).toBeGreaterThan(role === "admin" ? 3 : 4);
    test.info().annotations.push({ type: "pages", description: `${role}: ${visited.map(routeShape).join(" ")}` });
  });
}
