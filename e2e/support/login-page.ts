import { expect, type Page } from "@playwright/test";
import { accounts, DEMO_PASSWORD, type AccountKey } from "./accounts";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/login");
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  /** Signs in as a demo account and waits for its home page. */
  async signInAs(key: AccountKey) {
    const account = accounts[key];
    await this.goto();
    await this.signIn(account.email, DEMO_PASSWORD);
    await this.page.waitForURL(`**${account.home}`);
    await expect(this.page.getByTestId("signed-in-name")).toHaveText(account.name);
  }
}
