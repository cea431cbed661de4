import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

async function blockingFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Fails on any serious or critical accessibility finding on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/RunClear/);
  let blocking = await blockingFindings(page);
  // Right after a client-side navigation Next.js swaps the page's <title> element for the new
  // one; a scan that lands in between sees none. Scan again once the title is back.
  if (blocking.some((b) => b.startsWith("document-title:"))) {
    await expect(page).toHaveTitle(/RunClear/);
    await page.waitForTimeout(250);
    blocking = await blockingFindings(page);
  }
  expect(blocking, `accessibility problems on ${page.url()}`).toEqual([]);
}
