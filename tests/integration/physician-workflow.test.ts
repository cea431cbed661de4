import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { careTeamMembers } from "@/db/schema/care-team";
import { episodes } from "@/db/schema/episodes";
import { exams } from "@/db/schema/exams";
import { users } from "@/db/schema/users";
import { demoExam } from "@/db/seed-clinical";
import { ClearanceRefused, decideClearance, getClearance, withdrawClearance } from "@/lib/dal/clearance";
import { getDiagnoses, recordDiagnosis } from "@/lib/dal/diagnoses";
import { markEpisodeHealed } from "@/lib/dal/episodes";
import { ConflictError, ValidationError } from "@/lib/dal/errors";
import { addExamAddendum, getExam, saveExamDraft, signExam, startExam } from "@/lib/dal/exams";
import { registerPatient } from "@/lib/dal/patients";
import { listRedFlagAlerts, resolveRedFlag } from "@/lib/dal/red-flags";
import { listWorklist } from "@/lib/dal/worklist";
import { localDate } from "@/lib/domain/schedule";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const today = () => localDate(new Date(), "UTC");
const inDays = (n: number) => localDate(new Date(Date.now() + n * 86_400_000), "America/Chicago");
const registration = {
  givenName: "Lena",
  familyName: "Fischer",
  dateOfBirth: "1992-03-14",
  sex: "female",
  email: "lena.fischer@runclear.example",
  phone: "+1 555 0199",
  timeZone: "America/Chicago",
  weeklyDistanceKm: "35",
  runningGoal: "Berlin Marathon",
  therapistId: "",
  createAccount: "on",
};

describeEachDatabase("physician workflow", { seed: true }, (t) => {
  it("lists the physician's patients urgent first, with search, filters, sorting and pages", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const all = await listWorklist();
    expect(all.total).toBe(7);
    expect(all.rows[0]).toMatchObject({ name: "Rosa Delgado", openAlerts: 1 });
    expect(all.rows.find((r) => r.name === "Sam Rivera")).toMatchObject({ permission: "Cleared with limits", mayRun: true, latestPain: 3, episodeStatus: "active" });
    // Priya's review date has passed, but by less than the clinic's grace period: still in force, review due.
    expect(all.rows.find((r) => r.name === "Priya Natarajan")).toMatchObject({ permission: "Cleared with limits · review due", mayRun: true });
    expect(all.rows.find((r) => r.name === "Tom Becker")).toMatchObject({ episodeStatus: "awaiting_exam", permission: "Not cleared: awaiting exam", latestPain: null });

    expect((await listWorklist({ q: "rivera" })).rows.map((r) => r.name)).toEqual(["Sam Rivera"]);
    expect((await listWorklist({ q: "RC-100102" })).rows.map((r) => r.name)).toEqual(["Priya Natarajan"]);
    expect((await listWorklist({ q: "%" })).total).toBe(0);
    expect((await listWorklist({ status: "healed" })).rows.map((r) => r.name)).toEqual(["Megan O'Brien"]);
    expect((await listWorklist({ clearance: "restricted" })).rows.map((r) => r.name).sort()).toEqual(["Priya Natarajan", "Sam Rivera"]);
    expect((await listWorklist({ clearance: "paused" })).rows.map((r) => r.name).sort()).toEqual(["Grace Liu", "Rosa Delgado", "Tom Becker"]);
    expect((await listWorklist({ alerts: "yes" })).rows.map((r) => r.name)).toEqual(["Rosa Delgado"]);
    const byPain = (await listWorklist({ sort: "pain" })).rows.map((r) => r.latestPain);
    expect(byPain.slice(1, 4)).toEqual([6, 3, 2]);

    // Accents and case are folded on both sides: typed without them, or with, the name is found.
    await registerPatient({ ...registration, givenName: "Lucía", familyName: "Núñez", email: "", createAccount: "" });
    for (const typed of ["nunez", "NÚÑEZ", "lucia nu", "nunez luc"]) expect((await listWorklist({ q: typed })).rows.map((r) => r.name)).toEqual(["Lucía Núñez"]);
    expect((await listWorklist({ q: "nunes" })).total).toBe(0);

    for (let i = 0; i < 14; i++) await registerPatient({ ...registration, givenName: `Runner${i}`, email: "", createAccount: "" });
    const first = await listWorklist({ sort: "name" });
    const second = await listWorklist({ sort: "name", page: 2 });
    expect([first.total, first.rows.length, second.rows.length]).toEqual([22, 20, 2]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(22);
  });

  it("registers a patient with a care team, an episode awaiting exam and a sign-in account", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const morgan = (await t.db.select().from(users).where(eq(users.email, "pt.morgan@runclear.example")))[0]!;
    const result = await registerPatient({ ...registration, therapistId: morgan.id });
    expect(result.mrn).toMatch(/^RC-2\d{5}$/);
    expect(result.account?.oneTimePassword).toMatch(/^[a-z2-9-]{19}$/);
    const team = await t.db.select().from(careTeamMembers).where(eq(careTeamMembers.patientId, result.patientId));
    expect(team.map((m) => m.role).sort()).toEqual(["physician", "therapist"]);
    const [episode] = await t.db.select().from(episodes).where(eq(episodes.patientId, result.patientId));
    expect(episode?.status).toBe("awaiting_exam");
    const [account] = await t.db.select().from(users).where(eq(users.patientId, result.patientId));
    expect(account).toMatchObject({ role: "patient", mustChangePassword: true, email: "lena.fischer@runclear.example" });

    await expect(registerPatient({ ...registration, dateOfBirth: "2999-01-01", weeklyDistanceKm: "lots" })).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["dateOfBirth"] }), expect.objectContaining({ path: ["weeklyDistanceKm"] })]),
    });
    await expect(registerPatient(registration)).rejects.toMatchObject({ fieldErrors: { email: ["An account with this email already exists."] } });
  });

  it("takes an exam from draft to signed; a signed exam never changes; corrections are addenda", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const tom = await patientIdByMrn(t.db, "RC-100103");
    const { examId } = await startExam(tom);
    const [opened] = await t.db.select().from(episodes).where(eq(episodes.patientId, tom));
    expect(opened?.status).toBe("active");

    const full = demoExam("L5", "left", 4, "2026-11-01");
    const { version } = await saveExamDraft(tom, examId, 1, { history: full.history });
    expect(version).toBe(2);
    // A second editor still holding version 1 cannot overwrite the first.
    await expect(saveExamDraft(tom, examId, 1, { notes: "stale" })).rejects.toBeInstanceOf(ConflictError);
    await expect(signExam(tom, examId, 2, { history: full.history })).rejects.toBeInstanceOf(ValidationError);
    await expect(saveExamDraft(tom, examId, 2, { history: { ...full.history, painNow: 8, painWorst: 3 } })).rejects.toMatchObject({
      fieldErrors: { "history.painWorst": ["Worst pain cannot be lower than pain now."] },
    });

    expect(await signExam(tom, examId, 2, full)).toEqual({ redFlagRaised: false });
    const signed = await getExam(tom, examId);
    expect(signed).toMatchObject({ status: "signed", painNow: 4, suggestedLevel: "L5", signedByName: "Dr. Elena Ortiz" });
    await expect(saveExamDraft(tom, examId, 3, { notes: "change" })).rejects.toBeInstanceOf(ConflictError);
    await expect(t.db.update(exams).set({ painNow: 0 }).where(eq(exams.id, examId))).rejects.toThrow();
    await expect(t.db.execute(sql`delete from exams where id = ${examId}`)).rejects.toThrow();

    await addExamAddendum(tom, examId, { text: "Left great-toe extension re-tested: MRC 4, not 3." });
    expect((await getExam(tom, examId)).addenda).toEqual([expect.objectContaining({ text: "Left great-toe extension re-tested: MRC 4, not 3.", authorName: "Dr. Elena Ortiz" })]);
  });

  it("a red flag blocks clearance until a physician records its resolution", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const { examId } = await startExam(sam);
    const flagged = demoExam("L5", "left", 5, "2026-11-01", ["bilateral_leg_symptoms"]);
    expect(await signExam(sam, examId, 1, flagged)).toEqual({ redFlagRaised: true });
    expect((await listWorklist()).rows[0]?.name).toMatch(/Rosa Delgado|Sam Rivera/);
    expect((await listWorklist({ alerts: "yes" })).rows.map((r) => r.name).sort()).toEqual(["Rosa Delgado", "Sam Rivera"]);

    const state = await getClearance(sam);
    expect(state.activeRedFlags).toEqual(["bilateral_leg_symptoms"]);
    const restricted = { level: "restricted", restrictions: { maxRunMinutes: 15, runsPerWeek: null, weeklyDistanceKm: null, maxEffortRpe: null, painCeiling: null, flatGroundOnly: false, noSpeedWork: false, notes: "" }, reviewDate: inDays(7), overrideReason: "" };
    const refusal = await decideClearance(sam, state.current!.version, { ...restricted, overrideReason: "I know best" }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ClearanceRefused);
    // A red flag blocks outright, whatever the reason given; the exam's findings would need one too.
    expect((refusal as ClearanceRefused).problems.map((p) => p.code)).toEqual(["red_flag_active", "motor_deficit", "bilateral_signs"]);
    expect((refusal as ClearanceRefused).problems[0]!.overridable).toBe(false);

    const [alert] = await listRedFlagAlerts(sam);
    await expect(resolveRedFlag(sam, { alertId: alert!.id, resolution: "ok" })).rejects.toMatchObject({ fieldErrors: { resolution: [expect.stringMatching(/at least 10 characters/)] } });
    await resolveRedFlag(sam, { alertId: alert!.id, resolution: "Seen in ED: bilateral symptoms were cramp after a long drive; MRI clear." });
    await decideClearance(sam, state.current!.version, { ...restricted, overrideReason: "Bilateral symptoms explained by cramp; mild L5 weakness stable." });
    const after = await getClearance(sam);
    expect(after.current).toMatchObject({ level: "restricted", version: state.current!.version + 1, signedByName: "Dr. Elena Ortiz" });
    expect(after.history).toHaveLength(state.history.length + 1);
  });

  it("applies the clearance rules: recent exam, pain at rest, motor deficit, override reason, conflicts, withdrawal", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const tomNoExam = await registerPatient({ ...registration, email: "", createAccount: "" });
    const base = { restrictions: null, reviewDate: inDays(14), overrideReason: "" };
    await expect(decideClearance(tomNoExam.patientId, 0, { ...base, level: "full" })).rejects.toMatchObject({ problems: [expect.objectContaining({ code: "no_recent_exam" })] });
    await decideClearance(tomNoExam.patientId, 0, { ...base, level: "not_cleared" });

    const grace = await patientIdByMrn(t.db, "RC-100104"); // pain 6 and weak great-toe extension
    const v = (await getClearance(grace)).current!.version;
    const refused = (await decideClearance(grace, v, { ...base, level: "full" }).catch((e: unknown) => e)) as ClearanceRefused;
    expect(refused.problems.map((p) => p.code).sort()).toEqual(["motor_deficit", "pain_at_rest_too_high"]);
    expect(refused.fieldErrors.overrideReason).toBeDefined();
    await decideClearance(grace, v, { ...base, level: "full", overrideReason: "Elite athlete under daily physio supervision; pain is back-dominant." });
    expect((await getClearance(grace)).current).toMatchObject({ level: "full", overrideReason: expect.stringContaining("Elite athlete") });

    await expect(decideClearance(grace, v, { ...base, level: "not_cleared" })).rejects.toBeInstanceOf(ConflictError);
    await withdrawClearance(grace, v + 1, { reason: "New foot drop reported by phone." });
    expect((await getClearance(grace)).current).toMatchObject({ level: "not_cleared", note: "Withdrawn: New foot drop reported by phone." });
    await expect(decideClearance(grace, v + 2, { ...base, level: "restricted", reviewDate: today() })).rejects.toThrow();
  });

  it("records the diagnosis with its ICD-10-CM code and marks the episode healed", async () => {
    await becomeCaller(t.db, "physicianOnTeam");
    const olu = await patientIdByMrn(t.db, "RC-100105");
    await recordDiagnosis(olu, { condition: "disc_radiculopathy", side: "right", level: "L5-S1", confirmation: "clinical", notes: "" });
    expect((await getDiagnoses(olu))[0]).toMatchObject({ icd10Code: "M51.17", label: expect.stringContaining("disc") });
    await recordDiagnosis(olu, { condition: "stenosis_with_claudication", side: "right", level: "L5-S1", confirmation: "imaging", notes: "" });
    expect((await getDiagnoses(olu))[0]).toMatchObject({ icd10Code: null, codeNote: expect.stringContaining("EHR") });

    await expect(markEpisodeHealed(olu, { confirm: "" as "healed" })).rejects.toBeInstanceOf(ValidationError);
    await markEpisodeHealed(olu, { confirm: "healed" });
    await expect(markEpisodeHealed(olu, { confirm: "healed" })).rejects.toBeInstanceOf(ValidationError);
    expect((await listWorklist({ q: "Adeyemi" })).rows[0]?.episodeStatus).toBe("healed");
  });
});
