import { watchConsole } from "./support/console";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";
import { captureBothWidths } from "./support/screens";

test.use({ viewport: { width: 375, height: 800 } });

test("the physician asks for an Oswestry; on a phone the patient answers it section by section, leaves and resumes, sends it, and the chart shows the change", async ({ page, loginPage, browser }) => {
  test.setTimeout(150_000);
  const doctor = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const doctorConsole = watchConsole(doctor);
  await new LoginPage(doctor).signInAs("physician");
  await doctor.getByRole("link", { name: "Sam Rivera" }).first().click();
  const scores = doctor.getByRole("region", { name: "Outcome scores" });
  await expect(scores.getByText(/^Down \d+ points since baseline/)).toBeVisible();
  await expect(scores.getByText(/Plan goal .*Oswestry.*: met/)).toBeVisible();
  await scores.getByRole("button", { name: "Ask for Oswestry (ODI) now" }).click();
  await expect(scores.getByText("Asked: the patient sees it on their home page now.")).toBeVisible();
  await captureBothWidths(doctor, "chart-outcome-scores");

  const checkConsole = watchConsole(page);
  await loginPage.signInAs("patient");
  await page.getByRole("link", { name: /Start Oswestry \(ODI\)/ }).click();
  await expect(page.getByText("Section 1 of 10")).toBeVisible();
  await captureBothWidths(page, "questionnaire-odi-section");
  for (let i = 0; i < 5; i++) {
    await page.getByRole("radio").nth(1).check();
    await page.getByRole("button", { name: "Next" }).click();
  }
  await expect(page.getByText("Section 6 of 10")).toBeVisible();

  // Leaving the page keeps the answers: back on the home page it says Finish, and it resumes.
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await page.getByRole("link", { name: /Finish Oswestry \(ODI\)/ }).click();
  await expect(page.getByText("Section 6 of 10")).toBeVisible();
  await page.getByRole("button", { name: "Leave this section blank" }).click();
  for (let i = 0; i < 4; i++) {
    await page.getByRole("radio").nth(2).check();
    await page.getByRole("button", { name: "Next" }).click();
  }
  await expect(page.getByRole("heading", { name: "Check your answers" })).toBeVisible();
  await expect(page.getByText("Left blank")).toHaveCount(1);
  await captureBothWidths(page, "questionnaire-odi-review");
  await page.getByRole("button", { name: "Send my answers" }).click();
  // 5 × 1 + 4 × 2 = 13 of 45 answered points: 28.9, shown as 29.
  await expect(page.getByText(/Your score is 29 out of 100 \(moderate disability\)/)).toBeVisible();
  await captureBothWidths(page, "questionnaire-odi-sent");
  await page.getByRole("link", { name: "Back to today" }).click();
  await expect(page.getByRole("link", { name: /Oswestry \(ODI\)/ })).toHaveCount(0);
  checkConsole();

  await doctor.reload();
  await expect(scores.getByText(/^29/)).toBeVisible();
  await expect(scores.getByText(/since baseline \(44 on/)).toBeVisible();
  await expect(doctor.getByRole("figure", { name: "Recovery against the usual course" })).toBeVisible();
  doctorConsole();
});
