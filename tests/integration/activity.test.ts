import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { activityLogs } from "@/db/schema/activity";
import { getMyDay, listRecentRuns, logActivity, undoActivity } from "@/lib/dal/activity";
import { getPatientAdherence } from "@/lib/dal/adherence";
import { listCaseload } from "@/lib/dal/caseload";
import { addDays } from "@/lib/domain/schedule";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("daily log", { seed: true }, (t) => {
  it("ticks a plan item once per idempotency key, and a skip needs a reason", async () => {
    await becomeCaller(t.db, "thePatient");
    const day = await getMyDay();
    const item = day.items.find((i) => i.timesPerDay === 1 && i.status === null)!;
    const entry = { kind: "item", idempotencyKey: randomUUID(), date: day.date, itemKey: item.key, status: "done" };
    await logActivity(entry);
    await logActivity(entry);
    expect(await t.db.select().from(activityLogs).where(eq(activityLogs.idempotencyKey, entry.idempotencyKey))).toHaveLength(1);
    expect((await getMyDay()).items.find((i) => i.key === item.key)?.status).toBe("done");
    const skip = { ...entry, idempotencyKey: randomUUID(), itemKey: day.items.find((i) => i.key !== item.key)!.key, status: "skipped", skipReason: "" };
    await expect(logActivity(skip)).rejects.toMatchObject({ fieldErrors: { skipReason: [expect.stringContaining("why")] } });
  });

  it("takes one tick per time an item is due, undoes the newest, and logs the two days before today", async () => {
    await becomeCaller(t.db, "thePatient");
    const today = await getMyDay();
    expect(today.loggableDates).toEqual([today.date, addDays(today.date, -1), addDays(today.date, -2)]);
    const heat = today.items.find((i) => i.timesPerDay === 3)!; // the heat pack, 3 times a day
    for (const e of heat.entries) await undoActivity({ entryId: e.id });
    const tick = (date: string) => logActivity({ kind: "item", idempotencyKey: randomUUID(), date, itemKey: heat.key, status: "done" });
    await tick(today.date);
    await tick(today.date);
    let shown = (await getMyDay()).items.find((i) => i.key === heat.key)!;
    expect([shown.status, shown.entries.length]).toEqual(["partial", 2]);
    await tick(today.date);
    expect((await getMyDay()).items.find((i) => i.key === heat.key)!.status).toBe("done");
    await expect(tick(today.date)).rejects.toMatchObject({ fieldErrors: { status: ["All 3 times are already ticked done for that day."] } });

    // Undo takes back the newest tick; the day is partly done again.
    shown = (await getMyDay()).items.find((i) => i.key === heat.key)!;
    expect(await undoActivity({ entryId: shown.entries.at(-1)!.id })).toEqual({ undone: "done" });
    expect((await getMyDay()).items.find((i) => i.key === heat.key)).toMatchObject({ status: "partial", entries: [expect.anything(), expect.anything()] });

    // The day before yesterday can still be logged, and read back; three days ago cannot.
    const before = addDays(today.date, -2);
    const glide = today.items.find((i) => i.timesPerDay === 1)!;
    const skipped = { kind: "item", idempotencyKey: randomUUID(), date: before, itemKey: glide.key, status: "skipped", skipReason: "Long shift at work" };
    // Seeded logs may already fill that day: clear the item's entries for it first.
    for (const e of (await getMyDay({ date: before })).items.find((i) => i.key === glide.key)!.entries) await undoActivity({ entryId: e.id });
    await logActivity(skipped);
    expect((await getMyDay({ date: before })).items.find((i) => i.key === glide.key)).toMatchObject({ status: "skipped", entries: [{ status: "skipped", skipReason: "Long shift at work" }] });
    await expect(logActivity({ ...skipped, idempotencyKey: randomUUID() })).rejects.toMatchObject({ fieldErrors: { status: [expect.stringContaining("already")] } });
    await expect(logActivity({ ...skipped, idempotencyKey: randomUUID(), date: addDays(today.date, -3) })).rejects.toMatchObject({ fieldErrors: { date: [expect.stringContaining("two days before")] } });
    // A date outside the window shows today instead of refusing the page.
    expect((await getMyDay({ date: addDays(today.date, -5) })).date).toBe(today.date);

    // The care team reads the reason on the adherence view and the caseload.
    await becomeCaller(t.db, "assignedTherapist");
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const adherence = await getPatientAdherence(sam);
    expect(adherence.heatMap.find((r) => r.key === glide.key)!.days.find((d) => d.date === before)).toMatchObject({ mark: "skipped", skipReasons: ["Long shift at work"] });
    expect(adherence.heatMap.find((r) => r.key === heat.key)!.days.find((d) => d.date === today.date)).toMatchObject({ done: 2, allowed: 3 });
    const row = (await listCaseload()).rows.find((r) => r.id === sam)!;
    expect(row.summary.recentSkips).toContainEqual({ date: before, item: glide.name, reason: "Long shift at work" });
  });

  it("lets only the patient undo their own recent ticks, and audits each undo", async () => {
    await becomeCaller(t.db, "thePatient");
    const day = await getMyDay();
    const item = day.items.find((i) => i.status !== "done")!;
    await logActivity({ kind: "item", idempotencyKey: randomUUID(), date: day.date, itemKey: item.key, status: "done" });
    const entry = (await getMyDay()).items.find((i) => i.key === item.key)!.entries.at(-1)!;
    await becomeCaller(t.db, "otherPatient");
    await expect(undoActivity({ entryId: entry.id })).rejects.toBeInstanceOf(NotFoundError);
    await becomeCaller(t.db, "thePatient");
    await expect(undoActivity({ entryId: "not-a-uuid" })).rejects.toBeInstanceOf(ValidationError);
    await undoActivity({ entryId: entry.id });
    await expect(undoActivity({ entryId: entry.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.db.select().from(activityLogs).where(eq(activityLogs.id, entry.id))).toEqual([]);
  });

  it("flags a run beyond the clearance to the patient and the care team", async () => {
    await becomeCaller(t.db, "thePatient"); // Sam: at most 20 minutes, 3 runs a week, effort 4, pain ceiling 3
    const { date } = await getMyDay();
    const run = { kind: "run", idempotencyKey: randomUUID(), date, minutes: "35", distanceKm: "6", rpe: "6", painDuring: "2", painAfter: "2" };
    const result = await logActivity(run);
    expect(result.breaches.map((b) => b.code).sort()).toEqual(["too_hard", "too_long"]);
    expect((await logActivity(run)).breaches.map((b) => b.code).sort()).toEqual(["too_hard", "too_long"]);
    await expect(logActivity({ ...run, idempotencyKey: randomUUID(), minutes: "0" })).rejects.toBeInstanceOf(ValidationError);

    await becomeCaller(t.db, "physicianOnTeam");
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const runs = await listRecentRuns(sam);
    expect(runs.filter((r) => r.breaches.length > 0)).toEqual([expect.objectContaining({ minutes: 35, breaches: expect.arrayContaining(["too_hard", "too_long"]) })]);
  });

  it("is the patient's own log: no one else can write it", async () => {
    for (const caller of ["physicianOnTeam", "assignedTherapist", "admin", "noSession"] as const) {
      await becomeCaller(t.db, caller);
      await expect(logActivity({ kind: "run", idempotencyKey: randomUUID(), date: "2026-11-25", minutes: 10, distanceKm: 1, rpe: 2, painDuring: 0, painAfter: 0 })).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describeEachDatabase("my progress", { seed: true }, (t) => {
  it("gives the patient 8 weeks of adherence and running, their pain from check-ins, and the restriction line", async () => {
    const { getMyProgress } = await import("@/lib/dal/progress");
    await becomeCaller(t.db, "thePatient"); // Sam: at most 20 minutes, 3 runs a week
    const progress = await getMyProgress();
    expect(progress.weeks).toHaveLength(8);
    expect(progress.weeklyRunLimit).toBe(60);
    expect(progress.pain.length).toBeGreaterThanOrEqual(4);
    // The current week has only just begun and the demo logs stop before it.
    const rates = progress.weeks.slice(0, -1).map((w) => w.adherencePercent).filter((r): r is number => r !== null);
    expect(rates.length).toBeGreaterThanOrEqual(4);
    for (const r of rates) expect(r).toBeGreaterThanOrEqual(50);
    expect(progress.weeks.some((w) => w.runMinutes > 0)).toBe(true);

    await becomeCaller(t.db, "physicianOnTeam");
    await expect(getMyProgress()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describeEachDatabase("next-morning pain", { seed: true }, (t) => {
  it("is recorded on an earlier run of the last 3 days of the patient's own, never on today's or someone else's", async () => {
    const { logMorningPain } = await import("@/lib/dal/activity");
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "thePatient");
    const today = (await getMyDay()).date;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await logActivity({ kind: "run", idempotencyKey: randomUUID(), date: yesterday, minutes: 10, distanceKm: 1.5, rpe: 3, painDuring: 1 });
    const earlier = (await t.db.select().from(activityLogs).where(eq(activityLogs.patientId, sam))).find((r) => r.kind === "run" && r.localDate === yesterday && r.morningPain === null);
    await becomeCaller(t.db, "otherPatient");
    await expect(logMorningPain({ runId: earlier!.id, pain: 1 })).rejects.toBeInstanceOf(ValidationError);
    await becomeCaller(t.db, "thePatient");
    await logMorningPain({ runId: earlier!.id, pain: 2 });
    const [after] = await t.db.select().from(activityLogs).where(eq(activityLogs.id, earlier!.id));
    expect(after?.morningPain).toBe(2);
    const { date } = await getMyDay();
    await logActivity({ kind: "run", idempotencyKey: randomUUID(), date, minutes: 10, distanceKm: 1.5, rpe: 3, painDuring: 1, painAfter: 1 });
    const todays = (await getMyDay()).runs.find((r) => r.date === date)!;
    await expect(logMorningPain({ runId: todays.id, pain: 1 })).rejects.toBeInstanceOf(ValidationError);
  });
});
