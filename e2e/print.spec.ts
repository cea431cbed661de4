import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { accounts } from "./support/accounts";
import { test } from "./support/fixtures";
import { captureBothWidths } from "./support/screens";
import { signedIn } from "./support/signed-in";

/**
 * Print-ready documents (issue 15): the patient's plan, the signed exam note, the referral letter
 * and the clearance letter for a coach. Each is seen on screen at both widths, then printed to PDF
 * with print styles: the app's frame and controls must be gone, the content there, the pages few.
 * With poppler's pdftoppm on the machine the pages are also rendered to PNG for a person to look at.
 */

const outDir = path.join(process.env.E2E_OUTPUT_DIR ?? "test-results", "print");
const hasPdftoppm = (() => {
  try {
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function pageCount(pdf: Buffer): number {
  // Each page object is "/Type /Page"; the page tree is "/Type /Pages".
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** The document as it prints: screen at both widths first, then print media, then a PDF. */
async function printDocument(page: Page, name: string, { maxPages, mustShow }: { maxPages: number; mustShow: (string | RegExp)[] }) {
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await captureBothWidths(page, `print-${name}`);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByTestId("signed-in-name")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(page.getByRole("link", { name: /^← Back/ })).toBeHidden();
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeHidden();
  await expect(page.locator("textarea:visible, input:visible, select:visible, button:visible")).toHaveCount(0);
  for (const text of mustShow) await expect(page.getByRole("article").getByText(text).first()).toBeVisible();

  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.pdf`);
  const pdf = await page.pdf({ path: file, format: "Letter" });
  const pages = pageCount(pdf);
  expect(pages, `${name}.pdf pages`).toBeGreaterThanOrEqual(1);
  expect(pages, `${name}.pdf pages`).toBeLessThanOrEqual(maxPages);
  if (hasPdftoppm) execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(outDir, name)]);
  await page.emulateMedia({ media: "screen" });
}

test("the patient prints their plan and a letter for their coach", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, checkConsole } = await signedIn(browser, accounts.patient.email);
  await page.goto("/me/plan");
  await page.getByRole("link", { name: "Print my plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My care plan" })).toBeVisible();
  await printDocument(page, "portal-plan", {
    maxPages: 5,
    mustShow: ["RunClear Sports Spine Clinic", "Cleared to run, with limits", /at most 20 minutes per run/, "Emergency: call 911 or go to the nearest emergency department now", "Stretches and exercises"],
  });

  await page.goto("/me/plan");
  await page.getByRole("link", { name: "Letter for my coach" }).click();
  await expect(page.getByTestId("clearance-statement")).toHaveText("Sam Rivera is cleared to run, within the limits below.");
  // Only what a coach needs: no diagnosis, no record number, no findings.
  const letter = page.getByRole("article");
  await expect(letter).not.toContainText(/disc|herniation|L4|radiculopathy|MRN|Date of birth|pain now/i);
  await expect(letter).toContainText("Dr. Elena Ortiz");
  await expect(letter).toContainText("Valid until the review on");
  await printDocument(page, "portal-clearance-letter", { maxPages: 1, mustShow: ["Sam Rivera is cleared to run, within the limits below.", /At most 20 minutes per run/] });
  checkConsole();
});

test("while his red flag is open the patient's printed plan and coach's letter say he is not cleared", async ({ browser }) => {
  test.setTimeout(90_000);
  // Kenji Watanabe (demo clinic) reported worsening leg weakness at a check-in: an emergency red flag.
  const { page, checkConsole } = await signedIn(browser, "kenji.watanabe@runclear.example");
  await page.goto("/me/plan/print");
  await expect(page.getByTestId("clearance-in-force")).toContainText("Not cleared: red flag open");
  await expect(page.getByText(/Cleared to run/)).toHaveCount(0);
  await printDocument(page, "portal-plan-red-flag", { maxPages: 5, mustShow: ["Do not run. Get emergency care now.", "Emergency: call 911 or go to the nearest emergency department now"] });

  await page.goto("/me/clearance-letter");
  await expect(page.getByTestId("clearance-statement")).toHaveText("Kenji Watanabe is not cleared to run at present.");
  await expect(page.getByRole("article")).not.toContainText(/weakness|red flag|emergency/i);
  await printDocument(page, "portal-clearance-letter-not-cleared", { maxPages: 1, mustShow: ["Kenji Watanabe is not cleared to run at present."] });
  checkConsole();
});

test("the physician prints the plan, the signed exam note, the referral letter and the coach's letter from the chart", async ({ browser }) => {
  test.setTimeout(240_000);
  const { page, checkConsole } = await signedIn(browser, accounts.physician.email);
  await page.goto("/patients");
  await page.getByRole("link", { name: "Sam Rivera" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Sam Rivera" })).toBeVisible();
  const chart = page.url();

  await page.getByRole("link", { name: "Print the plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Care plan" })).toBeVisible();
  await printDocument(page, "chart-plan", { maxPages: 5, mustShow: ["Cleared to run, with limits", "Emergency: call 911 or go to the nearest emergency department now", /MRN/] });

  await page.goto(chart);
  await page.getByRole("link", { name: /^Signed / }).first().click();
  await page.getByRole("link", { name: "Print the exam note" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Examination note" })).toBeVisible();
  await printDocument(page, "chart-exam-note", {
    maxPages: 6,
    mustShow: [/Signed by Dr\. Elena Ortiz on/, /ICD-10-CM M\d/, "Straight-leg raise", "Red flags", "Addenda"],
  });

  await page.goto(`${chart}/referrals`);
  await page.getByRole("link", { name: "Print the referral letter" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Referral to physical therapy" })).toBeVisible();
  await printDocument(page, "chart-referral-letter", { maxPages: 2, mustShow: ["To Jordan Morgan, PT, physical therapist", "Reason and goals", "Cleared with limits", "Longest run: 20 min"] });

  await page.goto(`${chart}/clearance`);
  await page.getByRole("link", { name: "Clearance letter for a coach" }).click();
  await expect(page.getByTestId("clearance-statement")).toHaveText("Sam Rivera is cleared to run, within the limits below.");
  await expect(page.getByRole("article")).not.toContainText(/disc|herniation|radiculopathy|MRN/i);
  await printDocument(page, "chart-clearance-letter", { maxPages: 1, mustShow: ["Dr. Elena Ortiz"] });
  checkConsole();
});

test("a draft exam is not printed, and the printouts stay with the care team", async ({ browser }) => {
  test.setTimeout(90_000);
  const chen = await signedIn(browser, accounts.otherPhysician.email);
  await chen.page.goto("/patients");
  await chen.page.getByRole("link", { name: "Aisha Mohammed" }).first().click();
  await chen.page.getByRole("link", { name: /^Draft started/ }).first().click();
  await chen.page.waitForURL(/\/exams\/[0-9a-f-]+$/);
  await expect(chen.page.getByRole("link", { name: "Print the exam note" })).toHaveCount(0);
  await chen.page.goto(`${chen.page.url()}/print`);
  await expect(chen.page.getByRole("heading", { name: "Only a signed examination can be printed" })).toBeVisible();
  chen.checkConsole();

  // Sam's therapist prints his plan, but a clearance letter is a physician's to give.
  const morgan = await signedIn(browser, accounts.therapist.email);
  await morgan.page.goto("/patients");
  await morgan.page.getByRole("link", { name: "Sam Rivera" }).first().click();
  const chart = morgan.page.url();
  await morgan.page.getByRole("link", { name: "Print the plan" }).click();
  await expect(morgan.page.getByRole("heading", { level: 1, name: "Care plan" })).toBeVisible();
  const response = await morgan.page.goto(`${chart}/clearance/letter`);
  expect(response?.status()).toBe(404);
});
