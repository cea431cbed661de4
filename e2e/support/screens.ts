import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";

/**
 * A page as people see it: a screenshot at desktop (1280 px) and phone (375 px) width, each with
 * an accessibility scan. Saved under test-results/screens/ (or E2E_OUTPUT_DIR/screens/) for review.
 */
export async function captureBothWidths(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page);
    await page.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? "test-results"}/screens/${name}-${width}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
