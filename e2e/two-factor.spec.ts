import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { decode } from "next-auth/jwt";
import { Secret, TOTP } from "otpauth";
import { accounts, DEMO_PASSWORD } from "./support/accounts";
import { watchConsole } from "./support/console";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";
import { captureBothWidths } from "./support/screens";

// One journey on one shared database: a new physician account, confirmed by a second
// administrator, sets up two-factor sign-in and signs in with it.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const NEW = { name: "Dr. Tess Factor", email: "dr.factor@runclear.example", password: "lighthouse copper meadow 58" };
const state: { oneTimePassword?: string; secret?: string; recoveryCodes?: string[] } = {};

function codeAt(secret: string, offsetSeconds = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + offsetSeconds * 1000 });
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signIn(page: Page, email: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/login");
}

test("an administrator creates a physician, who waits for a second administrator", async ({ browser }) => {
  const riley = await newPage(browser);
  const consoleOk = watchConsole(riley);
  await new LoginPage(riley).signInAs("admin");
  await riley.getByRole("link", { name: "New account" }).click();
  const staff = riley.getByRole("region", { name: "Staff" });
  await staff.getByLabel("Full name").fill(NEW.name);
  await staff.getByLabel("Email").fill(NEW.email);
  await staff.getByLabel("Role").selectOption("physician");
  await staff.getByRole("button", { name: "Create staff account" }).click();
  await expect(riley.getByText(/Another administrator must confirm it/)).toBeVisible();
  state.oneTimePassword = (await riley.getByTestId("one-time-password").first().textContent())!.trim();

  await riley.goto("/admin");
  const waiting = riley.getByRole("region", { name: "Waiting for a second administrator" });
  await expect(waiting.getByText(`${NEW.name} · Physician · New account by Riley Admin`, { exact: false })).toBeVisible();
  await expect(riley.getByRole("row", { name: new RegExp(NEW.name) }).getByText("Awaiting confirmation: New account by Riley Admin")).toBeVisible();
  await captureBothWidths(riley, "admin-accounts-awaiting");
  await waiting.getByRole("link", { name: NEW.name }).click();
  await expect(riley.getByText("You made this change, so another administrator must confirm it.")).toBeVisible();
  await expect(riley.getByRole("button", { name: "Confirm this account" })).toHaveCount(0);
  await captureBothWidths(riley, "admin-account-own-change");
  consoleOk();

  // The new physician (or the administrator with the one-time password) reaches nothing clinical.
  const doctor = await newPage(browser);
  await signIn(doctor, NEW.email, state.oneTimePassword!);
  await doctor.waitForURL("**/account/password");
  await doctor.getByLabel("Current password").fill(state.oneTimePassword!);
  await doctor.getByLabel("New password", { exact: true }).fill(NEW.password);
  await doctor.getByLabel("New password again").fill(NEW.password);
  await doctor.getByRole("button", { name: "Change password" }).click();
  await doctor.waitForURL("**/account");
  await expect(doctor.getByRole("heading", { name: "Waiting for a second administrator" })).toBeVisible();
  await captureBothWidths(doctor, "account-waiting-for-confirmation");
  const blocked = await doctor.goto("/patients");
  expect(new URL(doctor.url()).pathname).toBe("/account");
  expect(blocked?.status()).toBe(200);
  await expect(doctor.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveCount(0);
});

test("a second administrator confirms the account", async ({ browser }) => {
  const casey = await newPage(browser);
  const consoleOk = watchConsole(casey);
  await signIn(casey, "admin2@runclear.example", DEMO_PASSWORD);
  await casey.waitForURL("**/admin");
  await casey.getByRole("region", { name: "Waiting for a second administrator" }).getByRole("link", { name: NEW.name }).click();
  await captureBothWidths(casey, "admin-account-confirm");
  await casey.getByRole("button", { name: "Confirm this account" }).click();
  await expect(casey.getByRole("region", { name: "Awaiting confirmation" })).toHaveCount(0);
  consoleOk();
});

test("the physician sets up two-factor sign-in with the QR code's key and a first code, and sees recovery codes once", async ({ browser }) => {
  const doctor = await newPage(browser);
  const consoleOk = watchConsole(doctor);
  await signIn(doctor, NEW.email, NEW.password);
  await doctor.waitForURL("**/patients");
  await doctor.getByRole("link", { name: "Account" }).click();
  await captureBothWidths(doctor, "account");
  await doctor.getByRole("link", { name: "Two-factor sign-in" }).click();
  await captureBothWidths(doctor, "two-factor-off");
  await doctor.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(doctor.getByRole("img", { name: "QR code to add RunClear to your authenticator app" }).locator("svg")).toBeVisible();
  state.secret = (await doctor.getByTestId("two-factor-secret").textContent())!.replaceAll(" ", "");
  expect(state.secret).toMatch(/^[A-Z2-7]{32}$/);
  await captureBothWidths(doctor, "two-factor-setup");

  await doctor.getByLabel("Code from your app").fill("000000");
  await doctor.getByLabel("Your password").fill(NEW.password);
  await doctor.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(doctor.getByText(/That code does not match/)).toBeVisible();
  await captureBothWidths(doctor, "two-factor-setup-wrong-code");
  await doctor.getByLabel("Code from your app").fill(codeAt(state.secret));
  await doctor.getByLabel("Your password").fill(NEW.password);
  await doctor.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = doctor.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  state.recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
  await captureBothWidths(doctor, "two-factor-recovery-codes");
  await doctor.getByRole("link", { name: "I have saved my recovery codes" }).click();
  await doctor.waitForURL("**/patients");

  await doctor.goto("/account/two-factor");
  await expect(doctor.getByText(/10 of 10 recovery codes left/)).toBeVisible();
  await expect(doctor.getByTestId("recovery-codes")).toHaveCount(0);
  await captureBothWidths(doctor, "two-factor-on");
  consoleOk();
});

test("signing in now takes a code after the password; a wrong code is refused", async ({ browser }) => {
  const doctor = await newPage(browser);
  const consoleOk = watchConsole(doctor);
  await signIn(doctor, NEW.email, NEW.password);
  await expect(doctor.getByLabel("Code from your authenticator app")).toBeVisible();
  await captureBothWidths(doctor, "sign-in-code-step");
  await doctor.getByLabel("Code from your authenticator app").fill("123456");
  await doctor.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(doctor.getByRole("main").getByRole("alert")).toHaveText(/That code is not right/);
  await captureBothWidths(doctor, "sign-in-code-wrong");
  // The set-up used this step's code; the next step's is still inside the accepted window.
  await doctor.getByLabel("Code from your authenticator app").fill(codeAt(state.secret!, 30));
  await doctor.getByRole("button", { name: "Verify and sign in" }).click();
  await doctor.waitForURL("**/patients");
  await expect(doctor.getByTestId("signed-in-name")).toHaveText(NEW.name);
  consoleOk();
});

test("a recovery code works once", async ({ browser }) => {
  const doctor = await newPage(browser);
  const [code, other] = state.recoveryCodes!;
  await signIn(doctor, NEW.email, NEW.password);
  await doctor.getByRole("button", { name: "Use a recovery code instead" }).click();
  await captureBothWidths(doctor, "sign-in-recovery-code");
  await doctor.getByLabel("Recovery code").fill(code!);
  await doctor.getByRole("button", { name: "Verify and sign in" }).click();
  await doctor.waitForURL("**/patients");
  await signOut(doctor);

  await signIn(doctor, NEW.email, NEW.password);
  await doctor.getByRole("button", { name: "Use a recovery code instead" }).click();
  await doctor.getByLabel("Recovery code").fill(code!);
  await doctor.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(doctor.getByRole("main").getByRole("alert")).toHaveText(/That code is not right/);
  await doctor.getByLabel("Recovery code").fill(other!);
  await doctor.getByRole("button", { name: "Verify and sign in" }).click();
  await doctor.waitForURL("**/patients");
  await doctor.goto("/account/two-factor");
  await expect(doctor.getByText(/8 of 10 recovery codes left/)).toBeVisible();
});

test("no session id reaches page JavaScript", async ({ browser }) => {
  const page = await newPage(browser);
  await new LoginPage(page).signInAs("physician");
  const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token")!;
  expect(cookie.httpOnly).toBe(true);
  const secret = fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, "auth-secret"), "utf8").trim();
  const sid = String((await decode({ token: cookie.value, secret }))!.sid);
  expect(sid.length).toBeGreaterThan(20);

  const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
  expect(session.user).toEqual({ name: accounts.physician.name, email: accounts.physician.email, role: "physician" });
  expect(JSON.stringify(session)).not.toContain(sid);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  expect(await page.content()).not.toContain(sid);
});

test("the clinic's setting sends an administrator without two-factor sign-in to set it up first", async ({ browser }) => {
  const casey = await newPage(browser);
  const consoleOk = watchConsole(casey);
  await signIn(casey, "admin2@runclear.example", DEMO_PASSWORD);
  await casey.waitForURL("**/admin");
  await casey.getByRole("link", { name: "Clinic settings" }).click();
  await captureBothWidths(casey, "admin-settings");
  await casey.getByLabel("Require two-factor sign-in for physicians and administrators").check();
  // Saved, and the administrator who saved it is the first to be sent to set it up.
  await casey.getByRole("button", { name: "Save clinic settings" }).click();
  await casey.waitForURL("**/account/two-factor");
  await expect(casey.getByText("Your clinic requires two-factor sign-in for your account. Set it up to continue.")).toBeVisible();
  await captureBothWidths(casey, "two-factor-required");
  await casey.goto("/admin/settings");
  expect(new URL(casey.url()).pathname).toBe("/account/two-factor");

  await casey.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await casey.getByTestId("two-factor-secret").textContent())!.replaceAll(" ", "");
  await casey.getByLabel("Code from your app").fill(codeAt(secret));
  await casey.getByLabel("Your password").fill(DEMO_PASSWORD);
  await casey.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(casey.getByRole("list", { name: "Recovery codes" })).toBeVisible();
  await casey.goto("/account/two-factor");
  await expect(casey.getByText("Your clinic requires two-factor sign-in for your account, so it cannot be turned off.")).toBeVisible();

  // Back to how the other journeys expect the clinic.
  await casey.goto("/admin/settings");
  await casey.getByLabel("Require two-factor sign-in for physicians and administrators").uncheck();
  await casey.getByRole("button", { name: "Save clinic settings" }).click();
  await expect(casey.getByText(/Clinic settings saved/)).toBeVisible();
  consoleOk();
});
