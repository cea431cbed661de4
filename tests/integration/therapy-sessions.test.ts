import { randomUUID } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEvents } from "@/db/schema/audit";
import { clearances } from "@/db/schema/clearance";
import { planVersions } from "@/db/schema/plans";
import { therapySessions } from "@/db/schema/therapy-sessions";
import { decideClearance, withdrawClearance } from "@/lib/dal/clearance";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getPlan, savePlan } from "@/lib/dal/plans";
import { adjustExerciseDose, listTherapySessions, recordTherapySession } from "@/lib/dal/therapy-sessions";
import type { CatalogueId } from "@/lib/domain/plan-catalogue";
import { addDays } from "@/lib/domain/schedule";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const SAM = "RC-100101"; // Dr. Ortiz's, with Jordan Morgan, PT
const REASON = "Hip flexor stretch brings on buttock pain; shorter holds for two weeks.";

async function counts(db: Database, patientId: string) {
  const [[sessions], [versions], [decisions]] = await Promise.all([
    db.select({ n: count() }).from(therapySessions).where(eq(therapySessions.patientId, patientId)),
    db.select({ n: count() }).from(planVersions).where(eq(planVersions.patientId, patientId)),
    db.select({ n: count() }).from(clearances).where(eq(clearances.patientId, patientId)),
  ]);
  return { sessions: sessions!.n, planVersions: versions!.n, clearances: decisions!.n };
}

async function currentPlan(db: Database, patientId: string) {
  const [row] = await db.select().from(planVersions).where(eq(planVersions.patientId, patientId)).orderBy(desc(planVersions.version)).limit(1);
  return row!;
}

const keyOf = (plan: Awaited<ReturnType<typeof currentPlan>>, catalogueId: CatalogueId) => plan.plan.items.find((i) => i.catalogueId === catalogueId)!.key;

describeEachDatabase("therapy sessions and dose adjustments", { seed: true }, (t) => {
  it("shows the demo sessions, a no-show, and a therapist's dose change in the plan history", async () => {
    await becomeCaller(t.db, "physicianOffTeam"); // Dr. Chen: Marcus Bell's physician
    const marcus = await listTherapySessions(await patientIdByMrn(t.db, "RC-100108"));
    expect(marcus.map((s) => s.attendance)).toEqual(["attended", "no_show", "attended"]);
    expect(marcus[1]).toMatchObject({ exercisesInClinic: "", therapistName: "Jordan Morgan, PT" });
    expect([...marcus].sort((a, b) => b.sessionDate.localeCompare(a.sessionDate))).toEqual(marcus);

    await becomeCaller(t.db, "physicianOnTeam");
    const grace = await getPlan(await patientIdByMrn(t.db, "RC-100104"));
    expect(grace.history[0]).toMatchObject({ version: 3, createdByName: "Jordan Morgan, PT", createdByRole: "therapist" });
    expect(grace.history[0]!.changes).toEqual([expect.stringMatching(/^Changed Sciatic nerve glide \(flossing\): 2 sets of 10.* → 1 set of 5,/), expect.stringMatching(/^Reason: /)]);
    expect(grace.history[1]).toMatchObject({ createdByRole: "physician" });
  });

  it("a therapist on the team records a session (once, however often it is sent) and adjusts a stretch the physician then sees", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "assignedTherapist");
    const { today } = await getPlan(sam);
    const session = { idempotencyKey: randomUUID(), sessionDate: today, attendance: "attended", exercisesInClinic: "Hip flexor stretch, bird-dog 3×10.", notes: "Pain 3/10." };
    const first = await recordTherapySession(sam, session);
    expect(await recordTherapySession(sam, session)).toEqual(first);
    const missed = await recordTherapySession(sam, { idempotencyKey: randomUUID(), sessionDate: addDays(today, -1), attendance: "no_show", notes: "" });
    const listed = await listTherapySessions(sam);
    expect(listed.slice(0, 2)).toEqual([
      expect.objectContaining({ id: first.id, sessionDate: today, attendance: "attended", exercisesInClinic: "Hip flexor stretch, bird-dog 3×10.", therapistName: "Jordan Morgan, PT" }),
      expect.objectContaining({ id: missed.id, attendance: "no_show", exercisesInClinic: "" }),
    ]);
    expect(listed.filter((s) => s.id === first.id)).toHaveLength(1);

    const before = await currentPlan(t.db, sam);
    const stretch = keyOf(before, "hip-flexor-stretch");
    const saved = await adjustExerciseDose(sam, before.version, { itemKey: stretch, dose: { sets: 2, holdSeconds: 20 }, reason: REASON });
    expect(saved).toEqual({
      version: before.version + 1,
      changes: ["Changed Hip flexor stretch: 3 holds of 30 seconds, once a day, every day → 2 holds of 20 seconds, once a day, every day.", `Reason: ${REASON}`],
    });
    const after = await currentPlan(t.db, sam);
    expect(after.plan.items.map((i) => (i.key === stretch ? { ...i, dose: "changed" } : i))).toEqual(before.plan.items.map((i) => (i.key === stretch ? { ...i, dose: "changed" } : i)));
    expect({ ...after.plan, items: [] }).toEqual({ ...before.plan, items: [] });

    await becomeCaller(t.db, "physicianOnTeam");
    const seen = await getPlan(sam);
    expect(seen.current).toMatchObject({ version: saved.version, createdByName: "Jordan Morgan, PT", createdByRole: "therapist", changes: saved.changes });
    expect(seen.current!.plan.items.find((i) => i.key === stretch)!.dose).toMatchObject({ sets: 2, holdSeconds: 20 });
    const audited = await t.db
      .select({ action: auditEvents.action, actorRole: auditEvents.actorRole })
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, sam), eq(auditEvents.outcome, "allowed")))
      .orderBy(desc(auditEvents.seq));
    expect(audited.filter((a) => a.action === "therapy.session.record")).toEqual([
      { action: "therapy.session.record", actorRole: "therapist" },
      { action: "therapy.session.record", actorRole: "therapist" },
    ]);
    expect(audited.filter((a) => a.action === "plan.dose_adjust")).toEqual([{ action: "plan.dose_adjust", actorRole: "therapist" }]);
  });

  it("the assigned therapist cannot change a medicine, running, heat, advice or the plan's shape: refused, nothing written", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "assignedTherapist");
    const plan = await currentPlan(t.db, sam);
    const before = await counts(t.db, sam);
    const attempt = (input: Record<string, unknown>) => adjustExerciseDose(sam, plan.version, { reason: REASON, ...input });
    for (const [catalogueId, dose] of [
      ["ibuprofen", { maxDays: 30 }],
      ["running", { minutesPerRun: 60 }],
      ["heat-pack", { minutes: 20 }],
      ["easy-pace", {}],
    ] as const) {
      const refusal = await attempt({ itemKey: keyOf(plan, catalogueId), dose }).catch((e: unknown) => e);
      expect(refusal, catalogueId).toBeInstanceOf(ValidationError);
      expect((refusal as ValidationError).fieldErrors.itemKey, catalogueId).toEqual([expect.stringContaining("not a home exercise")]);
    }
    const stretch = keyOf(plan, "hip-flexor-stretch");
    await expect(attempt({ itemKey: stretch, dose: { kind: "running", minutesPerRun: 60 } })).rejects.toMatchObject({ fieldErrors: { "dose.kind": [expect.any(String)], "dose.minutesPerRun": [expect.any(String)] } });
    await expect(attempt({ itemKey: stretch, dose: { sets: 2 }, instructions: "Hold as long as you like." })).rejects.toMatchObject({ fieldErrors: { form: [expect.stringContaining("physician's")] } });
    await expect(attempt({ itemKey: stretch, dose: { sets: 2 }, items: [...plan.plan.items, plan.plan.items[0]] })).rejects.toBeInstanceOf(ValidationError);
    // A new item has a key the plan does not know.
    await expect(attempt({ itemKey: randomUUID(), dose: { sets: 2, holdSeconds: 20, timesPerDay: 1, daysPerWeek: 7 } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts(t.db, sam)).toEqual(before);
  });

  it("a therapist decides no clearance and saves no plan", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "assignedTherapist");
    const plan = await currentPlan(t.db, sam);
    const before = await counts(t.db, sam);
    const clearanceVersion = before.clearances;
    await expect(decideClearance(sam, clearanceVersion, { level: "full", restrictions: null, reviewDate: "2099-01-01", overrideReason: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(withdrawClearance(sam, clearanceVersion, { reason: "Therapist trying." })).rejects.toBeInstanceOf(NotFoundError);
    await expect(savePlan(sam, plan.version, plan.plan)).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts(t.db, sam)).toEqual(before);
  });

  it("a therapist not on the team, and the team's physician, get not found for the therapist's writes", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    const plan = await currentPlan(t.db, sam);
    const before = await counts(t.db, sam);
    const session = { idempotencyKey: randomUUID(), sessionDate: "2026-01-05", attendance: "no_show" };
    const dose = { itemKey: keyOf(plan, "hip-flexor-stretch"), dose: { sets: 1 }, reason: REASON };
    await becomeCaller(t.db, "otherTherapist");
    await expect(listTherapySessions(sam)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordTherapySession(sam, session)).rejects.toBeInstanceOf(NotFoundError);
    await expect(adjustExerciseDose(sam, plan.version, dose)).rejects.toBeInstanceOf(NotFoundError);
    await becomeCaller(t.db, "physicianOnTeam");
    await expect(recordTherapySession(sam, session)).rejects.toBeInstanceOf(NotFoundError);
    await expect(adjustExerciseDose(sam, plan.version, dose)).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts(t.db, sam)).toEqual(before);
  });

  it("a dose change from an out-of-date version is refused as a conflict", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "assignedTherapist");
    const plan = await currentPlan(t.db, sam);
    const before = await counts(t.db, sam);
    const stale = adjustExerciseDose(sam, plan.version - 1, { itemKey: keyOf(plan, "glute-bridge"), dose: { reps: 8 }, reason: REASON });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/Someone else saved this plan/);
    expect(await counts(t.db, sam)).toEqual(before);
  });

  it("bad input comes back as field errors, and nothing is written", async () => {
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "assignedTherapist");
    const { today } = await getPlan(sam);
    const plan = await currentPlan(t.db, sam);
    const before = await counts(t.db, sam);
    const session = await recordTherapySession(sam, { idempotencyKey: randomUUID(), sessionDate: addDays(today, 1), attendance: "attended", exercisesInClinic: "" }).catch((e: unknown) => e);
    expect(session).toBeInstanceOf(ValidationError);
    expect((session as ValidationError).fieldErrors).toEqual({
      sessionDate: ["The session date cannot be in the future."],
      exercisesInClinic: ["List the exercises done in the clinic."],
    });
    await expect(recordTherapySession(sam, { idempotencyKey: randomUUID(), sessionDate: "", notes: "x".repeat(2001) })).rejects.toMatchObject({
      fieldErrors: { sessionDate: ["Enter the date of the session."], attendance: ["Choose whether the patient attended."], notes: ["Keep the notes under 2,000 characters."] },
    });
    await expect(adjustExerciseDose(sam, plan.version, { itemKey: keyOf(plan, "glute-bridge"), dose: { sets: 0, reps: 51 }, reason: "" })).rejects.toMatchObject({
      fieldErrors: {
        "dose.sets": ["Sets must be at least 1"],
        "dose.reps": ["Repetitions can be at most 50"],
        reason: [expect.stringContaining("Say why the dose changes")],
      },
    });
    await expect(adjustExerciseDose(sam, plan.version, { itemKey: "not-a-key", dose: "three" })).rejects.toMatchObject({
      fieldErrors: { itemKey: ["Choose an exercise from the plan."], dose: ["Enter the new dose."] },
    });
    expect(await counts(t.db, sam)).toEqual(before);
  });
});

describeEachDatabase("therapy actions", { seed: true }, (t) => {
  const formOf = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it("turn the forms into the DAL's input: refusals keep what was typed beside each field, saves answer ok", async () => {
    const { adjustExerciseDoseAction, recordTherapySessionAction } = await import("@/app/(clinic)/patients/[id]/therapy/actions");
    const sam = await patientIdByMrn(t.db, SAM);
    await becomeCaller(t.db, "assignedTherapist");
    const { today } = await getPlan(sam);
    const plan = await currentPlan(t.db, sam);
    const bridge = keyOf(plan, "glute-bridge");

    const missing = await recordTherapySessionAction(null, formOf({ patientId: sam, idempotencyKey: randomUUID(), sessionDate: today, exercisesInClinic: "Bridges." }));
    expect(missing).toMatchObject({ ok: false, fieldErrors: { attendance: ["Choose whether the patient attended."] }, values: { sessionDate: today, exercisesInClinic: "Bridges." } });
    const recorded = await recordTherapySessionAction(null, formOf({ patientId: sam, idempotencyKey: randomUUID(), sessionDate: today, attendance: "attended", exercisesInClinic: "Bridges 3×10." }));
    expect(recorded).toMatchObject({ ok: true, message: "Session recorded." });

    const fields = { patientId: sam, basedOnVersion: String(plan.version), itemKey: bridge, "dose.sets": "", "dose.reps": "12", "dose.timesPerDay": "1", "dose.daysPerWeek": "5", reason: REASON };
    expect(await adjustExerciseDoseAction(null, formOf(fields))).toMatchObject({ ok: false, fieldErrors: { "dose.sets": ["Sets must be a number"] }, values: { "dose.reps": "12", reason: REASON } });
    expect(await adjustExerciseDoseAction(null, formOf({ ...fields, "dose.sets": "2" }))).toMatchObject({ ok: true, data: { version: plan.version + 1 } });
    expect(await adjustExerciseDoseAction(null, formOf({ ...fields, "dose.sets": "1" }))).toMatchObject({ ok: false, message: expect.stringMatching(/Someone else saved this plan/) });
  });
});
