import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";
import { captureBothWidths } from "./support/screens";

test.use({ viewport: { width: 375, height: 800 } });

test("a patient reports a red flag on a phone, sees the emergency screen, and the physician must acknowledge it", async ({ page, loginPage, browser }) => {
  await loginPage.signInAs("patient");
  await page.getByRole("link", { name: "Emergency signs", exact: true }).click();
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
  // The worklist, urgent first (row 0 is the header).
  const first = doctor.getByRole("table", { name: /Patients on your care team/ }).getByRole("row").nth(1);
  await expect(first).toContainText("Sam Rivera");
  await expect(first).toContainText("new, acknowledge");
  await first.getByRole("link", { name: "Sam Rivera" }).click();
  await expect(doctor.getByText("Reported by the patient and not yet acknowledged by a physician.")).toBeVisible();
  await doctor.getByRole("button", { name: "Acknowledge: I have seen this" }).click();
  await expect(doctor.getByText("Reported by the patient and not yet acknowledged by a physician.")).toHaveCount(0);
  await expectAccessible(doctor);

  // Her clearance is suspended: the home page tells her not to run, whatever was decided before.
  await page.goto("/me");
  await expect(page.getByText("Do not run. Get emergency care now.").first()).toBeVisible();
  await expect(page.getByText(/Cleared to run/)).toHaveCount(0);
  await expectAccessible(page);

  // The physician cannot mark the episode healed while the flag is open.
  await expect(doctor.getByText("A red flag is open: record how it was resolved before marking the episode healed.")).toBeVisible();
  await expect(doctor.getByRole("button", { name: "Mark episode healed" })).toHaveCount(0);

  // Resolving the flag does not bring the old clearance back.
  await doctor.getByLabel("How was it resolved?").fill("Seen the same day: bladder function normal, no saddle numbness, MRI showed no compression.");
  await doctor.getByRole("button", { name: "Record resolution" }).click();
  await expect(doctor.getByText(/Resolved: /).first()).toBeVisible();
  await expect(doctor.getByText("Not cleared: decide again after red flag").first()).toBeVisible();
  await page.reload();
  await expect(page.getByText("Please do not run until your doctor clears you again").first()).toBeVisible();

  // The physician decides again; only then may she run.
  await doctor.getByRole("link", { name: "Decide clearance and see history" }).click();
  await doctor.getByRole("group", { name: "Decision" }).getByLabel("Cleared with restrictions").check();
  await doctor.getByLabel("Longest run (minutes)").fill("20");
  await doctor.getByLabel("Runs per week").fill("3");
  await doctor.getByLabel("Highest effort (RPE 1–10)").fill("4");
  await doctor.getByLabel("Review date").fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await doctor.getByRole("button", { name: "Sign clearance decision" }).click();
  // Her last exam found weakness: going ahead with limits needs a recorded reason.
  const refusal = doctor.getByText("This clearance goes against the rules below. Record your reason to go ahead.");
  const recorded = doctor.getByText(/Clearance recorded as version \d+/);
  await expect(refusal.or(recorded)).toBeVisible();
  if (await refusal.isVisible()) {
    await doctor.getByLabel("Override reason").fill("Weakness unchanged and mild; short flat runs agreed after the red flag was cleared.");
    await doctor.getByRole("button", { name: "Sign clearance decision" }).click();
  }
  await expect(recorded).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Cleared to run, with limits" })).toBeVisible();
});

test("on a phone, a patient ticks an item, undoes a tick, skips yesterday's item with a reason, and logs a run beyond the restriction, which the care team sees", async ({ page, loginPage, browser }) => {
  await loginPage.signInAs("patient");
  // The first phone screen (375 × 800) holds what to do today and the way to emergency help;
  // the whole plan is one tap away.
  const firstScreen = async (name: string, box: { y: number; height: number } | null) => expect(box!.y + box!.height, `${name} on the first screen`).toBeLessThanOrEqual(800);
  await firstScreen("the emergency-signs link", await page.getByRole("link", { name: /^Emergency signs: when to call/ }).boundingBox());
  await firstScreen("today's heading", await page.getByRole("heading", { name: "What to do today" }).boundingBox());
  await firstScreen("Log today", await page.getByRole("link", { name: "Log today" }).boundingBox());
  await captureBothWidths(page, "patient-home");
  await page.getByRole("link", { name: "See my whole plan" }).click();
  await expect(page.getByRole("heading", { name: "My plan", level: 1 })).toBeVisible();
  await expect(page.getByText(/^Emergency: Call 911/)).toBeVisible();
  await captureBothWidths(page, "patient-plan");
  await page.getByRole("link", { name: "Daily log" }).click();
  await expect(page.getByRole("heading", { name: "Today's plan" })).toBeVisible();
  await expectAccessible(page);

  // The heat pack is due 3 times a day: each tap ticks one time, and Undo takes the newest back.
  const heat = page.getByRole("listitem").filter({ hasText: "Heat pack" });
  await heat.getByRole("button", { name: /^Heat pack: tick one time done/ }).click();
  await expect(heat.getByText("1 of 3 times done")).toBeVisible();
  await heat.getByRole("button", { name: "Heat pack: undo the last tick" }).click();
  await expect(heat.getByText("0 of 3 times done")).toBeVisible();
  await heat.getByRole("button", { name: /^Heat pack: tick one time done/ }).click();
  await expect(heat.getByText("1 of 3 times done")).toBeVisible();

  // Yesterday can still be logged: a skip, with the reason the care team will read.
  await page.getByRole("button", { name: "Yesterday" }).click();
  await expect(page.getByRole("heading", { name: /^Plan for / })).toBeVisible();
  // The demo logs fill yesterday: take back the heat pack's entries until it can be skipped.
  const skippable = page.getByRole("listitem").filter({ hasText: "Heat pack" });
  // Each undo is waited for by its effect, the item's status changing: right after the click the
  // old Undo button is still there and enabled, and the next round would click it mid-request.
  const itemStatus = skippable.getByRole("status").first();
  for (let i = 0; i < 4 && !(await skippable.getByRole("button", { name: "Heat pack: skip" }).isVisible()); i++) {
    const before = (await itemStatus.textContent()) ?? "";
    await skippable.getByRole("button", { name: /^Heat pack: undo the last/ }).click();
    await expect(itemStatus).not.toHaveText(before);
    await expect(skippable.getByRole("button", { name: /^Heat pack: undo the last/ }).or(skippable.getByRole("button", { name: "Heat pack: skip" })).first()).toBeEnabled();
  }
  await skippable.getByRole("button", { name: "Heat pack: skip" }).click();
  await skippable.getByLabel(/Why are you skipping/).fill("Long shift at work");
  await skippable.getByRole("button", { name: "Save skip" }).click();
  await expect(skippable.getByText(/Long shift at work/)).toBeVisible();
  await captureBothWidths(page, "daily-log-yesterday");
  await page.getByRole("button", { name: "Today" }).click();
  await expect(page.getByRole("heading", { name: "Today's plan" })).toBeVisible();

  await page.getByLabel("Minutes").fill("35");
  await page.getByLabel("Distance (km)").fill("6.5");
  await page.getByLabel("Effort (1 easy – 10 all-out)").fill("6");
  await page.getByLabel("Pain during (0–10)").fill("2");
  await page.getByLabel("Pain after (0–10)").fill("2");
  await page.getByRole("button", { name: "Save run" }).click();
  await expect(page.getByText("This run went beyond what your doctor allowed. Your care team will see it.")).toBeVisible();
  await expect(page.getByText("Beyond what your doctor allowed.", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Heat pack" }).getByText("1 of 3 times done")).toBeVisible();

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
