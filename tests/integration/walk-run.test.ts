import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { clearances } from "@/db/schema/clearance";
import { getMyDay, logActivity, logMorningPain } from "@/lib/dal/activity";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { getWalkRunProgramme, setWalkRunStage, signOffReturnToRun } from "@/lib/dal/walk-run";
import { listWorklist } from "@/lib/dal/worklist";
import { addDays } from "@/lib/domain/schedule";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";
import { signInAs } from "../support/people";

const ALL = ["cleared", "no_red_flags", "pain_at_rest", "brisk_walk"] as const;
const PRIYA = "priya.natarajan@runclear.example";

describeEachDatabase("walk/run programme", { seed: true }, (t) => {
  it("starts at a sign-off, advances after two good runs with a rest day, steps back after a painful one, and tells the care team", async () => {
    const priya = await patientIdByMrn(t.db, "RC-100102"); // cleared with limits: runs of at most 30 minutes
    await becomeCaller(t.db, "physicianOnTeam");
    expect(await getWalkRunProgramme(priya)).toMatchObject({ programme: null, mayStart: true, cap: 8 });
    await expect(signOffReturnToRun(priya, { criteria: ["cleared", "no_red_flags"] })).rejects.toMatchObject({ fieldErrors: { criteria: [expect.stringContaining("Not ticked")] } });
    await signOffReturnToRun(priya, { criteria: [...ALL], note: "Walked 30 minutes briskly at the visit." });
    expect((await getWalkRunProgramme(priya)).programme).toMatchObject({ stage: 1, status: "active", lastChange: { kind: "started" } });
    await expect(signOffReturnToRun(priya, { criteria: [...ALL] })).rejects.toBeInstanceOf(ValidationError);

    await signInAs(t.db, PRIYA);
    const { today } = await getMyDay();
    expect((await getMyDay()).running[0]?.allowed).toBe("Run 1 min, walk 4 min, 5 times (stage 1 of 8)");
    const calm = (date: string) => ({ kind: "run", idempotencyKey: randomUUID(), date, minutes: "25", distanceKm: "3", rpe: "3", painBefore: "2", painDuring: "2", painAfter: "2" });
    const first = await logActivity(calm(addDays(today, -3)));
    expect(first.programme).toMatch(/next morning|Tomorrow morning/i);
    const runs = (await getMyDay()).runs;
    await logMorningPain({ runId: runs.find((r) => r.date === addDays(today, -3))!.id, pain: 2 });
    await logActivity(calm(addDays(today, -1)));
    const done = await logMorningPain({ runId: (await getMyDay()).runs.find((r) => r.date === addDays(today, -1))!.id, pain: 1 });
    expect(done.programme).toMatch(/move up to stage 2 of 8/);
    expect((await getMyDay()).programme).toMatchObject({ stage: "Stage 2 of 8", steppedBack: false });

    const painful = await logActivity({ ...calm(today), painDuring: "7", painAfter: "6" });
    expect(painful.programme).toMatch(/go back from stage 2 to stage 1/);
    expect((await getMyDay()).programme).toMatchObject({ stage: "Stage 1 of 8", steppedBack: true });

    await becomeCaller(t.db, "physicianOnTeam");
    const row = (await listWorklist({ q: "Natarajan" })).rows[0]!;
    expect(row.alerts.map((a) => a.label)).toContain("Walk/run: stepped back to stage 1");

    // The assigned therapist sets the stage with a reason, never above the clearance.
    // A stricter clearance (runs of at most 15 minutes) caps the programme at stage 3.
    const [latest] = await t.db.select().from(clearances).where(eq(clearances.patientId, priya)).orderBy(desc(clearances.version)).limit(1);
    const { id: _id, seq: _seq, ...rest } = latest!;
    await t.db.insert(clearances).values({ ...rest, version: latest!.version + 1, restrictions: { ...latest!.restrictions!, maxRunMinutes: 15 }, signedAt: new Date() });
    await becomeCaller(t.db, "otherTherapist"); // pt.singh: Priya's therapist
    await expect(setWalkRunStage(priya, { stage: 4, reason: "Ran well at the session." })).rejects.toMatchObject({ fieldErrors: { stage: ["The clearance in force allows stage 3 at most."] } });
    await expect(setWalkRunStage(priya, { stage: 3, reason: "" })).rejects.toMatchObject({ fieldErrors: { reason: [expect.stringContaining("Say why")] } });
    await setWalkRunStage(priya, { stage: 3, reason: "Ran stage 3 without pain at the session." });
    expect((await getWalkRunProgramme(priya)).programme).toMatchObject({ stage: 3, lastChange: { kind: "set_by_clinician", stage: 3 } });
    await becomeCaller(t.db, "assignedTherapist"); // pt.morgan: not Priya's therapist
    await expect(setWalkRunStage(priya, { stage: 2, reason: "Not mine to change." })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a sign-off the record does not support: pain at rest above 2 at the latest exam", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101"); // latest exam: pain 3/10
    await becomeCaller(t.db, "physicianOnTeam");
    await expect(signOffReturnToRun(sam, { criteria: [...ALL] })).rejects.toMatchObject({ fieldErrors: { criteria: [expect.stringContaining("Pain at rest")] } });
    await becomeCaller(t.db, "assignedTherapist");
    await expect(signOffReturnToRun(sam, { criteria: [...ALL] })).rejects.toBeInstanceOf(NotFoundError);
  });
});
