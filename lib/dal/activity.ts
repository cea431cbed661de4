import "server-only";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { activityLogs } from "@/db/schema/activity";
import { activityInputSchema, dayStatus } from "@/lib/domain/activity";
import { careState, type Permission, type RunningItemState } from "@/lib/domain/care-state";
import { describePermissionForPatient } from "@/lib/domain/permission-wording";
import { itemName } from "@/lib/domain/plan";
import { describeDose, doseCadence } from "@/lib/domain/plan-catalogue";
import { judgeRun, totalRunMinutes, type RunPain, type RunVerdict } from "@/lib/domain/progression";
import { checkRunAgainstClearance, weekSoFarFor, type RunBreach } from "@/lib/domain/run-restrictions";
import { addDays, weekStart } from "@/lib/domain/schedule";
import { describeChange, describeRunEffect, LAST_STAGE, programmeProgressText } from "@/lib/domain/walk-run";
import { auditOf, authorizePatient, authorizeRole, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { clinicSettingsOfRequest } from "./internal/clinic-settings";
import { fieldErrorsOf, NotFoundError, ValidationError } from "./errors";
import { withPatientLocked, type LoadedCareFacts, type Tx } from "./internal/care-facts";
import { careOf } from "./internal/care-state-cache";
import { preparedRead } from "./internal/prepared-read";

export interface DayEntry {
  id: string;
  status: "done" | "skipped";
  skipReason: string | null;
}

export interface DayItem {
  key: string;
  name: string;
  dose: string;
  /** Ticks the day takes: an item due 3 times a day is done after three (lib/domain/progress.ts). */
  timesPerDay: number;
  /** What was logged for the day, oldest first; the newest can be undone. */
  entries: DayEntry[];
  /** done: every time ticked; partial: some; skipped: skipped with none done; null: nothing yet. */
  status: "done" | "partial" | "skipped" | null;
}

export interface RunEntry {
  id: string;
  date: string;
  minutes: number;
  distanceKm: number;
  rpe: number;
  /** Pain scores left blank stay null: unknown, never 0. */
  painBefore: number | null;
  painDuring: number | null;
  painAfter: number | null;
  morningPain: number | null;
  newNumbnessOrWeakness: boolean;
  breaches: string[];
  /** The pain-monitoring rule's judgement of this run (DOMAIN.md §6). */
  verdict: RunVerdict;
}

export interface RunningToday {
  name: string;
  state: RunningItemState;
  /** The dose the patient may run now, in words; null while running is paused. */
  allowed: string | null;
}

export interface MyDay {
  /** The day shown and logged for: today, or one of the days before it still open to logging. */
  date: string;
  today: string;
  /** Today first, then the days before it the patient may still log plan items for. */
  loggableDates: string[];
  items: DayItem[];
  running: RunningToday[];
  /** Runs of the last week, newest first. */
  runs: RunEntry[];
  permission: Permission;
  /** What the patient is told about running today. */
  runningHeadline: string;
  /** The walk/run programme in plain words, while the patient is in it. */
  programme: ProgrammeToday | null;
  /** After healing: this week of the graded return to the usual weekly distance. */
  returnToTraining: { week: number; weeks: number; targetKm: number; goalKm: number; done: boolean; plan: { week: number; km: number }[] } | null;
}

export interface ProgrammeToday {
  status: "active" | "paused";
  stage: string;
  progress: string;
  today: string;
  /** The latest change in words, e.g. "Stepped back to stage 2". */
  lastChange: string;
  steppedBack: boolean;
}

export interface LogResult {
  /** Plain advice when a run broke the clearance; the care team sees the same run flagged. */
  breaches: Pick<RunBreach, "code" | "patientMessage">[];
  /** For a run: how the pain-monitoring rule judged it. */
  verdict: RunVerdict | null;
  /** For a run in the walk/run programme: what it did to the stage, in plain words. */
  programme?: string | null;
}

/** Next-morning pain may be entered for a run of the last this-many days, across weeks. */
export const MORNING_PAIN_DAYS = 3;
/** Plan items can be logged, and undone, for today and this many days before it. */
export const ITEM_LOG_DAYS_BACK = 2;

export const myDayQuerySchema = z.object({ date: z.iso.date().optional().catch(undefined) });

function loggableDatesFrom(today: string): string[] {
  return Array.from({ length: ITEM_LOG_DAYS_BACK + 1 }, (_, i) => addDays(today, -i));
}


const RECENT_RUN_DAYS = 7;

function toRun(r: typeof activityLogs.$inferSelect, baseline: number | null): RunEntry {
  const pain = {
    painBefore: r.painBefore,
    painDuring: r.painDuring,
    painAfter: r.painAfter,
    morningPain: r.morningPain,
    newNumbnessOrWeakness: r.newNumbnessOrWeakness,
  };
  return {
    id: r.id,
    date: r.localDate,
    minutes: r.minutes ?? 0,
    distanceKm: r.distanceKm ?? 0,
    rpe: r.rpe ?? 0,
    ...pain,
    breaches: r.breaches ?? [],
    verdict: judgeRun(pain, baseline),
  };
}

/** The latest check-in pain on or before the run's day stands in for a blank pain-before. */
function baselineOf(facts: LoadedCareFacts, date: string): number | null {
  return facts.checkIns.filter((c) => c.localDate <= date).at(-1)?.painNow ?? null;
}

const logsSince = preparedRead(["patientId", "from"], (database, at) =>
  database
    .select()
    .from(activityLogs)
    .where(and(eq(activityLogs.patientId, at.patientId), gte(activityLogs.localDate, at.from)))
    .orderBy(desc(activityLogs.localDate), desc(activityLogs.createdAt)),
);

/**
 * A day's plan items (today's, or one of the two days before it) with what the patient logged,
 * running as the state in force allows it today, and the last week's runs. Medicines show only
 * between their start and the end of their duration.
 */
export async function getMyDay(query: z.input<typeof myDayQuerySchema> = {}): Promise<MyDay> {
  const user = await authorizeRole("activity.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "activity.view", { roles: ["patient"] });
  const [{ facts, state }, settings] = await Promise.all([careOf(access.patientId), clinicSettingsOfRequest()]);
  const loggableDates = loggableDatesFrom(state.today);
  const asked = myDayQuerySchema.parse(query).date;
  const date = asked && loggableDates.includes(asked) ? asked : state.today;
  const logs = await logsSince({ patientId: access.patientId, from: addDays(state.today, -RECENT_RUN_DAYS) });
  const days = logs.filter((l) => l.localDate === date && l.kind === "item").reverse();
  const entriesOf = (key: string): DayEntry[] =>
    days.filter((l) => l.itemKey === key).map((l) => ({ id: l.id, status: l.status ?? "done", skipReason: l.skipReason }));
  // A medicine is listed on the days it is due (§10.5), whichever day is shown.
  const activeMedicines = new Set(
    state.medicines.filter((m) => m.startsOn <= date && date <= m.endsOn).map((m) => m.key),
  );
  const items = facts.plan?.items ?? [];
  return {
    date,
    today: state.today,
    loggableDates,
    permission: state.permission,
    runningHeadline: describePermissionForPatient(state.permission, settings, (d) => d).headline,
    programme: state.programme
      ? {
          status: state.programme.status,
          ...programmeProgressText(state.programme),
          lastChange: `${describeChange(state.programme.lastChange)}${state.programme.lastChange.kind === "step_back" ? `: ${state.programme.lastChange.reason}` : ""}`,
          steppedBack: state.programme.lastChange.kind === "step_back",
        }
      : null,
    returnToTraining: state.returnToTraining
      ? {
          week: state.returnToTraining.week,
          weeks: state.returnToTraining.weeks.length,
          targetKm: state.returnToTraining.targetKm,
          goalKm: state.returnToTraining.goalKm,
          done: state.returnToTraining.done,
          plan: state.returnToTraining.weeks,
        }
      : null,
    items: items
      .filter((i) => i.dose.kind !== "advice" && i.dose.kind !== "running" && (i.dose.kind !== "medicine" || activeMedicines.has(i.key)))
      .map((i) => {
        const entries = entriesOf(i.key);
        const timesPerDay = doseCadence(i.dose)?.timesPerDay ?? 1;
        return { key: i.key, name: itemName(i), dose: describeDose(i.dose), timesPerDay, entries, status: dayStatus(entries, timesPerDay) };
      }),
    running: state.running.map((r) => ({
      name: itemName(items.find((i) => i.key === r.key)!),
      state: r,
      // In the programme the running is today's stage session ("Run 2 min, walk 3 min, 5 times").
      allowed: r.allowed ? (state.programme?.status === "active" ? `${state.programme.session.patientLabel} (stage ${state.programme.stage} of ${LAST_STAGE})` : describeDose(r.allowed)) : null,
    })),
    runs: logs.filter((l) => l.kind === "run").map((l) => toRun(l, baselineOf(facts, l.localDate))),
  };
}

async function otherRunsOfWeek(tx: Tx, patientId: string, date: string) {
  const rows = await tx
    .select({ date: activityLogs.localDate, distanceKm: activityLogs.distanceKm })
    .from(activityLogs)
    .where(and(eq(activityLogs.patientId, patientId), eq(activityLogs.kind, "run"), gte(activityLogs.localDate, weekStart(date))));
  return weekSoFarFor(date, rows.map((o) => ({ date: o.date, distanceKm: o.distanceKm ?? 0 })));
}

/**
 * The signed-in patient logs an item or a run. Inside the patient's row lock, a run is checked
 * against the permission in force then (lib/domain/care-state.ts): one logged while no clearance
 * is in force, or beyond its limits, is saved with the breach for the care team and explained in
 * plain words; the pain-monitoring rule judges it. A repeated idempotency key returns the first
 * answer and writes nothing.
 */
export async function logActivity(input: unknown): Promise<LogResult> {
  const user = await authorizeRole("activity.log", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "activity.log", { roles: ["patient"] });
  const parsed = activityInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("Please check what you entered.", fieldErrorsOf(parsed.error));
  }
  const entry = parsed.data;
  if (entry.kind === "item" && entry.status === "skipped" && !entry.skipReason) {
    throw new ValidationError("Please check what you entered.", { skipReason: ["Say why you skipped it, so your care team can help."] });
  }
  const settings = await clinicSettingsOfRequest();
  return withPatientLocked(access.patientId, async (tx, facts) => {
    if (entry.date > facts.today) throw new ValidationError("Please check what you entered.", { date: ["That day has not happened yet: choose today or a day before."] });
    if (entry.date < addDays(facts.today, -7)) throw new ValidationError("Please check what you entered.", { date: ["Choose a day in the last week."] });
    let breaches: RunBreach[] = [];
    let verdict: RunVerdict | null = null;
    let programmeStage: number | null = null;
    if (entry.kind === "item") await checkItemEntry(tx, access.patientId, facts, entry);
    if (entry.kind === "run") {
      const { permission, programme } = careState(facts);
      // A run in the programme is the session of the stage in force (lib/domain/walk-run.ts).
      if (programme?.status === "active") programmeStage = programme.stage;
      const whyNot = describePermissionForPatient(permission, settings, (d) => d).headline;
      breaches = checkRunAgainstClearance(
        // A walk/run session's minutes include the walking: its running time is the stage's.
        { minutes: programme?.status === "active" ? Math.min(entry.minutes, totalRunMinutes(programme.session)) : entry.minutes, distanceKm: entry.distanceKm, rpe: entry.rpe, painDuring: entry.painDuring, date: entry.date },
        permission,
        await otherRunsOfWeek(tx, access.patientId, entry.date),
        whyNot,
      );
      verdict = judgeRun({ ...entry, morningPain: null }, baselineOf(facts, entry.date));
    }
    const createdAt = new Date();
    const inserted = await tx
      .insert(activityLogs)
      .values({
        patientId: access.patientId,
        idempotencyKey: entry.idempotencyKey,
        kind: entry.kind,
        localDate: entry.date,
        createdAt,
        ...(entry.kind === "item"
          ? { itemKey: entry.itemKey, status: entry.status, skipReason: entry.skipReason || null }
          : {
              minutes: entry.minutes,
              distanceKm: entry.distanceKm,
              rpe: entry.rpe,
              painBefore: entry.painBefore,
              painDuring: entry.painDuring,
              painAfter: entry.painAfter,
              newNumbnessOrWeakness: entry.newNumbnessOrWeakness,
              programmeStage,
              breaches: breaches.map((b) => b.code),
            }),
      })
      .onConflictDoNothing({ target: activityLogs.idempotencyKey })
      .returning({ id: activityLogs.id });
    if (!inserted.length) {
      const [earlier] = await tx
        .select()
        .from(activityLogs)
        .where(and(eq(activityLogs.idempotencyKey, entry.idempotencyKey), eq(activityLogs.patientId, access.patientId)));
      if (!earlier) throw new ValidationError("Please reload the page and try again.");
      const first = earlier.kind === "run" ? toRun(earlier, baselineOf(facts, earlier.localDate)) : null;
      return {
        breaches: breaches.filter((b) => earlier.breaches?.includes(b.code)).map(({ code, patientMessage }) => ({ code, patientMessage })),
        verdict: first?.verdict ?? null,
      };
    }
    await writeAudit(auditOf(access, "activity.log", `activity:${inserted[0]!.id}`), tx);
    const programme =
      entry.kind === "run" && programmeStage !== null ? programmeEffect(facts, { ...entry, id: inserted[0]!.id, programmeStage, morningPain: null, createdAt }) : null;
    return { breaches: breaches.map(({ code, patientMessage }) => ({ code, patientMessage })), verdict, programme };
  });
}

/**
 * What a programme run just written did to the walk/run stage: the facts read under the lock with
 * this run put in (added, or its morning pain filled in), derived again — nothing is read twice.
 */
function programmeEffect(
  facts: LoadedCareFacts,
  run: RunPain & { id: string; date: string; programmeStage: number; createdAt?: Date },
): string | null {
  if (!facts.programme) return null;
  const written = { ...run, localDate: run.date, createdAt: run.createdAt ?? new Date() };
  const runs = facts.programme.runs.some((r) => r.id === run.id)
    ? facts.programme.runs.map((r) => (r.id === run.id ? { ...r, morningPain: run.morningPain } : r))
    : [...facts.programme.runs, written];
  return describeRunEffect(careState({ ...facts, programme: { ...facts.programme, runs } }).programme, run.id);
}

type ItemEntry = Extract<z.output<typeof activityInputSchema>, { kind: "item" }>;

/**
 * A plan item is ticked for today or the two days before, at most as many times as it is due
 * that day, and skipped once. A retry of the same tick (same idempotency key) is not refused here:
 * the insert below finds it and answers as the first time did.
 */
async function checkItemEntry(tx: Tx, patientId: string, facts: LoadedCareFacts, entry: ItemEntry): Promise<void> {
  const refuse = (field: string, message: string) => {
    throw new ValidationError("Please check what you entered.", { [field]: [message] });
  };
  if (entry.date < addDays(facts.today, -ITEM_LOG_DAYS_BACK)) refuse("date", "Plan items can be logged for today and the two days before it.");
  const item = facts.plan?.items.find((i) => i.key === entry.itemKey);
  if (!item || item.dose.kind === "advice" || item.dose.kind === "running") refuse("itemKey", "This item is not in your plan any more. Reload the page to see your plan.");
  const logged = await tx
    .select({ status: activityLogs.status, idempotencyKey: activityLogs.idempotencyKey })
    .from(activityLogs)
    .where(and(eq(activityLogs.patientId, patientId), eq(activityLogs.kind, "item"), eq(activityLogs.itemKey, entry.itemKey), eq(activityLogs.localDate, entry.date)));
  if (logged.some((l) => l.idempotencyKey === entry.idempotencyKey)) return;
  const timesPerDay = doseCadence(item!.dose)?.timesPerDay ?? 1;
  const done = logged.filter((l) => l.status === "done").length;
  if (entry.status === "done" && done >= timesPerDay) {
    refuse("status", timesPerDay === 1 ? "This is already ticked done for that day." : `All ${timesPerDay} times are already ticked done for that day.`);
  }
  if (entry.status === "skipped" && logged.some((l) => l.status === "skipped")) refuse("status", "This is already marked skipped for that day.");
  if (entry.status === "skipped" && done >= timesPerDay) refuse("status", "Every time of this item is ticked done for that day: undo one first.");
}

export const undoActivitySchema = z.object({ entryId: z.uuid("Unknown entry.") });

/**
 * The patient takes back a plan item tick (done or skipped) of today or the two days before:
 * the log is removed inside the patient's lock and the removal is audited with the entry's id.
 * Runs are not undone here: a run logged by mistake stays for the care team to see.
 */
export async function undoActivity(input: z.input<typeof undoActivitySchema>): Promise<{ undone: "done" | "skipped" }> {
  const user = await authorizeRole("activity.log", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "activity.log", { roles: ["patient"] });
  const parsed = undoActivitySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Please check what you entered.", fieldErrorsOf(parsed.error));
  // Nothing to undo rolls the whole transaction back (the outcomes refresh with it): a refusal
  // commits nothing but its audit entry.
  const undone = await withPatientLocked(access.patientId, async (tx, facts) => {
    const [removed] = await tx
      .delete(activityLogs)
      .where(
        and(
          eq(activityLogs.id, parsed.data.entryId),
          eq(activityLogs.patientId, access.patientId),
          eq(activityLogs.kind, "item"),
          gte(activityLogs.localDate, addDays(facts.today, -ITEM_LOG_DAYS_BACK)),
        ),
      )
      .returning({ id: activityLogs.id, status: activityLogs.status });
    if (!removed) throw new NotFoundError();
    await writeAudit(auditOf(access, "activity.undo", `activity:${removed.id}`), tx);
    return { undone: removed.status ?? "done" };
  }).catch(async (error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
    // Another patient's entry, a run, or one too old to change: all answered alike, and recorded.
    await writeAudit({ actor: user, action: "activity.undo", resource: `activity:${parsed.data.entryId}`, outcome: "denied" });
    throw error;
  });
  return undone;
}

const runsSince = preparedRead(["patientId", "from"], (database, at) =>
  database
    .select()
    .from(activityLogs)
    .where(and(eq(activityLogs.patientId, at.patientId), eq(activityLogs.kind, "run"), gte(activityLogs.localDate, at.from)))
    .orderBy(desc(activityLogs.localDate), desc(activityLogs.createdAt)),
);

/** The patient's runs of the last four weeks, breaches flagged and judged, for the care team. */
export async function listRecentRuns(patientId: string): Promise<RunEntry[]> {
  await readPatient(patientId, "activity.view", { roles: ["physician", "therapist"] });
  const { facts } = await careOf(patientId);
  const rows = await runsSince({ patientId, from: addDays(facts.today, -28) });
  return rows.map((r) => toRun(r, baselineOf(facts, r.localDate)));
}

const PAIN_MESSAGE = "Choose your pain from 0 to 10.";

export const morningPainSchema = z.object({
  runId: z.uuid("Unknown run."),
  // A number, never a blank read as 0: an unanswered pain score is unknown (DOMAIN.md §6).
  pain: z.number(PAIN_MESSAGE).int(PAIN_MESSAGE).min(0, PAIN_MESSAGE).max(10, PAIN_MESSAGE),
});

/**
 * The morning after a run, the patient records their pain (DOMAIN.md §6): for any run of the
 * last three days, across weeks (a Sunday run on Monday). Returns the run's new judgement.
 */
export async function logMorningPain(input: z.input<typeof morningPainSchema>): Promise<{ verdict: RunVerdict; programme: string | null }> {
  const user = await authorizeRole("activity.log", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "activity.log", { roles: ["patient"] });
  const parsed = morningPainSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Please check what you entered.", fieldErrorsOf(parsed.error));
  const { runId, pain } = parsed.data;
  return withPatientLocked(access.patientId, async (tx, facts) => {
    const updated = await tx
      .update(activityLogs)
      .set({ morningPain: pain })
      .where(
        and(
          eq(activityLogs.id, runId),
          eq(activityLogs.patientId, access.patientId),
          eq(activityLogs.kind, "run"),
          gte(activityLogs.localDate, addDays(facts.today, -MORNING_PAIN_DAYS)),
          lt(activityLogs.localDate, facts.today),
        ),
      )
      .returning();
    const run = updated[0];
    if (!run) {
      throw new ValidationError("Please check what you entered.", { pain: [`Next-morning pain is for a run of the last ${MORNING_PAIN_DAYS} days, before today.`] });
    }
    await writeAudit(auditOf(access, "activity.morning_pain", `activity:${runId}`), tx);
    const programme =
      run.programmeStage === null
        ? null
        : programmeEffect(facts, { ...run, date: run.localDate, programmeStage: run.programmeStage, newNumbnessOrWeakness: run.newNumbnessOrWeakness, morningPain: pain });
    return { verdict: toRun(run, baselineOf(facts, run.localDate)).verdict, programme };
  });
}
