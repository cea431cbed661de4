import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

test("a therapist records a session and changes a home-exercise dose, and the physician sees who changed it", async ({ page, loginPage, browser }) => {
  await loginPage.signInAs("therapist");
  await page.getByRole("link", { name: "Elena Petrova" }).click();
  await page.getByRole("link", { name: "Record therapy sessions and adjust doses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Therapy sessions — Elena Petrova/ })).toBeVisible();
  await expectAccessible(page);

  const record = page.getByRole("region", { name: "Record a session" });
  await record.getByRole("radio", { name: "Attended" }).check();
  await record.getByLabel("Notes").fill("Walked in with less limp.");
  await record.getByRole("button", { name: "Record session" }).click();
  await expect(record.getByText("List the exercises done in the clinic.")).toBeVisible();
  await expect(record.getByLabel("Notes")).toHaveValue("Walked in with less limp.");
  await record.getByLabel("Exercises done in the clinic").fill("Nerve glides 2×10, bird-dog 3×8");
  await record.getByRole("button", { name: "Record session" }).click();
  await expect(record.getByText("Session recorded.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Sessions" }).getByText("In the clinic: Nerve glides 2×10, bird-dog 3×8")).toBeVisible();

  // Each exercise's form is folded until opened.
  await page.locator("summary", { hasText: "Bird-dog" }).click();
  const dose = page.getByRole("form", { name: "Bird-dog" });
  await dose.getByLabel("Sets").fill("4");
  await dose.getByRole("button", { name: "Change the dose" }).click();
  await expect(dose.getByText(/Say why the dose changes/)).toBeVisible();
  await expect(dose.getByLabel("Sets")).toHaveValue("4");
  await dose.getByLabel("Reason for the change").fill("Managing 3 sets easily without leg symptoms.");
  await dose.getByRole("button", { name: "Change the dose" }).click();
  await expect(page.getByText(/Dose changed: the plan is now version \d+/)).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page);

  const doctor = await (await browser.newContext()).newPage();
  await new LoginPage(doctor).signInAs("otherPhysician"); // Dr. Chen is Elena Petrova's physician
  await doctor.getByRole("link", { name: "Elena Petrova" }).click();
  await doctor.getByRole("link", { name: /the plan and see its versions/ }).click();
  await expect(doctor.getByText("Dose change by a physical therapist").first()).toBeVisible();
  await expect(doctor.getByText(/Changed Bird-dog: 3 sets of 10.* → 4 sets of 10/).first()).toBeVisible();
  await expect(doctor.getByText(/Reason: Managing 3 sets easily/).first()).toBeVisible();
  await expect(doctor.getByText(/Jordan Morgan, PT/).first()).toBeVisible();
  await expectAccessible(doctor);
});
