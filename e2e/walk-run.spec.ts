import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/accounts";
import { watchConsole } from "./support/console";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";
import { captureBothWidths } from "./support/screens";

test.use({ viewport: { width: 375, height: 800 } });

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function logRun(page: Page, date: string, pain: { during: string; after: string }) {
  await page.getByLabel("Date of the run").fill(date);
  await page.getByLabel("Minutes").fill("25");
  await page.getByLabel("Distance (km)").fill("3");
  await page.getByLabel("Effort (1 easy – 10 all-out)").fill("3");
  await page.getByLabel("Pain before (0–10)").fill("1");
  await page.getByLabel("Pain during (0–10)").fill(pain.during);
  await page.getByLabel("Pain after (0–10)").fill(pain.after);
  await page.getByRole("button", { name: "Save run" }).click();
}

test("signed off, a runner advances a stage after two good runs with a rest day, steps back after a painful one, and the physician sees it", async ({ browser, page }) => {
  test.setTimeout(180_000);
  const doctor = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const doctorConsole = watchConsole(doctor);
  await new LoginPage(doctor).signInAs("physician");
  await doctor.getByRole("link", { name: "Priya Natarajan" }).first().click();
  const card = doctor.getByRole("region", { name: "Walk/run programme" });
  await card.getByRole("button", { name: "Sign off and start at stage 1" }).click();
  await expect(card.getByText(/Not ticked: /)).toBeVisible();
  for (const label of ["Cleared to run", "No red flags", "Pain at rest ≤ 2/10", "30 min brisk walking without worsening symptoms"]) await card.getByLabel(label).check();
  await card.getByRole("button", { name: "Sign off and start at stage 1" }).click();
  await expect(card.getByText("Stage 1 of 8: Run 1 min, walk 4 min, 5 times")).toBeVisible();
  await captureBothWidths(doctor, "walk-run-chart-started");

  const checkConsole = watchConsole(page);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("priya.natarajan@runclear.example", DEMO_PASSWORD);
  await page.waitForURL("**/me");
  await expect(page.getByRole("heading", { name: "Walk/run programme: Stage 1 of 8" })).toBeVisible();
  await expect(page.getByText("Today's session: Run 1 min, walk 4 min, 5 times.")).toBeVisible();
  await captureBothWidths(page, "walk-run-home");

  await page.getByRole("link", { name: "Daily log" }).click();
  const today = await page.getByLabel("Date of the run").inputValue();
  // Two calm runs with a rest day between, each settled by the next morning.
  await logRun(page, shift(today, -3), { during: "2", after: "2" });
  await expect(page.getByText(/Walk\/run programme: Tomorrow morning, enter your pain/)).toBeVisible();
  await page.getByRole("textbox", { name: /^Next-morning pain after the .* run/ }).first().fill("1");
  await page.getByRole("button", { name: "Save", exact: true }).first().click();
  // The programme card follows at once: one good run counted at stage 1.
  await expect(page.getByText(/^1 of 2 good runs at this stage\./)).toBeVisible();
  await logRun(page, shift(today, -1), { during: "2", after: "2" });
  await expect(page.getByText(/Walk\/run programme: Tomorrow morning/)).toBeVisible();
  await page.getByRole("textbox", { name: /^Next-morning pain after the .* run/ }).first().fill("1");
  await page.getByRole("button", { name: "Save", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Walk/run programme: Stage 2 of 8" })).toBeVisible();
  await expect(page.getByText("Latest: Moved up to stage 2.")).toBeVisible();
  // The last run was yesterday: today is a rest day.
  await expect(page.getByText(/^Rest day today: you ran yesterday\./)).toBeVisible();

  // A painful run: back to stage 1, explained, and the care team told.
  await logRun(page, today, { during: "7", after: "6" });
  await expect(page.getByText(/Walk\/run programme: You go back from stage 2 to stage 1/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Stepped back to stage 1:/)).toBeVisible();
  await captureBothWidths(page, "walk-run-stepped-back");
  checkConsole();

  await doctor.reload();
  await expect(card.getByText(/^Stepped back to stage 1 on/)).toBeVisible();
  await expect(doctor.getByText("Walk/run: stepped back to stage 1").first()).toBeVisible();
  await captureBothWidths(doctor, "walk-run-chart-stepped-back");
  await doctor.getByRole("link", { name: "My patients" }).click();
  await expect(doctor.getByRole("row").filter({ hasText: "Priya Natarajan" })).toContainText("Walk/run: stepped back to stage 1");
  doctorConsole();
});
