import { accounts } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { captureBothWidths } from "./support/screens";
import { signedIn } from "./support/signed-in";

/**
 * Every screen that shows the state in force, read without changing anything, at desktop and
 * phone width with an accessibility scan and no console errors. Kenji Watanabe (demo clinic) was
 * cleared with limits, then reported worsening leg weakness at a check-in: every screen must say
 * he may not run.
 */
test("the patient's own screens say not to run while his red flag is open", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, checkConsole } = await signedIn(browser, "kenji.watanabe@runclear.example");
  await page.goto("/me");
  await expect(page.getByText("Do not run. Get emergency care now.").first()).toBeVisible();
  await expect(page.getByText(/Cleared to run/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Call 911/ }).first()).toBeVisible();
  await captureBothWidths(page, "state-me-home");

  await page.goto("/me/log");
  await expect(page.getByText(/Do not run/).first()).toBeVisible();
  await captureBothWidths(page, "state-me-log");

  await page.goto("/me/check-in");
  await expect(page.getByText(/what is new, or getting worse/).first()).toBeVisible();
  await captureBothWidths(page, "state-me-check-in");

  await page.goto("/me/emergency");
  await expect(page.getByText(/nurse line/).first()).toBeVisible();
  await captureBothWidths(page, "state-me-emergency");

  await page.goto("/me/progress");
  await captureBothWidths(page, "state-me-progress");
  checkConsole();
});

test("the physician's screens show the same state, and the forms that act on it", async ({ browser }) => {
  test.setTimeout(150_000);
  const { page, checkConsole } = await signedIn(browser, accounts.otherPhysician.email);
  await page.goto("/patients");
  const row = page.getByRole("row").filter({ hasText: "Kenji Watanabe" });
  await expect(row).toContainText("Not cleared: red flag open");
  await expect(page.getByRole("row").filter({ hasText: "Diego Alvarez" })).toContainText("Not cleared: review overdue");
  await captureBothWidths(page, "state-worklist");

  await row.getByRole("link", { name: "Kenji Watanabe" }).click();
  await expect(page.getByRole("heading", { name: "Emergency red flag: emergency care now" })).toBeVisible();
  await expect(page.getByText("A red flag is open: record how it was resolved before marking the episode healed.")).toBeVisible();
  await captureBothWidths(page, "state-chart");
  const chart = page.url();

  await page.goto(`${chart}/clearance`);
  await expect(page.getByText(/In force now/).first()).toBeVisible();
  await captureBothWidths(page, "state-clearance");

  await page.goto(`${chart}/plan`);
  await expect(page.getByText(/Paused for the patient/).first()).toBeVisible();
  await captureBothWidths(page, "state-plan-editor");

  await page.goto(`${chart}/exams/new`);
  await captureBothWidths(page, "state-exam-new");
  checkConsole();
});

test("the therapist's caseload and adherence view, the clinic's emergency settings, and the audit trail", async ({ browser }) => {
  test.setTimeout(120_000);
  const therapist = await signedIn(browser, accounts.otherTherapist.email);
  await therapist.page.goto("/patients");
  await expect(therapist.page.getByRole("row").filter({ hasText: "Kenji Watanabe" }).first()).toContainText("Not cleared: red flag open");
  await captureBothWidths(therapist.page, "state-caseload");
  const href = await therapist.page.getByRole("link", { name: "Kenji Watanabe" }).first().getAttribute("href");
  const chart = /^\/patients\/[0-9a-f-]{36}/.exec(href ?? "")![0];
  await therapist.page.goto(`${chart}/adherence`);
  await expect(therapist.page.getByText("Not cleared: red flag open").first()).toBeVisible();
  await captureBothWidths(therapist.page, "state-adherence");
  therapist.checkConsole();

  const admin = await signedIn(browser, accounts.admin.email);
  await admin.page.goto("/admin/settings");
  await expect(admin.page.getByLabel(/Emergency number/).first()).toHaveValue("911");
  await captureBothWidths(admin.page, "state-admin-settings");

  // The audit trail reads in words, and a backwards date range is pointed out, not "no entries".
  await admin.page.goto("/admin/audit?from=2026-12-10&to=2026-12-01");
  await expect(admin.page.getByText("The To date is before the From date: choose a To date on or after 2026-12-10.")).toBeVisible();
  await admin.page.goto("/admin/audit");
  await expect(admin.page.getByRole("cell").getByText("Sign in", { exact: true }).first()).toBeVisible();
  await captureBothWidths(admin.page, "admin-audit");
  admin.checkConsole();
});
