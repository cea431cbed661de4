import { watchConsole } from "./support/console";
import { fillExam } from "./support/exam-page";
import { expect, test } from "./support/fixtures";
import { captureBothWidths } from "./support/screens";

const reviewDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

test("one visit from the chart: exam → diagnosis → clearance → plan → referral, each step offering the next, never back to the chart", async ({ page, loginPage }) => {
  test.setTimeout(180_000);
  const checkConsole = watchConsole(page);
  await loginPage.signInAs("physician");

  await page.getByRole("link", { name: "Register a patient" }).click();
  await page.getByLabel("Given name").fill("Ada");
  await page.getByLabel("Family name").fill("Visitor");
  await page.getByLabel("Date of birth").fill("1990-03-14");
  await page.getByLabel("Sex").selectOption({ label: "Female" });
  await page.getByLabel("Time zone").selectOption("America/Chicago");
  await page.getByLabel("Usual weekly distance (km)").fill("25");
  await page.getByLabel("Running goal").fill("Autumn half marathon");
  await page.getByLabel("Physical therapist").selectOption({ label: "Jordan Morgan, PT" });
  await page.getByRole("button", { name: "Register patient" }).click();
  await page.getByRole("link", { name: "Open the chart" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Visitor" })).toBeVisible();
  const chartUrl = page.url();

  // Every URL the visit's tab shows from here on, client-side navigations included.
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname + new URL(frame.url()).search);
  });

  // New examination opens the form itself: no page asking to start.
  await page.getByRole("button", { name: "New examination" }).click();
  await expect(page.getByRole("button", { name: "Sign exam" })).toBeVisible();
  const stepper = page.getByRole("navigation", { name: "Today's visit" });
  await expect(stepper.getByRole("link", { name: /Examination \(next\)/ })).toHaveAttribute("aria-current", "step");
  // Signing an empty exam lists every problem at the top, each a link, with focus on the first field.
  await page.getByRole("button", { name: "Sign exam" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "things to fix" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link").first()).toContainText("History");
  await expect(page.getByLabel("Date the pain started")).toBeFocused();
  await captureBothWidths(page, "visit-exam-errors");
  // At 375 px the Left and Right columns of every findings table fit without scrolling.
  await page.setViewportSize({ width: 375, height: 800 });
  const overflowing = await page
    .getByRole("region")
    .evaluateAll((regions) => regions.filter((r) => r.scrollWidth > r.clientWidth + 1).map((r) => r.getAttribute("aria-label")));
  expect(overflowing).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  // The shortcuts fill answers the physician then edits; each flag is still answered on its own.
  await page.getByRole("button", { name: "None of these" }).click();
  await expect(page.getByRole("group", { name: "Thoracic pain", exact: true }).getByLabel("No")).toBeChecked();
  await page.getByRole("button", { name: "Neurology normal" }).click();
  await expect(page.getByLabel("L5 great-toe extension, left, MRC grade")).toHaveValue("5");
  await expect(page.getByLabel("Achilles (ankle jerk), right")).toHaveValue("normal");
  // Drafts save themselves shortly after a change.
  await expect(page.getByText(/Draft saved at/)).toBeVisible();
  await fillExam(page, { painNow: 2 });
  await page.getByRole("button", { name: "Sign exam" }).click();
  await page.waitForURL(/signed=1/);
  await expect(stepper.getByRole("link", { name: /Examination \(done\)/ })).toBeVisible();
  await captureBothWidths(page, "visit-exam-signed");
  await stepper.getByRole("link", { name: "Next: record the diagnosis →" }).click();

  // The side and level come over from the signed exam (left, L5 root → the L4-L5 disc).
  await expect(page.getByRole("heading", { level: 1, name: /Diagnosis — Ada Visitor/ })).toBeVisible();
  await expect(page.getByText(/From the exam signed .*: left side, suggested L5 root \(the L4-L5 disc\)/)).toBeVisible();
  await expect(page.getByRole("group", { name: "Side" }).getByLabel("Left")).toBeChecked();
  await expect(page.getByLabel("Suspected level")).toHaveValue("L4-L5");
  await page.getByLabel("Condition").selectOption({ label: "Intervertebral disc disorder with radiculopathy (e.g. disc herniation)" });
  await expect(page.getByRole("status", { name: "ICD-10-CM" })).toContainText("M51.16");
  await page.getByRole("group", { name: "Confirmed by" }).getByLabel("Clinical examination").check();
  await page.getByRole("button", { name: "Record diagnosis" }).click();
  await expect(page.getByText("Diagnosis recorded.")).toBeVisible();
  await captureBothWidths(page, "visit-diagnosis-recorded");
  await page.getByRole("region", { name: "Next step of the visit" }).getByRole("link", { name: "Next: decide the clearance →" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /Clearance to run — Ada Visitor/ })).toBeVisible();
  await page.getByRole("group", { name: "Decision" }).getByLabel("Cleared with restrictions").check();
  await page.getByLabel("Longest run (minutes)").fill("20");
  await page.getByLabel("Runs per week").fill("3");
  await page.getByLabel("Highest effort (RPE 1–10)").fill("4");
  await page.getByLabel("Review date").fill(reviewDate);
  await page.getByRole("button", { name: "Sign clearance decision" }).click();
  await expect(page.getByText("This clearance goes against the rules below. Record your reason to go ahead.")).toBeVisible();
  await page.getByLabel("Override reason").fill("Mild weakness (MRC 4) improving; short flat runs agreed with the patient.");
  await page.getByRole("button", { name: "Sign clearance decision" }).click();
  await expect(page.getByText(/Clearance recorded as version 1/)).toBeVisible();
  await page.getByRole("region", { name: "Next step of the visit" }).getByRole("link", { name: "Next: write the care plan →" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /Care plan — Ada Visitor/ })).toBeVisible();
  await page.getByLabel("Template").selectOption({ label: "Disc herniation, self-care" });
  await page.getByRole("button", { name: "Replace items with this template" }).click();
  // Folded, the items take one line each: the whole editor stays short on a phone.
  await page.setViewportSize({ width: 375, height: 800 });
  const editorHeight = await page.getByRole("region", { name: "Edit the plan" }).evaluate((e) => e.getBoundingClientRect().height);
  console.log(`plan editor at 375 px, folded: ${Math.round(editorHeight)} px`);
  expect(editorHeight).toBeLessThan(3000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await captureBothWidths(page, "visit-plan-folded");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible();
  await page.getByRole("region", { name: "Next step of the visit" }).getByRole("link", { name: "Next: refer to physical therapy →" }).click();

  // The therapist already on the care team is chosen.
  await expect(page.getByRole("heading", { level: 1, name: /Referrals — Ada Visitor/ })).toBeVisible();
  await expect(page.getByLabel("Physical therapist")).toHaveValue(/.+/);
  await expect(page.getByLabel("Physical therapist").locator("option:checked")).toHaveText("Jordan Morgan, PT");
  await page.getByLabel("Therapy goals").fill("Restore hip and core control; back to 30 minutes of easy running.");
  await page.getByRole("button", { name: "Refer to physical therapy" }).click();
  await expect(page.getByText(/Referred to physical therapy/)).toBeVisible();
  await expect(stepper.getByText("Visit complete: every step is recorded.")).toBeVisible();
  await captureBothWidths(page, "visit-complete");

  // Five pages and one redirect after signing, and never the chart in between.
  const chartPath = new URL(chartUrl).pathname;
  const pages = visited.filter((url, i) => url !== visited[i - 1]);
  expect(pages.map((url) => url.replace(chartPath, "").replace(/[0-9a-f-]{36}/, ":exam"))).toEqual([
    "/exams/:exam",
    "/exams/:exam?signed=1",
    "/diagnosis",
    "/clearance",
    "/plan",
    "/referrals",
  ]);
  expect(pages).not.toContain(chartPath);

  // Back on the chart the visit shows as complete at the top.
  await page.goto(chartUrl);
  await expect(page.getByRole("navigation", { name: "Today's visit" }).getByText("Visit complete")).toBeVisible();
  // The summary at the top says where the patient stands after it.
  const summary2 = page.getByRole("region", { name: "Summary" });
  await expect(summary2).toContainText(/Examined .* by Dr\. Elena Ortiz · pain 2\/10 · suggested L5 on the left/);
  await expect(summary2).toContainText("Intervertebral disc disorder with radiculopathy");
  await expect(summary2).toContainText(/Version 1: \d+ items over \d+ weeks/);
  await expect(summary2).toContainText(/Clearance review/);
  await captureBothWidths(page, "visit-chart-summary");
  checkConsole();
});
