import type { Page } from "@playwright/test";
import { redFlags } from "../../lib/domain/red-flags";

export interface ExamAnswers {
  /** Red-flag checklist labels answered "Yes"; every other flag is answered "No". */
  redFlags?: string[];
  painNow: number;
}

/** Fills every field of a draft exam: an L5 pattern on the left. */
export async function fillExam(page: Page, answers: ExamAnswers) {
  const group = (name: string) => page.getByRole("group", { name, exact: true });
  await page.getByLabel("Date the pain started").fill("2026-11-01");
  await page.getByLabel("How the pain started").selectOption({ label: "Lifting or bending" });
  await group("Did it start with trauma?").getByLabel("No").check();
  await group("Side of the leg symptoms").getByLabel("Left").check();
  await group("Which hurts more").getByLabel("Leg pain worse than back pain").check();
  await page.getByLabel("Pain now (0–10)").fill(String(answers.painNow));
  await page.getByLabel("Worst pain (0–10)").fill(String(Math.min(10, answers.painNow + 3)));

  for (const flag of redFlags) {
    const yes = answers.redFlags?.includes(flag.clinicianLabel) ?? false;
    await group(flag.clinicianLabel).getByLabel(yes ? "Yes" : "No").check();
  }

  await group("Straight-leg raise, left: result").getByLabel("Positive").check();
  await page.getByLabel("Straight-leg raise, left: angle (degrees)", { exact: true }).fill("45");
  await group("Straight-leg raise, right: result").getByLabel("Negative").check();
  await group("Crossed straight-leg raise").getByLabel("Negative").check();
  await group("Slump test").getByLabel("Positive").check();
  await group("Femoral nerve stretch test, left").getByLabel("Negative").check();
  await group("Femoral nerve stretch test, right").getByLabel("Negative").check();

  const muscles = ["L2 hip flexion", "L3 knee extension", "L4 ankle dorsiflexion", "L5 great-toe extension", "S1 ankle plantarflexion"];
  for (const muscle of muscles) {
    for (const side of ["left", "right"]) {
      const weak = muscle.startsWith("L5") && side === "left";
      await page.getByLabel(`${muscle}, ${side}, MRC grade`).fill(weak ? "4" : "5");
    }
  }
  for (const side of ["left", "right"]) {
    await page.getByLabel(`Patellar (knee jerk), ${side}`).selectOption({ label: "Normal" });
    await page.getByLabel(`Achilles (ankle jerk), ${side}`).selectOption({ label: "Normal" });
    await page.getByLabel(`L4 sensation, medial lower leg, ${side}`).selectOption({ label: "Normal" });
    await page.getByLabel(`L5 sensation, top of the foot and great toe, ${side}`).selectOption({ label: side === "left" ? "Reduced" : "Normal" });
    await page.getByLabel(`S1 sensation, outer foot and sole, ${side}`).selectOption({ label: "Normal" });
    await page.getByLabel(`Foot mechanics, ${side}`).selectOption({ label: "Neutral" });
  }
  await page.getByLabel("Posture", { exact: true }).fill("Mild lean away from the painful side.");
  await page.getByLabel("Gait", { exact: true }).fill("Shortened stride on the left when jogging.");
}
