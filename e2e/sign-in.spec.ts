import { accounts, DEMO_PASSWORD } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";

test("the sign-in page is accessible", async ({ page, loginPage }) => {
  await loginPage.goto();
  await expectAccessible(page);
});

test("a wrong password shows one generic message", async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.signIn(accounts.physician.email, "not-the-password-2026");
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("The email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);

  await loginPage.signIn("nobody@runclear.example", DEMO_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("The email or password is incorrect.");
});

const homes = [
  { key: "physician", heading: "My patients" },
  { key: "therapist", heading: "My caseload" },
  { key: "patient", heading: "Hello, Sam" },
  { key: "admin", heading: "Accounts" },
] as const;

for (const { key, heading } of homes) {
  test(`${key} signs in, lands on ${accounts[key].home}, and signs out`, async ({ page, loginPage }) => {
    await loginPage.signInAs(key);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);

    await page.setViewportSize({ width: 375, height: 800 });
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`${accounts[key].home}$`));

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/login");
    await page.goto(accounts[key].home);
    await expect(page).toHaveURL(/\/login/);
  });
}

test("the physician's home lists their care team's patients only", async ({ page, loginPage }) => {
  await loginPage.signInAs("physician");
  const table = page.getByRole("table", { name: "Patients on your care team" });
  await expect(table.getByRole("rowheader", { name: "Sam Rivera" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Marcus Bell" })).toHaveCount(0);
});

test("health answers with the database in use", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: "ok",
    database: process.env.E2E_DATABASE_URL ? "postgres" : "pglite",
  });
});

test("the account page shows the previous sign-in, when and from where", async ({ page, loginPage }) => {
  // Signed in before by the tests above: the page names that earlier sign-in.
  await loginPage.signInAs("therapist");
  await page.goto("/account");
  const previous = page.getByRole("definition").filter({ hasText: /from|first sign-in/ }).first();
  await expect(page.getByText("Previous sign-in")).toBeVisible();
  await expect(previous).toHaveText(/\d{4}.* from |None: this is your first sign-in\./);
  await expectAccessible(page);
});
