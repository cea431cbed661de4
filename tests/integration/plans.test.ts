import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { careTeamMembers } from "@/db/schema/care-team";
import { users } from "@/db/schema/users";
import { planFromTemplate } from "@/db/seed-plans";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getMyPlan, getPlan, getPlanVersion, savePlan } from "@/lib/dal/plans";
import { listReferrals, referToTherapy, requestEscalation, updateEscalationStatus } from "@/lib/dal/referrals";
import { listWorklist } from "@/lib/dal/worklist";
import { catalogueEntry } from "@/lib/domain/plan-catalogue";
import type { Plan } from "@/lib/domain/plan";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const medicine = (drug: string, days: number, startDate: string, justification = "", amount = 75) => ({
  key: randomUUID(),
  catalogueId: "prescription-medicine" as const,
  dose: { kind: "medicine" as const, drug, amount, unit: "mg" as const, timesPerDay: 2, asNeeded: false, days, startDate },
  instructions: catalogueEntry("prescription-medicine").instruction,
  justification,
});

describeEachDatabase("care plans and referrals", { seed: true }, (t) => {
  it("shows the demo plans with their versions and what changed", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const state = await getPlan(sam);
    expect(state.current?.version).toBe(3);
    expect(state.history.map((h) => h.version)).toEqual([3, 2, 1]);
    expect(state.history[0]?.changes.join(" ")).toMatch(/Added Easy running/);
    expect((await getPlanVersion(sam, 1))?.plan.items.some((i) => i.catalogueId === "running")).toBe(false);
  });

  it("refuses a draft with every problem at once: the schema's and the clearance's together", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const sam = await patientIdByMrn(t.db, "RC-100101"); // cleared with limits
    const state = await getPlan(sam);
    const plan = planFromTemplate("disc-herniation-self-care", state.today);
    const running = { key: randomUUID(), catalogueId: "running" as const, dose: { kind: "running" as const, minutesPerRun: 180, runsPerWeek: 7, maxRpe: 4 }, instructions: "Easy.", justification: "" };
    const blank = { ...plan.items[0]!, instructions: "" };
    const error = await savePlan(sam, state.current?.version ?? 0, { ...plan, items: [blank, ...plan.items.slice(1), running] }).catch((e: unknown) => e);
    const fieldErrors = (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
    const last = plan.items.length;
    expect(Object.keys(fieldErrors)).toEqual(expect.arrayContaining(["items.0.instructions", `items.${last}.dose.minutesPerRun`, `items.${last}.dose.runsPerWeek`]));
    expect((await getPlan(sam)).current?.version).toBe(state.current?.version);
  });

  it("saves a new version from a template, holds running to the clearance in force, and keeps versions apart", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const tom = await patientIdByMrn(t.db, "RC-100103"); // no clearance yet: running is planned but shows paused
    const today = (await getPlan(tom)).today;
    const plan = planFromTemplate("disc-herniation-self-care", today);
    const running = { key: randomUUID(), catalogueId: "running" as const, dose: { kind: "running" as const, minutesPerRun: 20, runsPerWeek: 3, maxRpe: 4 }, instructions: "Easy.", justification: "" };
    // Dates are bounded: a plan starts at most a week back.
    await expect(savePlan(tom, 0, { ...plan, startDate: "2020-01-01" })).rejects.toMatchObject({ fieldErrors: { startDate: [expect.stringMatching(/at most 7 days ago/)] } });
    expect(await savePlan(tom, 0, { ...plan, items: [...plan.items, running] }, "disc-herniation-self-care")).toMatchObject({ version: 1 });
    const saved = await getPlan(tom);
    expect(saved.care.running).toEqual([expect.objectContaining({ status: "paused", allowed: null })]);
    expect(saved.review?.notices).toContain("Running is paused: no clearance is in force, so the patient sees running as paused until one is.");
    await expect(savePlan(tom, 0, plan)).rejects.toBeInstanceOf(ConflictError);
    const walk = plan.items.find((i) => i.catalogueId === "brisk-walk")!;
    const edited: Plan = { ...plan, items: [...plan.items, running].map((i) => (i.key === walk.key ? { ...i, dose: { kind: "walking", minutes: 45, timesPerDay: 1, daysPerWeek: 5 } } : i)) };
    const second = await savePlan(tom, 1, edited);
    expect(second.changes).toEqual([expect.stringMatching(/^Changed Brisk walk: .* → 45 minutes/)]);

    const sam = await patientIdByMrn(t.db, "RC-100101"); // restricted: 20 min, 3 a week, RPE 4
    const samPlan = (await getPlan(sam)).current!.plan;
    const tooLong = { ...samPlan, items: samPlan.items.map((i) => (i.dose.kind === "running" ? { ...i, dose: { ...i.dose, minutesPerRun: 35 } } : i)) };
    const index = tooLong.items.findIndex((i) => i.dose.kind === "running");
    await expect(savePlan(sam, 3, tooLong)).rejects.toMatchObject({ fieldErrors: { [`items.${index}.dose.minutesPerRun`]: ["The clearance allows runs of up to 20 minutes"] } });
  });

  it("needs a recorded justification for a medicine NICE NG59 advises against", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const olu = await patientIdByMrn(t.db, "RC-100105");
    const { current } = await getPlan(olu);
    const plan = current!.plan;
    const start = (await getPlan(olu)).today;
    const withPregabalin = { ...plan, items: [...plan.items, medicine("Lyrica", 14, start)] };
    const refusal = (await savePlan(olu, current!.version, withPregabalin).catch((e: unknown) => e)) as ValidationError;
    expect(refusal).toBeInstanceOf(ValidationError);
    expect(refusal.fieldErrors[`items.${plan.items.length}.justification`]?.[0]).toMatch(/gabapentinoid|pregabalin/i);
    // Above a dose ceiling needs a reason too: ibuprofen 4,000 mg six times a day.
    const overCeiling = { ...plan, items: [...plan.items, { ...medicine("Ibuprofen", 7, start, "", 4000), catalogueId: "ibuprofen" as const }] };
    const ceiling = (await savePlan(olu, current!.version, { ...overCeiling, items: overCeiling.items.map((i) => (i.dose.kind === "medicine" ? { ...i, dose: { ...i.dose, timesPerDay: 6 } } : i)) }).catch((e: unknown) => e)) as ValidationError;
    expect(ceiling.fieldErrors[`items.${plan.items.length}.justification`]?.[0]).toMatch(/above the usual ceiling of 800 mg.*above the usual ceiling of 1,200 mg/s);
    const justified = { ...plan, items: [...plan.items, medicine("Lyrica", 14, start, "Failed first-line options; short trial agreed with the patient.")] };
    await savePlan(olu, current!.version, justified);
    const review = (await getPlan(olu)).review!;
    expect(review.medications.find((m) => m.drug === "Lyrica")?.check.severity).toBe("warning");
  });

  it("lets the patient read only their current plan, and no one but the team physician write", async () => {
    await becomeCaller(t.db, "thePatient");
    const mine = await getMyPlan();
    expect(mine?.version).toBeGreaterThanOrEqual(3);
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const plan = (await getMyPlan())!.plan;
    await expect(savePlan(sam, mine!.version, plan)).rejects.toBeInstanceOf(NotFoundError);
    await becomeCaller(t.db, "assignedTherapist");
    await expect(savePlan(sam, mine!.version, plan)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPlan(sam)).current?.version).toBe(mine!.version);
  });

  it("a physical therapy referral puts the patient in the therapist's caseload; escalations record reason and status", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const tom = await patientIdByMrn(t.db, "RC-100103");
    const [singh] = await t.db.select().from(users).where(eq(users.email, "pt.singh@runclear.example"));
    await expect(referToTherapy(tom, { therapistId: singh!.id, sessionsPerWeek: 9, weeks: 6, goals: "Core strength." })).rejects.toThrow(/At most 7/);
    await referToTherapy(tom, { therapistId: singh!.id, sessionsPerWeek: 2, weeks: 6, goals: "Core strength and hip control." });
    const team = await t.db.select().from(careTeamMembers).where(eq(careTeamMembers.patientId, tom));
    expect(team.map((m) => m.userId)).toContain(singh!.id);
    await becomeCaller(t.db, "otherTherapist");
    expect((await listWorklist({ q: "Becker" })).rows.map((r) => r.name)).toEqual(["Tom Becker"]);

    await becomeCaller(t.db, "physicianOnTeam");
    await expect(requestEscalation(tom, { kind: "imaging", reason: "short" })).rejects.toThrow(/at least 10/);
    await requestEscalation(tom, { kind: "imaging", reason: "Red-flag history of cancer: rule out metastasis." });
    const { escalations, therapy } = await listReferrals(tom);
    expect(therapy[0]).toMatchObject({ therapistName: "Amrit Singh, PT", sessionsPerWeek: 2, weeks: 6 });
    await updateEscalationStatus(tom, { referralId: escalations[0]!.id, status: "scheduled", statusNote: "MRI booked for Friday." });
    expect((await listReferrals(tom)).escalations[0]).toMatchObject({ status: "scheduled", statusNote: "MRI booked for Friday." });
    await becomeCaller(t.db, "assignedTherapist");
    await expect(requestEscalation(tom, { kind: "imaging", reason: "Therapist trying to refer." })).rejects.toBeInstanceOf(NotFoundError);
  });
});
