import { captureBothWidths } from "./support/screens";
import { watchConsole } from "./support/console";
import { expect, test } from "./support/fixtures";

const INJURY = "Injury (e.g. fall, road traffic accident)";

test("a physician reads the outcomes dashboard, and a new diagnosis moves its figures", async ({ page, loginPage }) => {
  const consoleClean = watchConsole(page);
  await loginPage.signInAs("physician");
  await page.getByRole("link", { name: "Outcomes" }).click();
  await expect(page.getByRole("heading", { name: "Outcomes", level: 1 })).toBeVisible();
  await expect(page.getByText(/\d+ episodes? opened by an exam in your care team/)).toBeVisible();
  for (const heading of ["Not improving by week 6", "Patients by stage of the walk/run programme", "Back to continuous running", "Change in ODI and pain, by root cause", "Adherence against outcome"]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  // Dr. Ortiz is not clinical lead: no switch to the whole clinic.
  await expect(page.getByRole("link", { name: "Whole clinic" })).toHaveCount(0);
  const byCause = page.getByRole("table", { name: "Median change in ODI and pain by root cause" });
  await expect(byCause.getByRole("rowheader", { name: /^All \(\d+\)$/ })).toBeVisible();
  await expect(byCause.getByRole("rowheader", { name: new RegExp(`^${INJURY.replace(/[().]/g, "\\$&")}`) })).toHaveCount(0);
  await captureBothWidths(page, "outcomes");

  // Grace Liu's root cause is revised to an injury: the dashboard gains that root cause.
  await page.getByRole("link", { name: "My patients" }).click();
  await page.getByRole("link", { name: "Grace Liu" }).click();
  await page.getByRole("link", { name: "Record or update the diagnosis" }).click();
  await page.getByLabel("Condition").selectOption({ label: INJURY });
  await page.getByRole("group", { name: "Side" }).getByLabel("Left").check();
  await page.getByRole("group", { name: "Confirmed by" }).getByLabel("Clinical examination").check();
  await page.getByRole("button", { name: "Record diagnosis" }).click();
  await expect(page.getByText("Diagnosis recorded.")).toBeVisible();

  await page.getByRole("link", { name: "Outcomes" }).click();
  await expect(byCause.getByRole("rowheader", { name: `${INJURY} (1)` })).toBeVisible();
  await page.getByLabel("Root cause", { exact: true }).selectOption({ label: INJURY });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/cause=trauma/);
  await expect(page.getByText(/^1 episode opened by an exam in your care team, root cause: Injury/)).toBeVisible();
  await expect(page.getByText("Few patients: read the figures as individual stories, not rates.", { exact: false })).toBeVisible();
  await captureBothWidths(page, "outcomes-one-cause");

  // The worklist offers the week-6 filter.
  await page.getByRole("link", { name: "My patients" }).click();
  await expect(page.getByRole("heading", { name: "My patients", level: 1 })).toBeVisible();
  await page.getByRole("checkbox", { name: "Not improving by week 6" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/course=not_improving/);
  await captureBothWidths(page, "worklist-not-improving");
  consoleClean();
});

test("therapists have no outcomes dashboard", async ({ page, loginPage }) => {
  await loginPage.signInAs("therapist");
  await expect(page.getByRole("link", { name: "Outcomes" })).toHaveCount(0);
  await page.goto("/outcomes");
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
});
