import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

test.use({ viewport: { width: 375, height: 800 } });

test("a patient reports a red flag on a phone, sees the emergency screen, and the physician must acknowledge it", async ({ page, loginPage, browser }) => {
  await loginPage.signInAs("patient");
  await page.getByRole("link", { name: "Emergency signs" }).click();
  await expect(page.getByRole("heading", { name: "Emergency signs" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Call 911" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Check in" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send my check-in" }).click();
  await expect(page.getByText("Please answer every question.")).toBeVisible();

  const pain = page.getByRole("group", { name: /Your leg and back pain right now/ });
  await pain.getByLabel("7", { exact: true }).check();
  await page.getByLabel("Numbness").check();
  const questions = page.getByRole("group").filter({ has: page.getByLabel("Yes", { exact: true }) });
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const q = questions.nth(i);
    const text = await q.locator("legend").first().innerText();
    if (text.startsWith("Warning signs")) continue;
    await q.getByLabel(text.includes("pass urine") ? "Yes" : "No", { exact: true }).check();
  }
  await page.getByRole("button", { name: "Send my check-in" }).click();
  const emergency = page.getByRole("alertdialog", { name: "Get emergency care now" });
  await expect(emergency).toBeVisible();
  await expect(emergency.getByRole("link", { name: "Call 911" })).toBeVisible();
  await expectAccessible(page);

  const doctor = await (await browser.newContext()).newPage();
  await new LoginPage(doctor).signInAs("physician");
  const first = doctor.getByRole("table", { name: /Patients on your care team/ }).getByRole("row").nth(1);
  await expect(first).toContainText("Sam Rivera");
  await expect(first).toContainText("new, acknowledge");
  await first.getByRole("link", { name: "Sam Rivera" }).click();
  await expect(doctor.getByText("Reported by the patient and not yet acknowledged by a physician.")).toBeVisible();
  await doctor.getByRole("button", { name: "Acknowledge: I have seen this" }).click();
  await expect(doctor.getByText("Reported by the patient and not yet acknowledged by a physician.")).toHaveCount(0);
  await expectAccessible(doctor);
});

test("on a phone, a patient ticks an item done in one tap and logs a run beyond the restriction, which the care team sees", async ({ page, loginPage, browser }) => {
  await loginPage.signInAs("patient");
  await page.getByRole("link", { name: "Daily log" }).click();
  await expect(page.getByRole("heading", { name: "Today's plan" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Heat pack: done" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Heat pack" }).getByText("Done today")).toBeVisible();

  await page.getByLabel("Minutes").fill("35");
  await page.getByLabel("Distance (km)").fill("6.5");
  await page.getByLabel("Effort (1 easy – 10 all-out)").fill("6");
  await page.getByLabel("Pain during (0–10)").fill("2");
  await page.getByLabel("Pain after (0–10)").fill("2");
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByText("This run went beyond what your doctor allowed. Your care team will see it.")).toBeVisible();
  await expect(page.getByText(/beyond your limits/)).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Heat pack" }).getByText("Done today")).toBeVisible();

  const doctor = await (await browser.newContext()).newPage();
  await new LoginPage(doctor).signInAs("physician");
  await doctor.getByRole("link", { name: "Sam Rivera" }).click();
  await expect(doctor.getByText(/1 run went beyond the clearance/)).toBeVisible();
});

test("on a phone, a patient sees their pain, adherence and running against the limit", async ({ page, loginPage }) => {
  await loginPage.signInAs("patient");
  await page.getByRole("link", { name: "My progress" }).click();
  await expect(page.getByRole("heading", { name: "My pain" })).toBeVisible();
  await expect(page.getByText(/From your check-ins: \d+\/10 at first/)).toBeVisible();
  await expect(page.getByText("Your doctor's limit is about 60 minutes a week (the dashed line).")).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expectAccessible(page);
});
