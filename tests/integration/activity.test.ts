import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { activityLogs } from "@/db/schema/activity";
import { getMyDay, listRecentRuns, logActivity } from "@/lib/dal/activity";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("daily log", { seed: true }, (t) => {
  it("ticks a plan item once per idempotency key, and a skip needs a reason", async () => {
    await becomeCaller(t.db, "thePatient");
    const day = await getMyDay();
    const item = day.items[0]!;
    const entry = { kind: "item", idempotencyKey: randomUUID(), date: day.date, itemKey: item.key, status: "done" };
    await logActivity(entry);
    await logActivity(entry);
    expect(await t.db.select().from(activityLogs).where(eq(activityLogs.idempotencyKey, entry.idempotencyKey))).toHaveLength(1);
    expect((await getMyDay()).items.find((i) => i.key === item.key)?.status).toBe("done");
    const skip = { ...entry, idempotencyKey: randomUUID(), itemKey: day.items[1]!.key, status: "skipped", skipReason: "" };
    await expect(logActivity(skip)).rejects.toMatchObject({ fieldErrors: { skipReason: [expect.stringContaining("why")] } });
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
