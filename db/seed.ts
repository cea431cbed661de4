import { count } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import type { Database } from "./client";
import { careTeamMembers } from "./schema/care-team";
import { episodes } from "./schema/episodes";
import { patients } from "./schema/patients";
import { users } from "./schema/users";
import { sql } from "drizzle-orm";
import { clinicSettings } from "./schema/clinic-settings";
import { DEMO_PASSWORD, demoClinicSettings, demoPatientEmail, demoPatients, demoStaff, type StaffKey } from "./seed-data";
import { icd10For, regionForLevel } from "../lib/domain/diagnoses";
import { localDate } from "../lib/domain/schedule";
import { clearances } from "./schema/clearance";
import { diagnoses } from "./schema/diagnoses";
import { exams } from "./schema/exams";
import { redFlagAlerts } from "./schema/red-flags";
import { demoClinical, demoExam, examColumns, restrictionsOf } from "./seed-clinical";
import { demoPlans, planFromTemplate } from "./seed-plans";
import { activityStories, demoActivity } from "./seed-activity";
import { activityLogs } from "./schema/activity";
import { checkIns } from "./schema/check-ins";
import { describeChanges, planSchema, type Plan } from "../lib/domain/plan";
import { escalationReferrals, planVersions, therapyReferrals } from "./schema/plans";
import { seedDemoTherapy } from "./seed-therapy";
import { seedDemoQuestionnaires } from "./seed-questionnaires";
import { seedDemoWalkRun } from "./seed-walk-run";
import { rebuildPatientOutcomesIn } from "../lib/dal/internal/patient-outcomes";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Seeds the demo clinic when there are no users yet. Returns whether it seeded. */
export async function seedDemoClinicIfEmpty(db: Database, now = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemoClinic(db, now);
  return true;
}

export async function seedDemoClinic(db: Database, now = new Date()): Promise<void> {
  // Every demo account has the same published password, so one hash serves them all, as in the
  // synthetic clinic: a salt per account protects secrets, and this one is in the README. An
  // account's own password (set-up, reset, change) gets its own salt (lib/dal/accounts.ts).
  // scrypt is slow on purpose (about 0.8 s on a slow core), and the tests seed about fifty
  // clinics. Hashed before the transaction, so it never holds the connection.
  const demoHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const staffRows = await tx
      .insert(users)
      // The demo clinic's staff are confirmed from the start (separation of duties).
      .values(demoStaff.map((s) => ({ email: s.email, name: s.name, role: s.role, passwordHash: demoHash, accessConfirmedAt: now })))
      .returning({ id: users.id, email: users.email });
    const staffId = (key: StaffKey) => staffRows.find((r) => r.email === demoStaff.find((s) => s.key === key)!.email)!.id;

    for (const [i, p] of demoPatients.entries()) {
      const email = demoPatientEmail(p);
      const [patient] = await tx
        .insert(patients)
        .values({
          mrn: `RC-${String(100101 + i)}`,
          givenName: p.givenName,
          familyName: p.familyName,
          dateOfBirth: p.dateOfBirth,
          sex: p.sex,
          email,
          phone: `+1 555 01${String(10 + i).padStart(2, "0")}`,
          timeZone: p.timeZone,
          weeklyDistanceKm: p.weeklyDistanceKm,
          runningGoal: p.runningGoal,
        })
        .returning({ id: patients.id });
      const patientId = patient!.id;
      if (!p.noAccount) {
        await tx.insert(users).values({
          email,
          name: `${p.givenName} ${p.familyName}`,
          role: "patient",
          passwordHash: demoHash,
          patientId,
        });
      }
      await tx.insert(careTeamMembers).values([
        { patientId, userId: staffId(p.physician), role: "physician" },
        ...(p.therapist ? [{ patientId, userId: staffId(p.therapist), role: "therapist" as const }] : []),
      ]);
      const openedAt = new Date(now.getTime() - p.openedDaysAgo * DAY_MS);
      const [episode] = await tx
        .insert(episodes)
        .values({
          patientId,
          status: p.episode,
          openedAt,
          resolvedAt: p.episode === "healed" ? new Date(now.getTime() - 7 * DAY_MS) : null,
        })
        .returning({ id: episodes.id });

      const clinical = demoClinical.find((c) => c.mrnIndex === i);
      const physicianId = staffId(p.physician);
      const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS);
      if (clinical?.exam) {
        const e = clinical.exam;
        const examDate = daysAgo(e.daysAgo);
        const findings = demoExam(e.pattern, e.side, e.painNow, localDate(daysAgo(p.openedDaysAgo + 3), "UTC"), e.redFlags);
        const [exam] = await tx
          .insert(exams)
          .values(
            e.draft
              ? { patientId, episodeId: episode!.id, authorId: physicianId, findings: { history: findings.history, redFlags: findings.redFlags }, createdAt: examDate }
              : { patientId, episodeId: episode!.id, authorId: physicianId, findings, status: "signed", ...examColumns(findings), signedById: physicianId, signedAt: examDate, createdAt: examDate },
          )
          .returning({ id: exams.id });
        if (!e.draft && e.redFlags?.length) {
          await tx.insert(redFlagAlerts).values({ patientId, source: "exam", examId: exam!.id, flags: e.redFlags, raisedById: physicianId, raisedAt: examDate, acknowledgedAt: examDate, acknowledgedById: physicianId });
        }
      }
      if (clinical?.diagnosis) {
        const d = clinical.diagnosis;
        const side = clinical.exam?.side ?? "left";
        await tx.insert(diagnoses).values({
          patientId,
          episodeId: episode!.id,
          condition: d.condition,
          icd10Code: icd10For(d.condition, side, d.level ? regionForLevel(d.level) : undefined),
          side,
          level: d.level,
          confirmation: d.confirmation,
          notes: d.notes,
          recordedById: physicianId,
          recordedAt: daysAgo(clinical.exam?.daysAgo ?? 0),
        });
      }
      const plans = demoPlans.find((d) => d.mrnIndex === i);
      if (plans) {
        let previous: Plan | null = null;
        let plan = planFromTemplate(plans.template, localDate(daysAgo(plans.startDaysAgo), p.timeZone));
        const steps = [{ daysAgo: plans.firstDaysAgo, change: (x: Plan) => x }, ...(plans.later ?? [])];
        for (const [v, step] of steps.entries()) {
          plan = planSchema.parse(step.change(plan, localDate(now, p.timeZone)));
          await tx.insert(planVersions).values({
            patientId,
            episodeId: episode!.id,
            version: v + 1,
            plan,
            changes: describeChanges(previous, plan),
            templateId: v === 0 ? plans.template : null,
            createdById: physicianId,
            createdAt: daysAgo(step.daysAgo),
          });
          previous = plan;
        }
        const story = activityStories[i];
        if (story) {
          const cleared = [...(clinical?.clearances ?? [])].reverse().find((c) => c.level !== "not_cleared");
          // The clearance stops being in force at a red flag reported from home, or past the review's grace.
          const until =
            story.redFlag
              ? localDate(daysAgo(2), p.timeZone)
              : cleared?.reviewInDays != null && cleared.reviewInDays < -demoClinicSettings.reviewGraceDays
                ? localDate(daysAgo(-cleared.reviewInDays - demoClinicSettings.reviewGraceDays), p.timeZone)
                : null;
          const log = demoActivity(story, plan, localDate(now, p.timeZone), i, cleared ? localDate(daysAgo(cleared.daysAgo), p.timeZone) : null, until);
          const at = (date: string) => new Date(`${date}T18:00:00Z`);
          if (log.items.length) {
            await tx.insert(activityLogs).values(
              log.items.map((l) => ({ patientId, idempotencyKey: log.key(), kind: "item" as const, localDate: l.localDate, itemKey: l.itemKey, status: l.status, skipReason: l.skipReason, createdAt: at(l.localDate) })),
            );
          }
          if (log.runs.length) {
            await tx.insert(activityLogs).values(log.runs.map((r) => ({ patientId, idempotencyKey: log.key(), kind: "run" as const, ...r, createdAt: at(r.localDate) })));
          }
          for (const c of log.checkIns) {
            const flags = Object.keys(c.redFlags).filter((id) => c.redFlags[id]);
            const [checkIn] = await tx
              .insert(checkIns)
              .values({ patientId, idempotencyKey: log.key(), painNow: c.painNow, legSymptoms: ["pain_down_leg"], redFlagAnswers: c.redFlags, createdAt: at(c.localDate) })
              .returning({ id: checkIns.id });
            if (flags.length) await tx.insert(redFlagAlerts).values({ patientId, source: "check_in", checkInId: checkIn!.id, flags, raisedAt: at(c.localDate) });
          }
        }
        if (plans.therapy) {
          const t = plans.therapy;
          await tx.insert(therapyReferrals).values({
            patientId,
            therapistId: staffId(t.therapist),
            sessionsPerWeek: t.sessionsPerWeek,
            weeks: t.weeks,
            goals: t.goals,
            status: "scheduled",
            startDate: localDate(daysAgo(t.daysAgo), p.timeZone),
            createdById: physicianId,
            createdAt: daysAgo(t.daysAgo),
          });
        }
        for (const e of plans.escalations ?? []) {
          await tx.insert(escalationReferrals).values({ patientId, ...e, createdById: physicianId, createdAt: daysAgo(e.daysAgo), updatedAt: daysAgo(Math.max(0, e.daysAgo - 3)) });
        }
      }
      for (const [v, c] of (clinical?.clearances ?? []).entries()) {
        await tx.insert(clearances).values({
          patientId,
          episodeId: episode!.id,
          version: v + 1,
          level: c.level,
          restrictions: c.level === "restricted" ? restrictionsOf(c.restrictions ?? {}) : null,
          reviewDate: c.reviewInDays === null ? null : localDate(new Date(now.getTime() + c.reviewInDays * DAY_MS), p.timeZone),
          note: c.note ?? "",
          signedById: physicianId,
          signedAt: daysAgo(c.daysAgo),
        });
      }
    }
    await seedDemoTherapy(tx, now);
    await seedDemoQuestionnaires(tx, now);
    await tx.insert(clinicSettings).values({ id: 1, ...demoClinicSettings });
    // The facts above were written patient by patient, not in the order they happened: number
    // them by time, as the clinic's own writes would have (db/schema/clinical-events.ts).
    await tx.execute(sql`
      with facts as (
        select 'c' as kind, id, signed_at as at from clearances union all
        select 'r', id, raised_at from red_flag_alerts union all
        select 'e', id, occurred_at from episode_events
      ), ordered as (select kind, id, row_number() over (order by at, kind, id) as n from facts)
      update clearances c set seq = o.n from ordered o where o.kind = 'c' and o.id = c.id`);
    await tx.execute(sql`
      with facts as (
        select 'c' as kind, id, signed_at as at from clearances union all
        select 'r', id, raised_at from red_flag_alerts union all
        select 'e', id, occurred_at from episode_events
      ), ordered as (select kind, id, row_number() over (order by at, kind, id) as n from facts)
      update red_flag_alerts r set seq = o.n from ordered o where o.kind = 'r' and o.id = r.id`);
    await tx.execute(sql`select setval('clinical_event_seq', (select count(*) from clearances) + (select count(*) from red_flag_alerts) + (select count(*) from episode_events) + 1, false)`);
    await seedDemoWalkRun(tx, now);
    // Last: the outcomes aggregate from every fact the modules above wrote (issue 13 part 6).
    await rebuildPatientOutcomesIn(tx, now);
  });
}
