import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./accounts";
import { watchConsole } from "./console";
import { LoginPage } from "./login-page";

/** A fresh browser context signed in as `email`, with its console watched. */
export async function signedIn(browser: Browser, email: string): Promise<{ page: Page; checkConsole: () => void }> {
  const page = await (await browser.newContext()).newPage();
  const checkConsole = watchConsole(page);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { page, checkConsole };
}
