/**
 * DOMAIN.md §10 under random sequences of clinical actions (fast-check), on the real DAL.
 *
 * Each sequence gets a patient of its own with its own care team (two physicians, a therapist)
 * and sign-in, a physician off the team, and a clock it can move forward days at a time. After
 * every step the invariants are checked: against the raw rows by an oracle written here, apart
 * from lib/domain/care-state.ts, and across every screen that shows the state. A failing sequence
 * shrinks to a smaller one that still fails, each step printed in words.
 *
 * On the embedded database 200 sequences run; with DATABASE_URL set the same property runs on the
 * PostgreSQL server (fewer sequences), where steps marked "together" really run concurrently.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, lte, max } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { openDatabase, useDatabaseForTests, type Database, type DatabaseHandle } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { careTeamMembers } from "@/db/schema/care-team";
import { clearances } from "@/db/schema/clearance";
import { episodeEvents } from "@/db/schema/clinical-events";
import { episodes } from "@/db/schema/episodes";
import { exams } from "@/db/schema/exams";
import { patients } from "@/db/schema/patients";
import { planVersions } from "@/db/schema/plans";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { users } from "@/db/schema/users";
import { demoExam } from "@/db/seed-clinical";
import { getMyDay, logActivity, logMorningPain } from "@/lib/dal/activity";
import { getPatientAdherence } from "@/lib/dal/adherence";
import { listCaseload } from "@/lib/dal/caseload";
import { submitCheckIn } from "@/lib/dal/check-ins";
import { decideClearance, getClearance, withdrawClearance } from "@/lib/dal/clearance";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { markEpisodeHealed, reopenEpisode } from "@/lib/dal/episodes";
import { signExam, startExam } from "@/lib/dal/exams";
import { getMyRecord, getPatientChart } from "@/lib/dal/patients";
import { getMyPlan, getPlan, savePlan } from "@/lib/dal/plans";
import { acknowledgeRedFlag, listRedFlagAlerts, resolveRedFlag } from "@/lib/dal/red-flags";
import { listWorklist } from "@/lib/dal/worklist";
import { inRequestScope } from "@/lib/dal/internal/request-scope";
import { startSession } from "@/lib/dal/internal/sessions";
import { DEFAULT_CLINIC_SETTINGS } from "@/lib/domain/clinic-settings";
import { MAX_PAIN_AT_REST_FOR_FULL, MAX_PAIN_AT_REST_FOR_RESTRICTED } from "@/lib/domain/clearance";
import { hasBilateralSigns } from "@/lib/domain/exam";
import { describePermissionForPatient, permissionLabel } from "@/lib/domain/permission-wording";
import { catalogueEntry } from "@/lib/domain/plan-catalogue";
import { patientRedFlagIds, RED_FLAG_IDS, type RedFlagId } from "@/lib/domain/red-flags";
import { addDays, localDate } from "@/lib/domain/schedule";
import { planFromTemplate } from "@/db/seed-plans";
import { createFreshDatabase } from "../support/fresh-database";
import { setSessionClaims, withSessionClaims } from "../support/session-stub";

const ON_SERVER = Boolean(inject("postgresTemplateUrl"));
const RUNS = Number(process.env.RUNCLEAR_PROPERTY_RUNS ?? (ON_SERVER ? 20 : 200));
const DAY_MS = 86_400_000;

type Who = "physicianA" | "physicianB" | "physicianOff" | "therapist" | "patient";

interface World {
  db: Database;
  patientId: string;
  timeZone: string;
  users: Record<Who, string>;
  /** Milliseconds the clock has been moved forward. */
  offset: number;
  /** A millisecond more at every action, so two actions never share a timestamp. */
  ticks: number;
  sessions: Partial<Record<Who, { id: string; at: number }>>;
}

let handle: DatabaseHandle;
const realNow = Date.now();

function setClock(world: World) {
  world.ticks += 1;
  vi.setSystemTime(realNow + world.offset + world.ticks);
}

/**
 * Signs `who` in, reusing their session until the clock has moved (a session lasts 12 hours and
 * idles out after 30 minutes, so days passing end it, as they would in the clinic).
 */
async function as(world: World, who: Who) {
  setClock(world);
  let session = world.sessions[who];
  if (!session || session.at !== world.offset) {
    session = { id: await startSession(world.users[who]), at: world.offset };
    world.sessions[who] = session;
  }
  setSessionClaims({ userId: world.users[who], sessionId: session.id });
}

const today = (w: World) => localDate(new Date(realNow + w.offset), w.timeZone);

async function newWorld(db: Database, timeZone: string): Promise<World> {
  const suffix = randomUUID().slice(0, 8);
  const [patient] = await db
    .insert(patients)
    .values({ mrn: `P-${suffix}`, givenName: "Prop", familyName: `Runner${suffix}`, dateOfBirth: "1985-05-05", sex: "female", timeZone, weeklyDistanceKm: 30 })
    .returning({ id: patients.id });
  const make = async (role: "physician" | "therapist" | "patient", label: string) => {
    const [u] = await db
      .insert(users)
      .values({
        email: `${label}-${suffix}@prop.example`,
        name: `${label} ${suffix}`,
        role,
        passwordHash: "scrypt$17$8$1$AA==$AA==",
        patientId: role === "patient" ? patient!.id : null,
        sessionsValidAfter: new Date(0),
        // A clinical account a second administrator has confirmed (DOMAIN.md §8).
        accessConfirmedAt: role === "patient" ? null : new Date(0),
      })
      .returning({ id: users.id });
    return u!.id;
  };
  const ids = {
    physicianA: await make("physician", "phys-a"),
    physicianB: await make("physician", "phys-b"),
    physicianOff: await make("physician", "phys-off"),
    therapist: await make("therapist", "pt"),
    patient: await make("patient", "patient"),
  };
  await db.insert(careTeamMembers).values([
    { patientId: patient!.id, userId: ids.physicianA, role: "physician" },
    { patientId: patient!.id, userId: ids.physicianB, role: "physician" },
    { patientId: patient!.id, userId: ids.therapist, role: "therapist" },
  ]);
  await db.insert(episodes).values({ patientId: patient!.id, status: "awaiting_exam", openedAt: new Date(realNow) });
  return { db, patientId: patient!.id, timeZone, users: ids, offset: 0, ticks: 0, sessions: {} };
}

/** A refusal the rules give (bad state, conflict): expected. Anything else fails the property. */
async function refusable(run: () => Promise<unknown>): Promise<"done" | "refused"> {
  try {
    await run();
    return "done";
  } catch (error) {
    if (error instanceof ValidationError || error instanceof ConflictError) return "refused";
    throw error;
  }
}

async function clearanceVersion(w: World): Promise<number> {
  const [row] = await w.db.select({ v: max(clearances.version) }).from(clearances).where(eq(clearances.patientId, w.patientId));
  return row?.v ?? 0;
}

async function planVersion(w: World): Promise<number> {
  const [row] = await w.db.select({ v: max(planVersions.version) }).from(planVersions).where(eq(planVersions.patientId, w.patientId));
  return row?.v ?? 0;
}

interface Step {
  toString(): string;
  run(w: World): Promise<void>;
}

const step = (label: string, run: (w: World) => Promise<void>): Step => ({ toString: () => label, run });
const physician = fc.constantFrom<Who>("physicianA", "physicianB");

const checkIn = fc
  .record({
    flags: fc.oneof({ weight: 3, arbitrary: fc.constant<RedFlagId[]>([]) }, { weight: 1, arbitrary: fc.subarray([...patientRedFlagIds], { minLength: 1, maxLength: 2 }) }),
    neuroWorse: fc.boolean(),
  })
  .map(({ flags, neuroWorse }) =>
    step(`patient checks in${flags.length ? ` reporting ${flags.join(", ")}` : ""}${neuroWorse ? ", numbness worse" : ""}`, async (w) => {
      await as(w, "patient");
      await submitCheckIn({
        idempotencyKey: randomUUID(),
        painNow: 3,
        legSymptoms: [],
        neuroWorse: neuroWorse ? "yes" : "no",
        redFlags: Object.fromEntries(patientRedFlagIds.map((id) => [id, flags.includes(id) ? "yes" : "no"])),
      });
    }),
  );

const signAnExam = fc
  .record({
    by: physician,
    painNow: fc.integer({ min: 0, max: 8 }),
    weak: fc.boolean(),
    bilateral: fc.boolean(),
    flag: fc.option(fc.constantFrom(...RED_FLAG_IDS), { freq: 3 }),
    longStanding: fc.boolean(),
  })
  .map((e) =>
    step(
      `${e.by} signs an exam: pain ${e.painNow}${e.weak ? ", weak" : ""}${e.bilateral ? ", both legs" : ""}${e.flag ? `, red flag ${e.flag}${e.longStanding ? " (long-standing)" : ""}` : ""}`,
      async (w) => {
        await as(w, e.by);
        const { examId } = await startExam(w.patientId);
        const exam = demoExam(e.weak ? "L5" : "none", "left", e.painNow, addDays(today(w), -20), e.flag ? [e.flag] : []);
        if (e.bilateral) exam.history.side = "both";
        if (e.flag && e.longStanding) exam.redFlagsLongStanding = { [e.flag]: true };
        await refusable(() => signExam(w.patientId, examId, 1, exam));
      },
    ),
  );

const decide = fc
  .record({
    by: physician,
    level: fc.constantFrom("not_cleared", "restricted", "full"),
    reviewInDays: fc.integer({ min: 1, max: 45 }),
    minutes: fc.integer({ min: 10, max: 40 }),
    runs: fc.integer({ min: 1, max: 5 }),
    rpe: fc.integer({ min: 3, max: 7 }),
    reason: fc.boolean(),
    stale: fc.boolean(),
  })
  .map((d) =>
    step(`${d.by} decides ${d.level}${d.level === "restricted" ? ` (${d.minutes} min × ${d.runs}, RPE ${d.rpe})` : ""}, review in ${d.reviewInDays} days${d.reason ? ", with a reason" : ""}${d.stale ? ", from a stale version" : ""}`, async (w) => {
      await as(w, d.by);
      const version = (await clearanceVersion(w)) - (d.stale ? 1 : 0);
      await refusable(() =>
        decideClearance(w.patientId, version, {
          level: d.level,
          restrictions:
            d.level === "restricted"
              ? { maxRunMinutes: d.minutes, runsPerWeek: d.runs, weeklyDistanceKm: null, maxEffortRpe: d.rpe, painCeiling: null, flatGroundOnly: false, noSpeedWork: false, notes: "" }
              : null,
          reviewDate: addDays(today(w), d.reviewInDays),
          overrideReason: d.reason ? "Agreed with the patient after discussing the findings." : "",
        }),
      );
    }),
  );

const withdraw = physician.map((by) =>
  step(`${by} withdraws the clearance`, async (w) => {
    await as(w, by);
    const version = await clearanceVersion(w);
    await refusable(() => withdrawClearance(w.patientId, version, { reason: "New symptoms at the visit." }));
  }),
);

const writePlan = fc
  .record({
    by: physician,
    running: fc.option(fc.record({ minutes: fc.integer({ min: 10, max: 60 }), runs: fc.integer({ min: 1, max: 6 }), rpe: fc.integer({ min: 2, max: 8 }) })),
    medicine: fc.option(fc.record({ amount: fc.constantFrom(200, 400, 800, 1000), times: fc.integer({ min: 1, max: 6 }), days: fc.integer({ min: 1, max: 10 }), justified: fc.boolean() })),
  })
  .map((p) =>
    step(
      `${p.by} saves a plan${p.running ? ` with runs of ${p.running.minutes} min × ${p.running.runs}, RPE ${p.running.rpe}` : ""}${p.medicine ? ` and ibuprofen ${p.medicine.amount} mg × ${p.medicine.times} for ${p.medicine.days} days${p.medicine.justified ? " (justified)" : ""}` : ""}`,
      async (w) => {
        await as(w, p.by);
        const start = today(w);
        const plan = planFromTemplate("disc-herniation-self-care", start);
        const items = [...plan.items];
        if (p.running) {
          items.push({ key: randomUUID(), catalogueId: "running", dose: { kind: "running", minutesPerRun: p.running.minutes, runsPerWeek: p.running.runs, maxRpe: p.running.rpe }, instructions: "Easy.", justification: "" });
        }
        if (p.medicine) {
          items.push({
            key: randomUUID(),
            catalogueId: "ibuprofen",
            dose: { kind: "medicine", drug: "Ibuprofen", amount: p.medicine.amount, unit: "mg", timesPerDay: p.medicine.times, asNeeded: true, days: p.medicine.days, startDate: start },
            instructions: catalogueEntry("ibuprofen").instruction,
            justification: p.medicine.justified ? "Short course agreed; formulary allows it." : "",
          });
        }
        await refusable(async () => savePlan(w.patientId, await planVersion(w), { ...plan, items }));
      },
    ),
  );

const pain = fc.option(fc.integer({ min: 0, max: 8 }), { freq: 4 });
const logRun = fc
  .record({ daysAgo: fc.integer({ min: 0, max: 3 }), minutes: fc.integer({ min: 5, max: 50 }), during: pain, after: pain, neuro: fc.boolean() })
  .map((r) =>
    step(`patient logs a ${r.minutes}-min run ${r.daysAgo} days ago, pain ${r.during ?? "blank"}/${r.after ?? "blank"}${r.neuro ? ", new numbness" : ""}`, async (w) => {
      await as(w, "patient");
      const before = (await getMyDay()).permission;
      const idempotencyKey = randomUUID();
      const result = await logActivity({
        kind: "run",
        idempotencyKey,
        date: addDays(today(w), -r.daysAgo),
        minutes: r.minutes,
        distanceKm: 3,
        rpe: 3,
        painDuring: r.during ?? "",
        painAfter: r.after ?? "",
        newNumbnessOrWeakness: r.neuro,
      });
      // §10.3: a run logged while no clearance is in force is saved and flagged, never silently.
      expect(result.breaches.some((b) => b.code === "not_cleared")).toBe(before.status === "paused");
      const [saved] = await w.db.select().from(activityLogs).where(eq(activityLogs.idempotencyKey, idempotencyKey));
      // A blank pain stays blank (§6).
      expect(saved!.painDuring).toBe(r.during);
      expect(saved!.painAfter).toBe(r.after);
    }),
  );

const morning = fc.integer({ min: 0, max: 8 }).map((p) =>
  step(`patient enters next-morning pain ${p} for the latest earlier run`, async (w) => {
    await as(w, "patient");
    const run = (await getMyDay()).runs.find((r) => r.morningPain === null && r.date < today(w) && r.date >= addDays(today(w), -3));
    if (run) await logMorningPain({ runId: run.id, pain: p });
  }),
);

const acknowledge = physician.map((by) =>
  step(`${by} acknowledges the newest open red flag`, async (w) => {
    await as(w, by);
    const open = (await listRedFlagAlerts(w.patientId)).find((a) => !a.resolvedAt && !a.acknowledgedAt);
    if (open) await acknowledgeRedFlag(w.patientId, { alertId: open.id });
  }),
);

const resolve = fc.record({ by: physician, longStanding: fc.boolean() }).map(({ by, longStanding }) =>
  step(`${by} resolves an open red flag${longStanding ? " as long-standing" : ""}`, async (w) => {
    await as(w, by);
    const open = (await listRedFlagAlerts(w.patientId)).find((a) => !a.resolvedAt);
    if (open) await resolveRedFlag(w.patientId, { alertId: open.id, resolution: "Assessed in clinic; nothing serious found.", longStanding: longStanding ? open.flags.map((f) => f.id) : [] });
  }),
);

const heal = fc.record({ by: physician, confirm: fc.boolean() }).map(({ by, confirm }) =>
  step(`${by} marks the episode healed${confirm ? "" : " without confirming"}`, async (w) => {
    await as(w, by);
    await refusable(() => markEpisodeHealed(w.patientId, { confirm: (confirm ? "healed" : "") as "healed" }));
  }),
);

const reopen = physician.map((by) =>
  step(`${by} reopens the episode`, async (w) => {
    await as(w, by);
    await refusable(() => reopenEpisode(w.patientId, { reason: "Leg pain came back after a long run." }));
  }),
);

const passDays = fc.integer({ min: 1, max: 25 }).map((n) =>
  step(`${n} days pass`, async (w) => {
    w.offset += n * DAY_MS;
  }),
);

const outsider = fc.constantFrom<Who>("physicianOff", "therapist", "patient").map((who) =>
  step(`${who} tries to clear the patient fully`, async (w) => {
    await as(w, who);
    const before = await clearanceVersion(w);
    await expect(decideClearance(w.patientId, before, { level: "full", restrictions: null, reviewDate: addDays(today(w), 10), overrideReason: "Trying." })).rejects.toBeInstanceOf(NotFoundError);
    expect(await clearanceVersion(w)).toBe(before);
  }),
);

/** A red flag reported at the very moment a physician decides: on the server, truly concurrent. */
const together = fc.record({ by: physician, flag: fc.constantFrom(...patientRedFlagIds) }).map(({ by, flag }) =>
  step(`together: patient reports ${flag} while ${by} clears with limits`, async (w) => {
    setClock(w);
    const patientSession = await startSession(w.users.patient);
    const physicianSession = await startSession(w.users[by]);
    const version = await clearanceVersion(w);
    await Promise.all([
      withSessionClaims({ userId: w.users.patient, sessionId: patientSession }, async () => {
        await submitCheckIn({
          idempotencyKey: randomUUID(),
          painNow: 4,
          legSymptoms: [],
          neuroWorse: "no",
          redFlags: Object.fromEntries(patientRedFlagIds.map((id) => [id, id === flag ? "yes" : "no"])),
        });
      }),
      withSessionClaims({ userId: w.users[by], sessionId: physicianSession }, async () => {
        await refusable(() =>
          decideClearance(w.patientId, version, {
            level: "restricted",
            restrictions: { maxRunMinutes: 20, runsPerWeek: 3, weeklyDistanceKm: null, maxEffortRpe: 4, painCeiling: null, flatGroundOnly: false, noSpeedWork: false, notes: "" },
            reviewDate: addDays(today(w), 14),
            overrideReason: "Agreed with the patient after discussing the findings.",
          }),
        );
      }),
    ]);
  }),
);

const anyStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: checkIn },
  { weight: 3, arbitrary: signAnExam },
  { weight: 4, arbitrary: decide },
  { weight: 1, arbitrary: withdraw },
  { weight: 2, arbitrary: writePlan },
  { weight: 3, arbitrary: logRun },
  { weight: 1, arbitrary: morning },
  { weight: 2, arbitrary: acknowledge },
  { weight: 3, arbitrary: resolve },
  { weight: 2, arbitrary: heal },
  { weight: 1, arbitrary: reopen },
  { weight: 2, arbitrary: passDays },
  { weight: 1, arbitrary: outsider },
  { weight: 1, arbitrary: together },
);

/**
 * The oracle: whether a clearance is in force, from the rows, by §10.1 read literally. Written
 * here without lib/domain/care-state.ts, so the two can disagree.
 */
async function oracle(w: World) {
  const { db, patientId } = w;
  const [episode] = await db.select().from(episodes).where(eq(episodes.patientId, patientId)).orderBy(desc(episodes.openedAt), desc(episodes.createdAt)).limit(1);
  const [clearance] = await db.select().from(clearances).where(eq(clearances.patientId, patientId)).orderBy(desc(clearances.version)).limit(1);
  const open = await db.select().from(redFlagAlerts).where(and(eq(redFlagAlerts.patientId, patientId), isNull(redFlagAlerts.resolvedAt)));
  const [flagSeq] = await db.select({ s: max(redFlagAlerts.seq) }).from(redFlagAlerts).where(eq(redFlagAlerts.patientId, patientId));
  const [reopenSeq] = episode
    ? await db.select({ s: max(episodeEvents.seq) }).from(episodeEvents).where(and(eq(episodeEvents.episodeId, episode.id), eq(episodeEvents.kind, "reopened")))
    : [{ s: null }];
  const day = today(w);
  const inForce = Boolean(
    clearance &&
      episode &&
      clearance.level !== "not_cleared" &&
      clearance.episodeId === episode.id &&
      episode.status !== "healed" &&
      open.length === 0 &&
      (flagSeq?.s == null || Number(clearance.seq) > Number(flagSeq.s)) &&
      (reopenSeq?.s == null || Number(clearance.seq) > Number(reopenSeq.s)) &&
      (!clearance.reviewDate || day <= addDays(clearance.reviewDate, DEFAULT_CLINIC_SETTINGS.reviewGraceDays)),
  );
  return { episode: episode!, clearance, open, inForce, day };
}

/**
 * One check plays one request: the state is loaded once and every screen reads it, as in the
 * app. Every step checks each invariant on the patient's own screens (home, plan, Today list)
 * and the chart; every screen that shows the state (with the clearance and plan pages, the
 * worklist, the caseload and the adherence view) is compared every `ALL_SCREENS_EVERY` steps and
 * at the end of each sequence, where the care team would look next.
 */
const ALL_SCREENS_EVERY = 4;

function checkInvariants(w: World, allScreens: boolean) {
  return inRequestScope(() => checkAll(w, allScreens));
}

async function checkAll(w: World, allScreens: boolean) {
  setClock(w);
  const o = await oracle(w);
  // §10.2: a healed episode has no unresolved red flag.
  if (o.episode.status === "healed") {
    expect(o.open, "a healed episode with an open red flag").toEqual([]);
    // §10.3: healing hands running back, so it happens only under a full clearance in force, and a
    // withdrawal afterwards reopens the episode.
    expect(o.clearance?.level, "healed without a full clearance").toBe("full");
    expect(o.clearance?.withdrawn, "healed with the clearance withdrawn").toBe(false);
  }

  await as(w, "patient");
  const [home, myPlan, day] = [await getMyRecord(), await getMyPlan(), await getMyDay()];
  await as(w, "physicianA");
  const chart = await getPatientChart(w.patientId);
  const { permission } = chart.care;
  const labels = [permissionLabel(home.care.permission), ...(myPlan ? [permissionLabel(myPlan.care.permission)] : []), permissionLabel(day.permission), permissionLabel(permission)];
  if (allScreens) {
    const [clearance, plan, worklist] = [await getClearance(w.patientId), await getPlan(w.patientId), await listWorklist()];
    await as(w, "therapist");
    const [caseload, adherence] = [await listCaseload(), await getPatientAdherence(w.patientId)];
    labels.push(
      permissionLabel(clearance.care.permission),
      permissionLabel(plan.care.permission),
      worklist.rows[0]!.permission,
      caseload.rows[0]!.permission,
      permissionLabel(adherence.care.permission),
    );
  }
  // §10.7: every screen shows the same state.
  expect([...new Set(labels)], "screens disagree").toHaveLength(1);

  // §10.1: in force exactly when the facts say so.
  expect(permission.status === "cleared", `in force per the rows: ${o.inForce}`).toBe(o.inForce);
  expect(permission.status === "return_to_training").toBe(o.episode.status === "healed");

  // §10.3: nothing shows permission to run while none is in force.
  if (permission.status === "paused") {
    expect(describePermissionForPatient(home.care.permission, home.settings, (d) => d).tone).not.toBe("cleared");
    expect(day.running.every((r) => r.allowed === null)).toBe(true);
    expect(myPlan?.care.running.every((r) => r.status === "paused") ?? true).toBe(true);
  }

  // §10.4: a clearance in force past an exam finding carries a recorded reason.
  if (permission.status === "cleared" && o.clearance) {
    // The exam the decision was made on: the latest signed before it.
    const [exam] = await w.db
      .select()
      .from(exams)
      .where(and(eq(exams.patientId, w.patientId), eq(exams.episodeId, o.clearance.episodeId!), eq(exams.status, "signed"), lte(exams.signedAt, o.clearance.signedAt)))
      .orderBy(desc(exams.signedAt))
      .limit(1);
    const limit = o.clearance.level === "full" ? MAX_PAIN_AT_REST_FOR_FULL : MAX_PAIN_AT_REST_FOR_RESTRICTED;
    const finding = exam && (exam.painNow! > limit || exam.hasMotorDeficit || hasBilateralSigns(exam.findings));
    if (finding) expect(o.clearance.overrideReason, "cleared past an exam finding without a reason").not.toBe("");
  }

  // §10.5 and §10.6: the Today list and running inside their limits.
  const [current] = await w.db.select().from(planVersions).where(eq(planVersions.patientId, w.patientId)).orderBy(desc(planVersions.version)).limit(1);
  for (const item of current?.plan.items ?? []) {
    if (item.dose.kind !== "medicine") continue;
    const due = o.day >= item.dose.startDate && o.day <= addDays(item.dose.startDate, item.dose.days - 1);
    expect(day.items.some((i) => i.key === item.key), `medicine on Today: due ${due}`).toBe(due);
    // Ibuprofen over the counter: 800 mg a dose, 1,200 mg a day (BNF), never above without a reason.
    if (item.dose.amount > 800 || item.dose.amount * item.dose.timesPerDay > 1200) expect(item.justification).not.toBe("");
  }
  if (permission.status === "cleared" && permission.restrictions) {
    const r = permission.restrictions;
    for (const run of chart.care.running) {
      expect(run.allowed!.minutesPerRun).toBeLessThanOrEqual(r.maxRunMinutes ?? Infinity);
      expect(run.allowed!.runsPerWeek).toBeLessThanOrEqual(r.runsPerWeek ?? Infinity);
      expect(run.allowed!.maxRpe).toBeLessThanOrEqual(r.maxEffortRpe ?? Infinity);
    }
  }
}

const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => Math.round((b.user + b.system - a.user - a.system) / 1000);

const ZONES = ["UTC", "America/Chicago", "Pacific/Auckland", "America/Los_Angeles"];

describe(`§10 invariants under random action sequences [${ON_SERVER ? "postgres" : "pglite"}]`, () => {
  beforeAll(async () => {
    handle = ON_SERVER
      ? await openDatabase({ url: await createFreshDatabase(process.env.DATABASE_URL!, `${inject("postgresRunPrefix")}_prop`, new URL(inject("postgresTemplateUrl")!).pathname.slice(1)) })
      : await openDatabase({ pgliteDir: "memory" });
    useDatabaseForTests(handle);
    // Only Date is faked: timers, the database driver and PGlite keep real time for waiting.
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterAll(async () => {
    vi.useRealTimers();
    setSessionClaims(null);
    await handle?.close();
  });

  it(`hold after every step of ${RUNS} sequences of 20 to 24 actions`, { timeout: 60 * 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ZONES), fc.array(anyStep, { minLength: 20, maxLength: 24 }), async (zone, steps) => {
        const world = await newWorld(handle.db, zone);
        await checkInvariants(world, true);
        for (const [i, s] of steps.entries()) {
          const c0 = process.cpuUsage();
          try {
            await s.run(world);
            const c1 = process.cpuUsage();
            await checkInvariants(world, (i + 1) % ALL_SCREENS_EVERY === 0 || i === steps.length - 1);
            if (process.env.RUNCLEAR_PROPERTY_TIMING) console.log(`${cpu(c0, c1)} ms step, ${cpu(c1, process.cpuUsage())} ms check: ${s}`);
          } catch (error) {
            // The case as a reader wants it: the steps up to the one after which the check failed.
            const story = steps.slice(0, i + 1).map((t, n) => `  ${n + 1}. ${t}`).join("\n");
            throw new Error(`In ${zone}, after step ${i + 1}: ${error instanceof Error ? error.message : String(error)}\n${story}`, { cause: error });
          }
        }
      }),
      {
        numRuns: RUNS,
        // To replay a failure: RUNCLEAR_PROPERTY_SEED and RUNCLEAR_PROPERTY_PATH from its report.
        ...(process.env.RUNCLEAR_PROPERTY_SEED ? { seed: Number(process.env.RUNCLEAR_PROPERTY_SEED), path: process.env.RUNCLEAR_PROPERTY_PATH } : {}),
        endOnFailure: false,
        interruptAfterTimeLimit: 50 * 60_000,
      },
    );
  });
});
