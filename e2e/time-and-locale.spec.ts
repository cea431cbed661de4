import type { Page } from "@playwright/test";
import { accounts } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { captureBothWidths } from "./support/screens";
import { signedIn } from "./support/signed-in";

/**
 * Dates are written the clinic's way and times are read in the reader's zone: the clinic's for
 * staff, the patient's own for a patient. The demo clinic keeps Chicago time in en-US; this test
 * moves it to London in en-GB and back, so no other test sees the change.
 */
async function saveClinicFormat(page: Page, timeZone: string, locale: string) {
  await page.goto("/admin/settings");
  await page.getByLabel("Clinic time zone").selectOption(timeZone);
  await page.getByLabel("How dates and times are written").selectOption(locale);
  await page.getByRole("button", { name: "Save clinic settings" }).click();
  await expect(page.getByText("Clinic settings saved.")).toBeVisible();
}

test("the clinic's locale and zone reach every reader, and a patient reads times in their own zone", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser, accounts.admin.email);
  await saveClinicFormat(admin.page, "Europe/London", "en-GB");
  await captureBothWidths(admin.page, "settings-time-and-locale");
  try {
    // The audit trail's times are London times now.
    await admin.page.goto("/admin/audit");
    await expect(admin.page.getByRole("cell").filter({ hasText: /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} GMT/ }).first()).toBeVisible();

    const physician = await signedIn(browser, accounts.physician.email);
    await physician.page.getByRole("link", { name: "Sam Rivera" }).first().click();
    await expect(physician.page.getByText("born 12 Apr 1988")).toBeVisible();
    await expect(physician.page.getByText(/GMT/).first()).toBeVisible();
    physician.checkConsole();

    // Sam lives in Chicago: his record's times are his own zone's, in the clinic's way of writing.
    const sam = await signedIn(browser, accounts.patient.email);
    await sam.page.goto("/me/access");
    // British English names Chicago's zone by its offset: "2 Dec 2026, 04:16 GMT-6".
    await expect(sam.page.getByText(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} GMT-[56]\b/).first()).toBeVisible();
    await expect(sam.page.getByText(/GMT(?![-+])/)).toHaveCount(0);
    sam.checkConsole();
  } finally {
    await saveClinicFormat(admin.page, "America/Chicago", "en-US");
  }
  await admin.page.goto("/admin/audit");
  await expect(admin.page.getByRole("cell").filter({ hasText: /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM) (CST|CDT)/ }).first()).toBeVisible();
  admin.checkConsole();
});
