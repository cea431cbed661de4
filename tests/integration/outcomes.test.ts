import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Database } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { careTeamMembers } from "@/db/schema/care-team";
import { checkIns } from "@/db/schema/check-ins";
import { episodes } from "@/db/schema/episodes";
import { exams } from "@/db/schema/exams";
import { patientOutcomes } from "@/db/schema/outcomes";
import { patients } from "@/db/schema/patients";
import { questionnaireResponses } from "@/db/schema/questionnaires";
import { users } from "@/db/schema/users";
import { demoExam, examColumns } from "@/db/seed-clinical";
import { setClinicalLead } from "@/lib/dal/accounts";
import { recordDiagnosis } from "@/lib/dal/diagnoses";
import { NotFoundError } from "@/lib/dal/errors";
import { CONTINUOUS_STAGE, refreshPatientOutcomes, refreshPatientOutcomesOf } from "@/lib/dal/internal/patient-outcomes";
import { assertClinicOutcomes, getOutcomesDashboard } from "@/lib/dal/outcomes";
import { listWorklist } from "@/lib/dal/worklist";
import { becomeCaller } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const DAY_MS = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY_MS);
const dateAgo = (days: number) => ago(days).toISOString().slice(0, 10);

/** A patient of Dr. Ortiz 50 days into an active episode: pain 6 → 5, ODI 40 → 38, at stage 8 since day 30. */
async function stalledPatient(db: Database): Promise<string> {
  const [ortiz] = await db.select({ id: users.id }).from(users).where(eq(users.email, "dr.ortiz@runclear.example"));
  const [p] = await db
    .insert(patients)
    .values({ mrn: `O-${randomUUID().slice(0, 8)}`, givenName: "Stalled", familyName: `Case${randomUUID().slice(0, 4)}`, dateOfBirth: "1985-05-05", sex: "female", timeZone: "UTC" })
    .returning({ id: patients.id });
  const patientId = p!.id;
  await db.insert(careTeamMembers).values({ patientId, userId: ortiz!.id, role: "physician" });
  const [episode] = await db.insert(episodes).values({ patientId, status: "active", openedAt: ago(50) }).returning({ id: episodes.id });
  const findings = demoExam("L5", "left", 6, dateAgo(60));
  await db.insert(exams).values({ patientId, episodeId: episode!.id, authorId: ortiz!.id, findings, status: "signed", ...examColumns(findings), signedById: ortiz!.id, signedAt: ago(50) });
  const checkIn = (days: number, painNow: number) => ({ patientId, idempotencyKey: randomUUID(), painNow, legSymptoms: [], redFlagAnswers: {} as never, createdAt: ago(days) });
  await db.insert(checkIns).values([checkIn(40, 6), checkIn(2, 5)]);
  const odi = (days: number, score: number) => ({ patientId, episodeId: episode!.id, kind: "odi" as const, answers: {}, score, localDate: dateAgo(days), idempotencyKey: randomUUID(), completedAt: ago(days) });
  await db.insert(questionnaireResponses).values([odi(49, 40), odi(3, 38)]);
  const run = (days: number, programmeStage: number) => ({ patientId, idempotencyKey: randomUUID(), kind: "run" as const, localDate: dateAgo(days), minutes: 30, programmeStage });
  await db.insert(activityLogs).values([run(35, 7), run(20, 8), run(5, 8)]);
  return patientId;
}

describeEachDatabase("the outcomes aggregate and dashboard", { seed: true }, (t) => {
  it("is refreshed by a locked write, flags week 6, and shows on the worklist and dashboard", async () => {
    const patientId = await stalledPatient(t.db);
    await becomeCaller(t.db, "physicianOnTeam");
    // Any locked write refreshes the row in its transaction: here the diagnosis.
    await recordDiagnosis(patientId, { condition: "disc_radiculopathy", side: "left", level: "L4-L5", confirmation: "clinical", notes: "" });
    const [row] = await t.db.select().from(patientOutcomes).where(eq(patientOutcomes.patientId, patientId));
    expect(row).toMatchObject({
      episodeStatus: "active",
      episodeStartedOn: dateAgo(50),
      rootCause: "disc_radiculopathy",
      programmeStage: 8,
      continuousOn: dateAgo(20),
      baselinePain: 6,
      latestPain: 5,
      baselineOdi: 40,
      latestOdi: 38,
      notImprovingAtWeek6: true,
    });

    const [listed] = (await listWorklist({ q: "Stalled", course: "not_improving" })).rows;
    expect(listed!.id).toBe(patientId);
    expect(listed!.alerts.map((a) => a.code)).toContain("not_improving");

    const mine = await getOutcomesDashboard({ cause: "disc_radiculopathy" });
    expect(mine.scope).toBe("mine");
    expect(mine.nonImprovers.find((n) => n.patientId === patientId)).toMatchObject({ weeksIn: 7, reasons: ["pain", "odi"], painChange: -1, odiChange: -2, onMyTeam: true });
    expect(mine.byStage.find((s) => s.stage === 8)!.count).toBeGreaterThanOrEqual(1);

    // A new check-in with pain down to 3 (50 %) and a refresh: pain no longer a reason.
    await t.db.insert(checkIns).values({ patientId, idempotencyKey: randomUUID(), painNow: 3, legSymptoms: [], redFlagAnswers: {} as never });
    await recordDiagnosis(patientId, { condition: "piriformis_syndrome", side: "left", level: null, confirmation: "clinical", notes: "" });
    const after = await getOutcomesDashboard({ cause: "piriformis_syndrome" });
    expect(after.nonImprovers.find((n) => n.patientId === patientId)).toMatchObject({ reasons: ["odi"], painChange: -3 });
    expect((await getOutcomesDashboard({ cause: "disc_radiculopathy" })).nonImprovers.some((n) => n.patientId === patientId)).toBe(false);
  });

  it("keeps the clinic view to a clinical lead, and unnames patients outside their care teams", async () => {
    const patientId = await stalledPatient(t.db);
    await becomeCaller(t.db, "physicianOnTeam");
    await recordDiagnosis(patientId, { condition: "trauma", side: "left", level: null, confirmation: "clinical", notes: "" });

    await becomeCaller(t.db, "physicianOffTeam"); // Dr. Chen: not on this patient's team
    expect((await getOutcomesDashboard()).nonImprovers.some((n) => n.patientId === patientId)).toBe(false);
    await expect(getOutcomesDashboard({ scope: "clinic" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assertClinicOutcomes()).rejects.toBeInstanceOf(NotFoundError);

    const [chen] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "dr.chen@runclear.example"));
    await becomeCaller(t.db, "admin");
    await expect(setClinicalLead(chen!.id, { clinicalLead: "true" })).resolves.toBeUndefined();
    const [therapist] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "pt.morgan@runclear.example"));
    await expect(setClinicalLead(therapist!.id, { clinicalLead: "true" })).rejects.toThrow("Only a physician can be clinical lead.");

    await becomeCaller(t.db, "physicianOffTeam");
    await expect(assertClinicOutcomes()).resolves.toBeUndefined();
    const clinic = await getOutcomesDashboard({ scope: "clinic", cause: "trauma" });
    expect(clinic.clinicalLead).toBe(true);
    const seen = clinic.nonImprovers.find((n) => n.patientId === patientId)!;
    expect(seen).toMatchObject({ name: null, onMyTeam: false });
    expect(seen.physicians).toContain("Ortiz");

    await becomeCaller(t.db, "admin");
    await setClinicalLead(chen!.id, { clinicalLead: "false" });
    await becomeCaller(t.db, "physicianOffTeam");
    await expect(getOutcomesDashboard({ scope: "clinic" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assertClinicOutcomes()).rejects.toBeInstanceOf(NotFoundError);

    for (const caller of ["assignedTherapist", "thePatient", "admin", "noSession"] as const) {
      await becomeCaller(t.db, caller);
      await expect(getOutcomesDashboard()).rejects.toBeInstanceOf(NotFoundError);
    }
  });
  it("computes a batch of patients exactly as it computes them one at a time", async () => {
    const ids = (await t.db.select({ id: patients.id }).from(patients)).map((p) => p.id);
    const zones = new Set((await t.db.select({ tz: patients.timeZone }).from(patients)).map((p) => p.tz));
    expect(zones.size).toBeGreaterThan(1);
    const rows = async () => (await t.db.select().from(patientOutcomes).orderBy(patientOutcomes.patientId)).map(({ updatedAt, ...row }) => ({ ...row, updatedAt: updatedAt.getTime() }));
    const one = new Date();
    await t.db.transaction(async (tx) => {
      for (const id of ids) await refreshPatientOutcomes(tx, id, one);
    });
    const alone = await rows();
    // A millisecond later: every row must be written again, and say so, to the same figures.
    const batch = new Date(one.getTime() + 1);
    await t.db.transaction(async (tx) => refreshPatientOutcomesOf(tx, [...ids].reverse(), batch));
    const together = await rows();
    expect(alone).toHaveLength(ids.length);
    expect(together.every((r) => r.updatedAt === batch.getTime())).toBe(true);
    expect(together.map((r) => ({ ...r, updatedAt: one.getTime() }))).toEqual(alone);
    // Both ways covered what the dashboard shows: an episode, a root cause, adherence, a stage.
    expect(alone.some((r) => r.episodeId !== null && r.rootCause !== null && r.adherencePercent !== null)).toBe(true);
    expect(alone.some((r) => r.episodeId === null || r.rootCause === null)).toBe(true);
  });

  it("counts the programme from the episode's first day in the patient's own zone", async () => {
    // An episode opened at 11:00 UTC fifty days ago is the next day at Kiritimati (UTC+14); one
    // opened at 05:00 UTC is the day before at Pago Pago (UTC-11).
    const utcDay = dateAgo(50);
    const dayAfter = (days: number) => new Date(Date.parse(utcDay) + days * DAY_MS).toISOString().slice(0, 10);
    async function patientIn(timeZone: string, openedAt: Date, runs: [string, number][]) {
      const [p] = await t.db
        .insert(patients)
        .values({ mrn: `Z-${randomUUID().slice(0, 8)}`, givenName: "Zone", familyName: `Case${randomUUID().slice(0, 4)}`, dateOfBirth: "1980-01-01", sex: "male", timeZone })
        .returning({ id: patients.id });
      await t.db.insert(episodes).values({ patientId: p!.id, status: "active", openedAt });
      const run = ([localDate, programmeStage]: [string, number]) => ({ patientId: p!.id, idempotencyKey: randomUUID(), kind: "run" as const, localDate, minutes: 30, programmeStage });
      await t.db.insert(activityLogs).values(runs.map(run));
      await t.db.transaction(async (tx) => refreshPatientOutcomes(tx, p!.id));
      const [row] = await t.db.select().from(patientOutcomes).where(eq(patientOutcomes.patientId, p!.id));
      return row!;
    }
    // Kiritimati: the run on the UTC day is before the episode there, so continuous running starts later.
    const east = await patientIn("Pacific/Kiritimati", new Date(`${utcDay}T11:00:00Z`), [
      [utcDay, CONTINUOUS_STAGE],
      [dayAfter(3), CONTINUOUS_STAGE - 1],
      [dayAfter(5), CONTINUOUS_STAGE],
    ]);
    expect(east).toMatchObject({ episodeStartedOn: dayAfter(1), programmeStage: CONTINUOUS_STAGE, continuousOn: dayAfter(5) });
    // Pago Pago: the episode's own first day counts.
    const west = await patientIn("Pacific/Pago_Pago", new Date(`${utcDay}T05:00:00Z`), [[dayAfter(-1), CONTINUOUS_STAGE]]);
    expect(west).toMatchObject({ episodeStartedOn: dayAfter(-1), programmeStage: CONTINUOUS_STAGE, continuousOn: dayAfter(-1) });
    // A stage logged only before the episode began is not the episode's stage.
    const before = await patientIn("Pacific/Kiritimati", new Date(`${utcDay}T11:00:00Z`), [[utcDay, 3]]);
    expect(before).toMatchObject({ episodeStartedOn: dayAfter(1), programmeStage: null, continuousOn: null });
  });
});
