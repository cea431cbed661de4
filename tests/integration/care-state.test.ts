/**
 * One clinical state (DOMAIN.md §10): the scenarios of issue 11, through the real DAL, each
 * checked on every screen that shows the state (patient home, plan, Today list, chart, worklist,
 * caseload, adherence view).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { activityLogs } from "@/db/schema/activity";
import { episodes } from "@/db/schema/episodes";
import { getMyDay, logActivity, logMorningPain } from "@/lib/dal/activity";
import { getPatientAdherence } from "@/lib/dal/adherence";
import { listCaseload } from "@/lib/dal/caseload";
import { submitCheckIn } from "@/lib/dal/check-ins";
import { decideClearance, withdrawClearance } from "@/lib/dal/clearance";
import { ValidationError } from "@/lib/dal/errors";
import { markEpisodeHealed, reopenEpisode } from "@/lib/dal/episodes";
import { signExam, startExam } from "@/lib/dal/exams";
import { demoExam } from "@/db/seed-clinical";
import { getMyRecord, getPatientChart } from "@/lib/dal/patients";
import { getMyPlan } from "@/lib/dal/plans";
import { acknowledgeRedFlag, listRedFlagAlerts, resolveRedFlag } from "@/lib/dal/red-flags";
import { listWorklist } from "@/lib/dal/worklist";
import { permissionLabel } from "@/lib/domain/permission-wording";
import { patientRedFlagIds } from "@/lib/domain/red-flags";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const allNo = Object.fromEntries(patientRedFlagIds.map((id) => [id, "no"]));
const SAM = "RC-100101";

type Db = Parameters<typeof becomeCaller>[0];

/** The physician on the team becomes the caller; returns the version the next decision builds on. */
async function clearanceVersion(db: Db, sam: string) {
  await becomeCaller(db, "physicianOnTeam");
  return (await getPatientChart(sam)).care.decision?.version ?? 0;
}

/** What every screen says about Sam's running, as labels: they must all agree. Leaves the physician as caller. */
async function everyScreen(db: Db, sam: string) {
  const globalDb = db;
  await becomeCaller(globalDb, "thePatient");
  const home = await getMyRecord();
  const plan = await getMyPlan();
  const day = await getMyDay();
  await becomeCaller(globalDb, "physicianOnTeam");
  const chart = await getPatientChart(sam);
  const worklist = (await listWorklist({ q: "Rivera" })).rows[0]!;
  await becomeCaller(globalDb, "assignedTherapist");
  const caseload = (await listCaseload()).rows.find((r) => r.id === sam)!;
  const adherence = await getPatientAdherence(sam);
  const labels = new Set([
    permissionLabel(home.care.permission),
    permissionLabel(plan!.care.permission),
    permissionLabel(day.permission),
    permissionLabel(chart.care.permission),
    worklist.permission,
    caseload.permission,
    permissionLabel(adherence.care.permission),
  ]);
  expect(labels.size, `screens disagree: ${[...labels].join(" | ")}`).toBe(1);
  await becomeCaller(globalDb, "physicianOnTeam");
  return { home, plan: plan!, day, chart, label: [...labels][0]! };
}

/** The physician on the team signs a new exam of the patient's: no weakness, this pain at rest. */
async function signNewExam(patientId: string, painNow: number) {
  const { examId } = await startExam(patientId);
  const today = (await getPatientChart(patientId)).care.today;
  await signExam(patientId, examId, 1, demoExam("none", "left", painNow, addDays(today, -20)));
}

/** The physician on the team clears the patient fully (past a finding, with a reason) and marks the episode healed; the patient's today. */
async function healUnderFullClearance(db: Parameters<typeof clearanceVersion>[0], patientId: string): Promise<string> {
  const today = (await getPatientChart(patientId)).care.today;
  await decideClearance(patientId, await clearanceVersion(db, patientId), { level: "full", restrictions: null, reviewDate: addDays(today, 30), overrideReason: "Pain at rest 3/10 but settling quickly." });
  await markEpisodeHealed(patientId, { confirm: "healed" });
  return today;
}

describeEachDatabase("one clinical state", { seed: true }, (t) => {
  it("shows the demo clinic's states: suspended by a red flag from home, review overdue, stepped back by the pain rule", async () => {
    await becomeCaller(t.db, "physicianOffTeam"); // Dr. Chen
    const rows = (await listWorklist()).rows;
    const by = (name: string) => rows.find((r) => r.name === name)!;
    expect(by("Kenji Watanabe")).toMatchObject({ permission: "Not cleared: red flag open", redFlagTier: "emergency", mayRun: false });
    expect(by("Diego Alvarez")).toMatchObject({ permission: "Not cleared: review overdue", mayRun: false });
    expect(by("Diego Alvarez").alerts.map((a) => a.code)).toContain("review_overdue");
    expect(by("Hannah Kowalski").alerts.map((a) => a.code)).toContain("run_beyond_restrictions");
    await becomeCaller(t.db, "physicianOnTeam"); // Dr. Ortiz
    const olu = (await listWorklist({ q: "Adeyemi" })).rows[0]!;
    expect(olu.alerts.map((a) => a.code)).toContain("pain_step_back");
    expect(olu.permission).toBe("Fully cleared");
  });

  it("suspends a clearance when the patient reports a red flag, everywhere, and never brings it back by itself", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    const before = await everyScreen(t.db, sam);
    expect(before.label).toBe("Cleared with limits");
    expect(before.day.running[0]!.allowed).toMatch(/Runs of up to 20 minutes/);

    await becomeCaller(t.db, "thePatient");
    const outcome = await submitCheckIn({ idempotencyKey: randomUUID(), painNow: "4", neuroWorse: "no", legSymptoms: [], redFlags: { ...allNo, bladder_dysfunction: "yes" } });
    expect(outcome).toMatchObject({ tier: "emergency", redFlags: ["bladder_dysfunction"] });

    const during = await everyScreen(t.db, sam);
    expect(during.label).toBe("Not cleared: red flag open");
    expect(during.home.care.permission).toMatchObject({ status: "paused", reason: { code: "red_flag_open", tier: "emergency" } });
    expect(during.plan.care.running.every((r) => r.status === "paused" && r.allowed === null)).toBe(true);
    expect(during.day.running.every((r) => r.allowed === null)).toBe(true);

    // A run logged anyway is saved and flagged.
    await becomeCaller(t.db, "thePatient");
    const run = await logActivity({ kind: "run", idempotencyKey: randomUUID(), date: during.day.date, minutes: 15, distanceKm: 2, rpe: 3, painDuring: 2, painAfter: "" });
    expect(run.breaches.map((b) => b.code)).toEqual(["not_cleared"]);
    expect(run.breaches[0]!.patientMessage).toMatch(/^Do not run\. Get emergency care now\./);
    const [saved] = await t.db.select().from(activityLogs).where(eq(activityLogs.patientId, sam)).orderBy(activityLogs.createdAt).then((r) => r.slice(-1));
    expect(saved!.painAfter).toBeNull();

    // Healing is refused while the flag is open, with or without the confirmation.
    await becomeCaller(t.db, "physicianOnTeam");
    await expect(markEpisodeHealed(sam, { confirm: "healed" })).rejects.toThrow(/red flag is open/);
    await expect(markEpisodeHealed(sam, { confirm: "" as "healed" })).rejects.toBeInstanceOf(ValidationError);

    const [alert] = (await listRedFlagAlerts(sam)).filter((a) => !a.resolvedAt);
    await acknowledgeRedFlag(sam, { alertId: alert!.id });
    await resolveRedFlag(sam, { alertId: alert!.id, resolution: "Seen in the emergency department; bladder scan normal, no compression on MRI." });

    const after = await everyScreen(t.db, sam);
    expect(after.label).toBe("Not cleared: decide again after red flag");
    expect(after.day.running.every((r) => r.allowed === null)).toBe(true);

    await decideClearance(sam, await clearanceVersion(t.db, sam), {
      level: "restricted",
      restrictions: { maxRunMinutes: 15, runsPerWeek: 2, weeklyDistanceKm: null, maxEffortRpe: 4, painCeiling: 3, flatGroundOnly: true, noSpeedWork: true, notes: "" },
      reviewDate: addDays(after.chart.care.today, 14),
      // Sam's exam shows a weak great toe: running with limits past a motor deficit needs a reason (§10.4).
      overrideReason: "Mild L5 weakness, stable for two weeks; short flat runs agreed.",
    });
    const cleared = await everyScreen(t.db, sam);
    expect(cleared.label).toBe("Cleared with limits");
    // The plan's 20-minute runs are cut to the new clearance's 15 minutes.
    expect(cleared.day.running[0]!.allowed).toMatch(/Runs of up to 15 minutes, twice a week/);
    expect(cleared.chart.care.alerts.map((a) => a.code)).toContain("plan_exceeds_clearance");
  });

  it("withdraws a clearance everywhere, plan included", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "physicianOnTeam");
    await withdrawClearance(sam, await clearanceVersion(t.db, sam), { reason: "New foot numbness at the visit today." });
    const s = await everyScreen(t.db, sam);
    expect(s.label).toBe("Not cleared: withdrawn");
    expect(s.plan.care.running.every((r) => r.status === "paused")).toBe(true);
    expect(s.home.care.permission).toMatchObject({ status: "paused", reason: { code: "withdrawn" } });
  });

  it("heals only with a confirmation, reopens with a reason, and a clearance from before never returns by itself", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "physicianOnTeam");
    const today = await healUnderFullClearance(t.db, sam);
    expect((await everyScreen(t.db, sam)).label).toBe("Healed: back to training");

    await expect(reopenEpisode(sam, { reason: "short" })).rejects.toBeInstanceOf(ValidationError);
    await reopenEpisode(sam, { reason: "Leg pain came back after a long run on Sunday." });
    expect((await everyScreen(t.db, sam)).label).toBe("Not cleared: decide again after reopening");

    // The symptoms came back: the exam from before the reopening no longer backs a clearance.
    await expect(decideClearance(sam, await clearanceVersion(t.db, sam), { level: "full", restrictions: null, reviewDate: addDays(today, 30), overrideReason: "Settling." })).rejects.toThrow(
      "The patient cannot be cleared to run yet.",
    );
    await signNewExam(sam, 1);
    // Healing hands running back: refused while no full clearance is in force.
    await expect(markEpisodeHealed(sam, { confirm: "healed" })).rejects.toThrow(/only while the patient is fully cleared/);
    await decideClearance(sam, await clearanceVersion(t.db, sam), { level: "restricted", restrictions: { maxRunMinutes: 20, runsPerWeek: 3, weeklyDistanceKm: null, maxEffortRpe: 4, painCeiling: null, flatGroundOnly: false, noSpeedWork: false, notes: "" }, reviewDate: addDays(today, 14), overrideReason: "" });
    await expect(markEpisodeHealed(sam, { confirm: "healed" })).rejects.toThrow(/only while the patient is fully cleared/);
  });

  it("withdrawing the clearance of a healed runner reopens the episode: running stops", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "physicianOnTeam");
    await healUnderFullClearance(t.db, sam);
    await withdrawClearance(sam, await clearanceVersion(t.db, sam), { reason: "New weakness reported by phone." });
    const [episode] = await t.db.select().from(episodes).where(eq(episodes.patientId, sam));
    expect(episode!.status).toBe("active");
    expect((await everyScreen(t.db, sam)).label).toBe("Not cleared: withdrawn");
  });

  it("a red flag reported after healing reopens the episode, so a healed episode never has one open", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "physicianOnTeam");
    await signNewExam(sam, 1);
    await healUnderFullClearance(t.db, sam);
    await becomeCaller(t.db, "thePatient");
    await submitCheckIn({ idempotencyKey: randomUUID(), painNow: "2", neuroWorse: "no", legSymptoms: [], redFlags: { ...allNo, fever: "yes" } });
    const [episode] = await t.db.select().from(episodes).where(eq(episodes.patientId, sam));
    expect(episode!.status).toBe("active");
    const s = await everyScreen(t.db, sam);
    expect(s.home.care.permission).toMatchObject({ status: "paused", reason: { code: "red_flag_open", tier: "urgent" } });
  });

  it("judges every run by the pain rule and takes next-morning pain for runs of the last 3 days", async () => {
    await becomeCaller(t.db, "thePatient");
    const day = await getMyDay();
    const painful = await logActivity({ kind: "run", idempotencyKey: randomUUID(), date: addDays(day.date, -2), minutes: 10, distanceKm: 1.5, rpe: 3, painBefore: "2", painDuring: "6", painAfter: "" });
    expect(painful.verdict).toMatchObject({ judgement: "step_back", alertCareTeam: true });
    const calm = await logActivity({ kind: "run", idempotencyKey: randomUUID(), date: addDays(day.date, -3), minutes: 10, distanceKm: 1.5, rpe: 3, painBefore: "2", painDuring: "2", painAfter: "2" });
    expect(calm.verdict).toMatchObject({ judgement: "pending" });
    const runs = (await getMyDay()).runs;
    const calmRun = runs.find((r) => r.date === addDays(day.date, -3) && r.painDuring === 2)!;
    expect((await logMorningPain({ runId: calmRun.id, pain: 4 })).verdict.judgement).toBe("hold");
    const old = await logActivity({ kind: "run", idempotencyKey: randomUUID(), date: addDays(day.date, -5), minutes: 10, distanceKm: 1.5, rpe: 3, painDuring: "1" });
    expect(old.verdict?.judgement).toBe("pending");
    const oldRun = (await getMyDay()).runs.find((r) => r.date === addDays(day.date, -5))!;
    await expect(logMorningPain({ runId: oldRun.id, pain: 1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(logActivity({ kind: "run", idempotencyKey: randomUUID(), date: addDays(day.date, 1), minutes: 10, distanceKm: 1, rpe: 3 })).rejects.toBeInstanceOf(ValidationError);
  });

  it("alerts the care team to new or worse numbness or weakness at check-in, without an emergency", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "thePatient");
    const outcome = await submitCheckIn({ idempotencyKey: randomUUID(), painNow: "3", neuroWorse: "yes", legSymptoms: ["numbness"], redFlags: allNo });
    expect(outcome).toEqual({ tier: null, redFlags: [], careTeamAlerted: true });
    await becomeCaller(t.db, "assignedTherapist");
    const row = (await listCaseload()).rows.find((r) => r.id === sam)!;
    expect(row.alerts.map((a) => a.code)).toContain("neuro_worse");
  });
});

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
