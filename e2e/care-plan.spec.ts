import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";

test("a 16-item plan, folded, is under 3,000 px tall in the editor on a phone", async ({ page, loginPage }) => {
  await loginPage.signInAs("physician");
  await page.getByRole("link", { name: "Sam Rivera" }).first().click();
  await page.getByRole("link", { name: "Edit the plan and see its versions" }).click();
  await page.setViewportSize({ width: 375, height: 800 });
  const editor = page.getByRole("region", { name: "Edit the plan" });
  await expect(editor.getByRole("group", { name: "Items (16)" })).toBeVisible();
  const height = await editor.evaluate((e) => e.getBoundingClientRect().height);
  expect(height, "the folded editor's height at 375 px").toBeLessThan(3000);
  await expectAccessible(page);
});

test("build a plan from a template, hit a guardrail, justify it, save, and see the new version", async ({ page, loginPage }) => {
  test.setTimeout(120_000);
  await loginPage.signInAs("physician");
  await page.goto("/patients?q=Becker");
  await page.getByRole("link", { name: "Tom Becker" }).click();
  await page.getByRole("link", { name: "Edit the plan and see its versions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Care plan — Tom Becker/ })).toBeVisible();
  await expect(page.getByText(/No clearance is in force: running can be planned, and the patient sees it paused/)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Template").selectOption({ label: "Disc herniation, self-care" });
  await page.getByRole("button", { name: "Replace items with this template" }).click();
  // Template items fold to one line each (name and dose) and open to edit.
  const heatPack = page.locator("details", { has: page.locator("summary", { hasText: "Heat pack" }) });
  await expect(heatPack.locator("summary")).toContainText("Heat pack · ");
  await expect(page.getByLabel("Heat pack: Minutes")).toBeHidden();
  await heatPack.locator("summary").click();
  await expect(page.getByLabel("Heat pack: Minutes")).toBeVisible();

  await page.getByLabel("Catalogue item").selectOption({ label: "Prescription medicine" });
  await page.getByRole("button", { name: "Add item" }).click();
  await page.getByLabel("Prescription medicine: Medicine").fill("Pregabalin");
  await page.getByLabel("Pregabalin: Amount of one dose").fill("75");
  await page.getByLabel("Pregabalin: Unit").selectOption("mg");
  await page.getByLabel("Pregabalin: Times a day, at most").fill("2");
  await page.getByLabel("Pregabalin: Number of days").fill("14");
  await expect(page.getByText("Guardrail warning")).toBeVisible();

  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText(/Record why you are prescribing it anyway/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Why prescribe it anyway?").fill("Severe night pain despite first-line treatment; two-week trial agreed with the patient.");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible();

  if (!(await page.getByLabel("Heat pack: Minutes").isVisible())) await heatPack.locator("summary").click();
  await page.getByLabel("Heat pack: Minutes").fill("20");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await expect(page.getByText(/Changed Heat pack: 15 minutes.* → 20 minutes/).first()).toBeVisible();

  await page.getByRole("link", { name: /^Version 2 — by Dr\. Elena Ortiz/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Care plan, version 2 — Tom Becker/ })).toBeVisible();
  await expect(page.getByText(/Changed Heat pack/).first()).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page);
});

test("a therapist reads the chart, plan and clearance of an assigned patient but gets no forms to change them", async ({ page, loginPage }) => {
  await loginPage.signInAs("therapist");
  await expect(page.getByRole("link", { name: "Register a patient" })).toHaveCount(0);
  await page.getByRole("link", { name: "Sam Rivera" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sam Rivera" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New examination" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New examination" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark episode healed" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "See the plan and its versions" }).click();
  await expect(page.getByRole("heading", { name: "Current plan" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save new version" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goBack();
  await page.getByRole("link", { name: "See clearance and history" }).click();
  await expect(page.getByRole("button", { name: "Sign clearance decision" })).toHaveCount(0);
  await expectAccessible(page);
});
