import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/dal/errors";
import type { Plan, PlanItem } from "@/lib/domain/plan";
import { catalogueEntry, type CatalogueId, type Dose } from "@/lib/domain/plan-catalogue";
import { adjustDose, adjustableFields, doseAdjustmentSchema, isTherapistDosed, therapySessionSchema } from "@/lib/domain/therapy-session";

const TODAY = "2026-11-25";
const session = (fields: Record<string, unknown>) => ({ idempotencyKey: randomUUID(), sessionDate: TODAY, attendance: "attended", exercisesInClinic: "Bird-dog 3x10, nerve glides", notes: "", ...fields });
const errorsOf = (input: unknown) => {
  const parsed = therapySessionSchema(TODAY).safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("therapySessionSchema: date, attendance and what was done", () => {
  it.each([
    ["an attended session today", {}, {}],
    ["a no-show with notes and no exercises", { attendance: "no_show", exercisesInClinic: "", notes: "Phoned: forgot." }, {}],
    ["a session a year ago to the day", { sessionDate: "2025-11-25" }, {}],
    ["no date", { sessionDate: "" }, { sessionDate: ["Enter the date of the session."] }],
    ["a date that does not exist", { sessionDate: "2026-02-30" }, { sessionDate: ["Enter the date of the session."] }],
    ["tomorrow", { sessionDate: "2026-11-26" }, { sessionDate: ["The session date cannot be in the future."] }],
    ["a year and a day ago", { sessionDate: "2025-11-24" }, { sessionDate: ["Choose a date within the last year."] }],
    ["no attendance", { attendance: undefined }, { attendance: ["Choose whether the patient attended."] }],
    ["an unknown attendance", { attendance: "late" }, { attendance: ["Choose whether the patient attended."] }],
    ["attended, no exercises", { exercisesInClinic: "  " }, { exercisesInClinic: ["List the exercises done in the clinic."] }],
    ["attended, too little said (under 5 characters)", { exercisesInClinic: "ok" }, { exercisesInClinic: ["List the exercises done in the clinic."] }],
    ["a no-show with exercises", { attendance: "no_show" }, { exercisesInClinic: [expect.stringContaining("missed session has no exercises")] }],
    ["exercises over 2,000 characters", { exercisesInClinic: "x".repeat(2001) }, { exercisesInClinic: ["Keep the exercises under 2,000 characters."] }],
    ["notes over 2,000 characters", { notes: "x".repeat(2001) }, { notes: ["Keep the notes under 2,000 characters."] }],
    ["no date and no exercises: both shown at once", { sessionDate: "", exercisesInClinic: "" }, { sessionDate: ["Enter the date of the session."], exercisesInClinic: ["List the exercises done in the clinic."] }],
    ["no idempotency key", { idempotencyKey: "" }, { idempotencyKey: ["Reload the page and try again."] }],
  ])("%s", (_name, fields, errors) => {
    expect(errorsOf(session(fields))).toEqual(errors);
  });
});

const item = (catalogueId: CatalogueId, dose?: Dose): PlanItem => ({
  key: randomUUID(),
  catalogueId,
  dose: dose ?? catalogueEntry(catalogueId).defaultDose,
  instructions: catalogueEntry(catalogueId).instruction,
  justification: "",
});

const hamstring = item("hamstring-stretch"); // 3 holds of 30 s, twice a day, every day
const bridge = item("glute-bridge"); // 3 sets of 10, once a day, 5 days a week
const walk = item("brisk-walk"); // 20 minutes, once a day, every day
const running = item("running");
const ibuprofen = item("ibuprofen");
const heat = item("heat-pack");
const advice = item("easy-pace");
const plan: Plan = { startDate: "2026-11-01", courseWeeks: 6, goals: [], items: [heat, hamstring, bridge, walk, running, ibuprofen, advice] };
const adjust = (target: PlanItem | string, dose: Record<string, unknown>) =>
  adjustDose(plan, { itemKey: typeof target === "string" ? target : target.key, dose, reason: "Leg pain after each session." });

describe("which items a therapist doses (DOMAIN.md §8)", () => {
  it.each([
    ["a stretch, by holds", hamstring, true, ["sets", "holdSeconds", "timesPerDay", "daysPerWeek"]],
    ["a strength exercise, by repetitions", bridge, true, ["sets", "reps", "timesPerDay", "daysPerWeek"]],
    ["walking", walk, true, ["minutes", "timesPerDay", "daysPerWeek"]],
    ["heat", heat, false, []],
    ["running", running, false, []],
    ["a medicine", ibuprofen, false, []],
    ["advice", advice, false, []],
  ])("%s", (_name, planItem, dosed, fields) => {
    expect(isTherapistDosed(planItem)).toBe(dosed);
    expect(adjustableFields(planItem.dose)).toEqual(fields);
  });
});

describe("adjustDose: one home exercise's numbers, inside the catalogue's bounds", () => {
  it("changes only that item's dose", () => {
    const result = adjust(hamstring, { sets: 2, holdSeconds: 20 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.item).toEqual({ ...hamstring, dose: { ...hamstring.dose, sets: 2, holdSeconds: 20 } });
    expect(result.plan.items.filter((i) => i.key !== hamstring.key)).toEqual(plan.items.filter((i) => i.key !== hamstring.key));
    expect({ ...result.plan, items: [] }).toEqual({ ...plan, items: [] });
  });

  it.each([
    ["walking down to 10 minutes", walk, { minutes: 10 }, { ok: true }],
    ["strength reps up to 12", bridge, { reps: 12, daysPerWeek: 3 }, { ok: true }],
    ["a key not in the plan", randomUUID(), { sets: 2 }, { ok: false, notFound: true }],
    ["a medicine", ibuprofen, { maxDays: 30 }, { ok: false, fieldErrors: { itemKey: [expect.stringMatching(/^Ibuprofen is not a home exercise/)] } }],
    ["running", running, { minutesPerRun: 40 }, { ok: false, fieldErrors: { itemKey: [expect.stringMatching(/^Easy running is not a home exercise/)] } }],
    ["heat", heat, { minutes: 20 }, { ok: false, fieldErrors: { itemKey: [expect.stringMatching(/^Heat pack is not a home exercise/)] } }],
    ["advice", advice, {}, { ok: false, fieldErrors: { itemKey: [expect.stringContaining("not a home exercise")] } }],
    ["switching holds to reps", hamstring, { reps: 10 }, { ok: false, fieldErrors: { "dose.reps": [expect.stringContaining("Only the numbers")] } }],
    ["changing the kind", walk, { kind: "running" }, { ok: false, fieldErrors: { "dose.kind": [expect.stringContaining("Only the numbers")] } }],
    ["no sets (an empty box)", bridge, { sets: undefined }, { ok: false, fieldErrors: { "dose.sets": ["Sets must be a number"] } }],
    ["0 sets", bridge, { sets: 0 }, { ok: false, fieldErrors: { "dose.sets": ["Sets must be at least 1"] } }],
    ["11 sets", bridge, { sets: 11 }, { ok: false, fieldErrors: { "dose.sets": ["Sets can be at most 10"] } }],
    ["51 repetitions", bridge, { reps: 51 }, { ok: false, fieldErrors: { "dose.reps": ["Repetitions can be at most 50"] } }],
    ["a hold under 5 seconds", hamstring, { holdSeconds: 4 }, { ok: false, fieldErrors: { "dose.holdSeconds": ["Hold time in seconds must be at least 5"] } }],
    ["2.5 sets", bridge, { sets: 2.5 }, { ok: false, fieldErrors: { "dose.sets": ["Sets must be a whole number"] } }],
    ["9 times a day", hamstring, { timesPerDay: 9 }, { ok: false, fieldErrors: { "dose.timesPerDay": ["Times a day can be at most 8"] } }],
    ["8 days a week", walk, { daysPerWeek: 8 }, { ok: false, fieldErrors: { "dose.daysPerWeek": ["Days a week can be at most 7"] } }],
    ["a walk over 120 minutes", walk, { minutes: 121 }, { ok: false, fieldErrors: { "dose.minutes": ["Minutes can be at most 120"] } }],
    ["the same dose", walk, { minutes: 20 }, { ok: false, fieldErrors: { dose: ["This is the current dose: change at least one number."] } }],
  ])("%s", (_name, target, dose, expected) => {
    expect(adjust(target, dose)).toMatchObject(expected);
  });

  it.each([
    ["no reason", "", { reason: [expect.stringMatching(/^Say why the dose changes \(at least 10 characters\)/)] }],
    ["a reason under 10 characters", "Pain.", { reason: [expect.stringContaining("at least 10 characters")] }],
    ["a reason over 500 characters", "x".repeat(501), { reason: ["Keep the reason under 500 characters."] }],
  ])("%s is refused, shown with any bad number", (_name, reason, errors) => {
    expect(adjustDose(plan, { itemKey: bridge.key, dose: { sets: 2 }, reason })).toEqual({ ok: false, fieldErrors: errors });
    expect(adjustDose(plan, { itemKey: bridge.key, dose: { sets: 0 }, reason })).toEqual({ ok: false, fieldErrors: { ...errors, "dose.sets": ["Sets must be at least 1"] } });
  });
});

describe("doseAdjustmentSchema: a dose and a reason, nothing else", () => {
  const valid = { itemKey: randomUUID(), dose: { sets: 2 }, reason: "Pain flare after last session." };
  it.each([
    ["a dose with a reason", valid, {}],
    ["no item", { ...valid, itemKey: "" }, { itemKey: ["Choose an exercise from the plan."] }],
    ["no dose", { ...valid, dose: undefined }, { dose: ["Enter the new dose."] }],
    ["no reason (judged with the dose, in adjustDose)", { ...valid, reason: undefined }, {}],
    ["new instructions", { ...valid, instructions: "Do it harder." }, { form: ["Only a dose can be changed here: the rest of the plan is the physician's."] }],
    ["a new item list", { ...valid, items: [] }, { form: [expect.stringContaining("the rest of the plan is the physician's")] }],
  ])("%s", (_name, input, errors) => {
    const parsed = doseAdjustmentSchema.safeParse(input);
    expect(parsed.success ? {} : fieldErrorsOf(parsed.error)).toEqual(errors);
  });
});
