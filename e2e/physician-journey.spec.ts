import { expectAccessible } from "./support/axe";
import { fillExam } from "./support/exam-page";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

const SADDLE = "Saddle anaesthesia (groin, buttocks, inner thighs)";
const reviewDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

test("register → exam with a red flag → clearance refused → red flag resolved → new exam → cleared with restrictions → the patient sees it", async ({
  page,
  loginPage,
  browser,
}) => {
  test.setTimeout(180_000);
  await loginPage.signInAs("physician");

  // Register, with a mistake first.
  await page.getByRole("link", { name: "Register a patient" }).click();
  await expectAccessible(page);
  await page.getByLabel("Given name").fill("Nina");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByText("Enter the family name.")).toBeVisible();
  await expect(page.getByLabel("Given name")).toHaveValue("Nina");
  await page.getByLabel("Family name").fill("Okafor");
  await page.getByLabel("Date of birth").fill("1989-06-02");
  await page.getByLabel("Sex").selectOption({ label: "Female" });
  await page.getByLabel("Email", { exact: true }).fill("nina.okafor@runclear.example");
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await page.getByLabel("Usual weekly distance (km)").fill("32");
  await page.getByLabel("Running goal").fill("Twin Cities Marathon");
  await page.getByLabel("Physical therapist").selectOption({ label: "Jordan Morgan, PT" });
  await page.getByLabel(/Create the patient's sign-in account/).check();
  await page.getByRole("button", { name: "Register patient" }).click();
  const oneTime = (await page.getByTestId("one-time-password").innerText()).trim();
  await page.getByRole("link", { name: "Open the chart" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nina Okafor" })).toBeVisible();
  await expect(page.getByText("Awaiting exam").first()).toBeVisible();
  const chartUrl = page.url();

  // First exam: a red flag.
  await page.getByRole("button", { name: "New examination" }).click();
  await expect(page.getByRole("button", { name: "Sign exam" })).toBeVisible();
  await expectAccessible(page);
  await fillExam(page, { painNow: 5, redFlags: [SADDLE] });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Draft saved at/)).toBeVisible();
  await expect(page.getByText(/Suggested level: L5/)).toBeVisible();
  await page.getByRole("button", { name: "Sign exam" }).click();
  await page.waitForURL(/redflag=1/);
  await expect(page.getByRole("heading", { name: "Emergency red flag: emergency care now" })).toBeVisible();
  await expectAccessible(page);

  // Clearance is refused while the red flag is unresolved.
  await page.getByRole("link", { name: "Decide clearance and see history" }).click();
  await expectAccessible(page);
  await page.getByRole("group", { name: "Decision" }).getByLabel("Cleared with restrictions").check();
  await page.getByLabel("Longest run (minutes)").fill("20");
  await page.getByLabel("Review date").fill(reviewDate);
  await page.getByRole("button", { name: "Sign clearance decision" }).click();
  await expect(page.getByText("The patient cannot be cleared to run yet.")).toBeVisible();
  await expect(page.getByText(/Unresolved red flag: Saddle anaesthesia/).first()).toBeVisible();

  // Resolve it on the chart.
  await page.goto(chartUrl);
  await page.getByLabel("How was it resolved?").fill("Seen in the emergency department: saddle sensation normal on re-test, MRI showed no compression.");
  await page.getByRole("button", { name: "Record resolution" }).click();
  // The alert moves to the resolved list, and the emergency banner goes.
  await expect(page.getByText(/Resolved: Saddle anaesthesia/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Emergency red flag: emergency care now" })).toHaveCount(0);

  // A new exam without red flags.
  await page.getByRole("button", { name: "New examination" }).click();
  await fillExam(page, { painNow: 2 });
  await page.getByRole("button", { name: "Sign exam" }).click();
  await page.waitForURL(/signed=1/);
  await expect(page.getByText(/Examination signed/)).toBeVisible();
  await expectAccessible(page);

  // Cleared with restrictions.
  await page.goto(`${chartUrl}/clearance`);
  await page.getByRole("group", { name: "Decision" }).getByLabel("Cleared with restrictions").check();
  await page.getByLabel("Longest run (minutes)").fill("20");
  await page.getByLabel("Runs per week").fill("3");
  await page.getByLabel("Highest effort (RPE 1–10)").fill("4");
  await page.getByLabel("Flat ground only").check();
  await page.getByLabel("Review date").fill(reviewDate);
  await page.getByRole("button", { name: "Sign clearance decision" }).click();
  // The exam found weakness: clearance with limits checks the exam too, and needs a reason.
  await expect(page.getByText("This clearance goes against the rules below. Record your reason to go ahead.")).toBeVisible();
  await expect(page.getByText(/The last exam shows muscle weakness/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Override reason").fill("Mild weakness (MRC 4) improving; short flat runs agreed with the patient.");
  await page.getByRole("button", { name: "Sign clearance decision" }).click();
  await expect(page.getByText(/Clearance recorded as version 1/)).toBeVisible();
  await page.goto(chartUrl);
  await expect(page.getByText("Cleared with limits").first()).toBeVisible();
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page);

  // The patient signs in for the first time and sees the decision in plain language.
  const nina = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  const login = new LoginPage(nina);
  await login.goto();
  await login.signIn("nina.okafor@runclear.example", oneTime);
  await nina.waitForURL("**/account/password");
  await nina.getByLabel("Current password").fill(oneTime);
  await nina.getByLabel("New password", { exact: true }).fill("river stone tempo morning");
  await nina.getByLabel("New password again").fill("river stone tempo morning");
  await nina.getByRole("button", { name: "Change password" }).click();
  await nina.waitForURL("**/me?password=changed");
  await expect(nina.getByRole("heading", { name: "Cleared to run, with limits" })).toBeVisible();
  await expect(nina.getByText(/at most 20 minutes per run, no more than 3 runs a week/)).toBeVisible();
  await expectAccessible(nina);
});

test("worklist filters, a diagnosis with its code, an addendum, and healing an episode", async ({ page, loginPage }) => {
  await loginPage.signInAs("physician");
  const rows = page.getByRole("table", { name: /Patients on your care team/ }).getByRole("row");
  await expect(rows.nth(1)).toContainText("Rosa Delgado");
  await expect(rows.nth(1)).toContainText("Emergency red flag");
  await expect(rows.nth(1)).toContainText("Not cleared: red flag open");
  await page.getByLabel("Clearance").selectOption({ label: "Cleared with limits" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/clearance=restricted/);
  await expect(page.getByText(/\d+ patients? match/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Sam Rivera" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Grace Liu" })).toHaveCount(0);
  await page.getByLabel("Name or MRN").fill("RC-100101");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("1 patient matches.")).toBeVisible();
  await page.getByRole("link", { name: "Sam Rivera" }).click();

  await page.getByRole("link", { name: "Record or update the diagnosis" }).click();
  await expectAccessible(page);
  await page.getByLabel("Condition").selectOption({ label: "Intervertebral disc disorder with radiculopathy (e.g. disc herniation)" });
  await page.getByRole("group", { name: "Side" }).getByLabel("Left").check();
  await page.getByLabel("Suspected level").selectOption("L5-S1");
  await expect(page.getByRole("status", { name: "ICD-10-CM" })).toContainText("M51.17");
  await page.getByRole("group", { name: "Confirmed by" }).getByLabel("Clinical examination").check();
  await page.getByRole("button", { name: "Record diagnosis" }).click();
  await expect(page.getByText("Diagnosis recorded.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the chart" }).click();
  await expect(page.getByText(/ICD-10-CM M51.17/)).toBeVisible();

  await page.getByRole("link", { name: /^Signed / }).first().click();
  await expectAccessible(page);
  await page.getByLabel("Addendum").fill("Re-tested great-toe extension on the left: MRC 5 today.");
  await page.getByRole("button", { name: "Add signed addendum" }).click();
  await expect(page.getByText("Addendum signed.")).toBeVisible();
  await expect(page.getByText("Re-tested great-toe extension on the left: MRC 5 today.")).toBeVisible();

  await page.goto("/patients?q=Adeyemi");
  await page.getByRole("link", { name: "Olu Adeyemi" }).click();
  // Healing asks for a confirmation first.
  await page.getByRole("button", { name: "Mark episode healed" }).click();
  await expect(page.getByText(/Tick the box to confirm/)).toBeVisible();
  await page.getByLabel(/I confirm this episode is healed/).check();
  await page.getByRole("button", { name: "Mark episode healed" }).click();
  await expect(page.getByRole("heading", { name: "Episode" }).locator("..").getByText("Healed", { exact: true })).toBeVisible();
  await expect(page.getByText("Healed: back to training").first()).toBeVisible();

  // A healed episode can be reopened, with a reason; the old clearance does not come back.
  await page.getByText("Reopen this episode").click();
  await page.getByLabel("Why is it reopened?").fill("Leg pain came back after a long run.");
  await page.getByRole("button", { name: "Reopen episode" }).click();
  await expect(page.getByText("Not cleared: decide again after reopening").first()).toBeVisible();
  await expectAccessible(page);
});
