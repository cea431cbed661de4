import type { Browser, Page } from "@playwright/test";
import { accounts } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";
import { captureBothWidths } from "./support/screens";

async function signedInPage(browser: Browser, key: keyof typeof accounts): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).signInAs(key);
  return page;
}

async function chartHref(page: Page, name: string): Promise<string> {
  await page.goto("/patients");
  const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/patients\/[0-9a-f-]{36}$/);
  return href!;
}

test("a patient opening another patient's chart URL sees not found", async ({ browser }) => {
  const ortiz = await signedInPage(browser, "physician");
  const priyaChart = await chartHref(ortiz, "Priya Natarajan");

  const sam = await signedInPage(browser, "patient");
  const response = await sam.goto(priyaChart);
  expect(response?.status()).toBe(404);
  await expect(sam.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(sam.getByText("Priya")).toHaveCount(0);
  await expectAccessible(sam);
});

test("a chart outside the care team looks exactly like one that does not exist", async ({ browser }) => {
  const ortiz = await signedInPage(browser, "physician");
  const samChart = await chartHref(ortiz, "Sam Rivera");
  await ortiz.goto(samChart);
  await expect(ortiz.getByRole("heading", { level: 1, name: "Sam Rivera" })).toBeVisible();
  await expectAccessible(ortiz);

  const singh = await signedInPage(browser, "otherTherapist");
  const foreign = await singh.goto(samChart);
  const foreignText = await singh.getByRole("main").innerText();
  const missing = await singh.goto("/patients/00000000-0000-4000-8000-000000000000");
  expect(foreign?.status()).toBe(404);
  expect(missing?.status()).toBe(404);
  expect(await singh.getByRole("main").innerText()).toBe(foreignText);
  await expect(singh.getByRole("heading", { name: "Chart not found" })).toBeVisible();
  await expectAccessible(singh);
});

test("a forged x-middleware-subrequest header gets no one past sign-in", async ({ request }) => {
  for (const path of ["/patients", "/me", "/admin", "/admin/audit"]) {
    for (const forged of ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware"]) {
      const response = await request.get(path, { headers: { "x-middleware-subrequest": forged }, maxRedirects: 0 });
      expect(response.status(), `${path} with ${forged}`).toBe(307);
      expect(response.headers().location).toMatch(/\/login$/);
    }
  }
});

test("an administrator creates a staff account; the one-time password must be changed; deactivation kills the old cookie", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, "admin");
  await admin.getByRole("link", { name: "New account" }).click();
  await expectAccessible(admin);
  const staff = admin.getByRole("region", { name: "Staff" });
  await staff.getByLabel("Full name").fill("Casey Park, PT");
  await staff.getByLabel("Email").fill("not-an-email");
  await staff.getByRole("button", { name: "Create staff account" }).click();
  await expect(staff.getByText("Enter a valid email address.")).toBeVisible();
  // No role is chosen for the administrator.
  await expect(staff.getByText("Choose a role.")).toBeVisible();
  await expect(staff.getByLabel("Full name")).toHaveValue("Casey Park, PT");
  await staff.getByLabel("Email").fill("casey.park@runclear.example");
  await staff.getByLabel("Role").selectOption("therapist");
  await staff.getByRole("button", { name: "Create staff account" }).click();
  const oneTime = (await admin.getByTestId("one-time-password").innerText()).trim();
  expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

  const casey = await (await browser.newContext()).newPage();
  const login = new LoginPage(casey);
  await login.goto();
  await login.signIn("casey.park@runclear.example", oneTime);
  await casey.waitForURL("**/account/password");
  await expect(casey.getByText("You signed in with a one-time password.")).toBeVisible();
  await expectAccessible(casey);
  await casey.goto("/patients");
  await expect(casey).toHaveURL(/\/account\/password$/);
  await casey.getByLabel("Current password").fill(oneTime);
  await casey.getByLabel("New password", { exact: true }).fill("password1234");
  await casey.getByLabel("New password again").fill("password1234");
  await casey.getByRole("button", { name: "Change password" }).click();
  await expect(casey.getByText(/too common/)).toBeVisible();
  await casey.getByLabel("Current password").fill(oneTime);
  await casey.getByLabel("New password", { exact: true }).fill("granite orchard evening walk");
  await casey.getByLabel("New password again").fill("granite orchard evening walk");
  await casey.getByRole("button", { name: "Change password" }).click();
  // A new clinical account reaches no patient until a second administrator confirms it.
  await casey.waitForURL("**/account");
  await expect(casey.getByRole("heading", { name: "Waiting for a second administrator" })).toBeVisible();
  const secondAdmin = await signedInPage(browser, "secondAdmin");
  await secondAdmin.goto("/admin?q=casey.park");
  await secondAdmin.getByRole("region", { name: "Waiting for a second administrator" }).getByRole("link", { name: "Casey Park, PT" }).click();
  await secondAdmin.getByRole("button", { name: "Confirm this account" }).click();
  await expect(secondAdmin.getByRole("region", { name: "Awaiting confirmation" })).toHaveCount(0);
  await casey.goto("/patients");
  await expect(casey.getByRole("heading", { name: "My caseload" })).toBeVisible();
  const oldCookies = await casey.context().cookies();

  await admin.goto("/admin?q=casey");
  await admin.getByRole("link", { name: "Casey Park, PT" }).click();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Deactivate account" }).click();
  await expect(admin.getByText("Account deactivated.")).toBeVisible();

  await casey.reload();
  await expect(casey).toHaveURL(/\/login$/);
  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const replayed = await replay.newPage();
  await replayed.goto("/patients");
  await expect(replayed).toHaveURL(/\/login$/);
});

test("an administrator gives a registered patient an account linked to their record", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/admin/accounts/new");
  const section = admin.getByRole("region", { name: "Patient" });
  await section.getByLabel("Patient record").selectOption({ label: "Tom Becker · RC-100103 · born Jul 19, 1972" });
  await section.getByLabel("Patient's email").fill("tom.becker@runclear.example");
  await section.getByRole("button", { name: "Create patient account" }).click();
  const oneTime = (await admin.getByTestId("one-time-password").innerText()).trim();

  const tom = await (await browser.newContext()).newPage();
  const login = new LoginPage(tom);
  await login.goto();
  await login.signIn("tom.becker@runclear.example", oneTime);
  await tom.waitForURL("**/account/password");
  await tom.getByLabel("Current password").fill(oneTime);
  await tom.getByLabel("New password", { exact: true }).fill("blue heron morning tempo");
  await tom.getByLabel("New password again").fill("blue heron morning tempo");
  await tom.getByRole("button", { name: "Change password" }).click();
  await tom.waitForURL("**/me?password=changed");
  await expect(tom.getByRole("heading", { name: "Hello, Tom" })).toBeVisible();
});

test("emergency access: MRN and date of birth, banner, care-team notice, patient's access log, flagged audit, admin review", async ({ browser }) => {
  test.setTimeout(180_000);
  const chen = await signedInPage(browser, "otherPhysician");
  await chen.getByRole("link", { name: "Emergency access" }).click();
  await expectAccessible(chen);
  await chen.getByLabel("Patient's MRN").fill("RC-100101");
  await chen.getByLabel("Patient's date of birth").fill("1988-04-12");
  await chen.getByLabel("Reason for emergency access").fill("short");
  await chen.getByRole("button", { name: "Open chart with emergency access" }).click();
  await expect(chen.getByText(/at least 15 characters/)).toBeVisible();
  await expect(chen.getByLabel("Patient's MRN")).toHaveValue("RC-100101");
  // A wrong date of birth: the answer does not say whether the MRN exists.
  await chen.getByLabel("Patient's date of birth").fill("1988-04-13");
  await chen.getByLabel("Reason for emergency access").fill("Covering the clinic phone; Sam reports new foot weakness");
  await chen.getByRole("button", { name: "Open chart with emergency access" }).click();
  await expect(chen.getByRole("main").getByRole("alert")).toHaveText("No patient matches this MRN and date of birth. Check both against the patient's details.");
  await captureBothWidths(chen, "emergency-access-no-match");
  await chen.getByLabel("Patient's date of birth").fill("1988-04-12");
  await chen.getByLabel("Reason for emergency access").fill("Covering the clinic phone; Sam reports new foot weakness");
  await chen.getByRole("button", { name: "Open chart with emergency access" }).click();
  await expect(chen.getByRole("heading", { level: 1, name: "Sam Rivera" })).toBeVisible();
  await expect(chen.getByText(/Emergency access: you are not on this patient's care team/)).toBeVisible();
  await expectAccessible(chen);

  const ortiz = await signedInPage(browser, "physician");
  // The care team sees it on their patient list without opening the chart.
  const notices = ortiz.getByRole("region", { name: /Emergency access to your patients/ });
  await expect(notices.getByRole("listitem").filter({ hasText: "Dr. Wei Chen opened Sam Rivera" })).toContainText("Reason: Covering the clinic phone");
  await captureBothWidths(ortiz, "patients-emergency-notice");
  await ortiz.goto(await chartHref(ortiz, "Sam Rivera"));
  await expect(ortiz.getByRole("heading", { name: "Emergency access to this chart" })).toBeVisible();
  await expect(ortiz.getByText("Covering the clinic phone; Sam reports new foot weakness", { exact: false })).toBeVisible();

  const sam = await signedInPage(browser, "patient");
  await sam.getByRole("link", { name: "Who opened my record" }).click();
  const chenEntry = sam.getByRole("listitem").filter({ hasText: "Dr. Wei Chen" }).filter({ hasText: "Emergency access" });
  await expect(chenEntry.first()).toBeVisible();
  await expect(sam.getByRole("region", { name: "Emergency openings of your record" })).toContainText("Reason given: Covering the clinic phone; Sam reports new foot weakness");
  await captureBothWidths(sam, "me-access-emergency");

  const admin = await signedInPage(browser, "admin");
  await admin.getByRole("link", { name: "Audit trail" }).click();
  await admin.getByLabel("Action").selectOption("emergency_access.grant");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByRole("cell", { name: /EMERGENCY ACCESS/ }).first()).toBeVisible();
  await admin.getByRole("button", { name: "Verify the chain" }).click();
  await expect(admin.getByText(/Chain intact: all \d+ entries verified, \d+ under a signed checkpoint\./)).toBeVisible();
  await expectAccessible(admin);

  // Every grant is listed for an administrator's review.
  await admin.goto("/admin");
  await admin.getByRole("link", { name: /emergency access(es)? to review/ }).click();
  const grant = admin.getByRole("listitem").filter({ hasText: "Dr. Wei Chen opened Sam Rivera’s chart" });
  await expect(grant).toContainText("RC-100101");
  await expect(grant).toContainText("Covering the clinic phone; Sam reports new foot weakness");
  await captureBothWidths(admin, "admin-break-glass-review");
  await grant.getByLabel("Review note").fill("ok");
  await grant.getByRole("button", { name: "Mark reviewed" }).click();
  await expect(grant.getByText(/at least 5 characters/)).toBeVisible();
  await grant.getByLabel("Review note").fill("Dr. Chen covered the on-call phone that evening (rota checked).");
  await grant.getByRole("button", { name: "Mark reviewed" }).click();
  // Reviewed grants leave the "Not reviewed" list.
  await expect(grant).toHaveCount(0);
  await admin.getByRole("link", { name: "All", exact: true }).click();
  await expect(admin.getByText(/Reviewed by Riley Admin, .*: Dr\. Chen covered the on-call phone/)).toBeVisible();
  await captureBothWidths(admin, "admin-break-glass-reviewed");
});

test("the chart's sub-pages and the outcomes still answer 404 out of reach, though they stream a skeleton", async ({ browser }) => {
  const ortiz = await signedInPage(browser, "physician");
  const samChart = await chartHref(ortiz, "Sam Rivera");
  await ortiz.goto(samChart);
  const exam = await ortiz.locator(`a[href^="${samChart}/exams/"]:not([href$="/new"])`).first().getAttribute("href");
  expect(exam).toMatch(/\/exams\/[0-9a-f-]{36}$/);
  const pages = ["", "/adherence", "/clearance", "/diagnosis", "/plan", "/plan/versions/1", "/referrals", "/therapy", "/exams/new", exam!.slice(samChart.length)];
  for (const path of pages) expect((await ortiz.request.get(`${samChart}${path}`)).status(), `Dr. Ortiz, ${path || "chart"}`).toBe(200);

  // Each layout checks before its skeleton is sent: a skeleton would have made the status 200.
  const singh = await signedInPage(browser, "otherTherapist");
  for (const path of pages) expect((await singh.request.get(`${samChart}${path}`)).status(), `outside the care team, ${path || "chart"}`).toBe(404);
  for (const path of ["/exams/00000000-0000-4000-8000-000000000000", "/exams/not-an-id", "/plan/versions/999", "/plan/versions/1e1"]) {
    expect((await ortiz.request.get(`${samChart}${path}`)).status(), `a record that does not exist, ${path}`).toBe(404);
  }

  // The whole clinic's outcomes are for a clinical lead; Dr. Ortiz is not one. The old address
  // redirects to the new one and is refused the same way.
  expect((await ortiz.request.get("/outcomes")).status()).toBe(200);
  expect((await ortiz.request.get("/outcomes/clinic")).status()).toBe(404);
  const old = await ortiz.request.get("/outcomes?scope=clinic&cause=trauma", { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(old.headers().location).toMatch(/^\/outcomes\/clinic\?/);
  expect((await singh.request.get("/outcomes")).status()).toBe(404);
});
