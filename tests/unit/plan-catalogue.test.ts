import { describe, expect, it } from "vitest";
import {
  USUAL_COURSE_WEEKS,
  catalogue,
  catalogueEntry,
  describeDose,
  doseCadence,
  doseForPlan,
  doseKindFor,
  doseSchema,
  planTemplates,
  runningDoseForClearance,
  runningDoseWithinClearance,
  type Dose,
  type DoseProblem,
  type MedicineDose,
  type RunningClearance,
  type RunningDose,
} from "@/lib/domain/plan-catalogue";

const PLAN_START = "2026-05-04";
const medicine = (change: Partial<MedicineDose> = {}): MedicineDose => ({
  kind: "medicine",
  drug: "Ibuprofen",
  amount: 400,
  unit: "mg",
  timesPerDay: 3,
  asNeeded: true,
  days: 7,
  startDate: PLAN_START,
  ...change,
});

describe("catalogue", () => {
  it.each([
    "heat-pack", "cold-pack", "hamstring-stretch", "piriformis-stretch", "knee-to-chest", "childs-pose",
    "sciatic-nerve-glide", "calf-stretch", "hip-flexor-stretch", "bird-dog", "glute-bridge", "dead-bug",
    "side-plank", "clamshell", "brisk-walk", "running", "stretch-before-runs", "cut-training-volume",
    "easy-pace", "avoid-hills-and-speed", "rest-day-between-runs",
  ] as const)("offers %s", (id) => {
    expect(catalogueEntry(id).instruction.length).toBeGreaterThan(40);
  });

  it("has unique ids", () => {
    expect(new Set(catalogue.map((e) => e.id)).size).toBe(catalogue.length);
  });

  // A prescription names its drug only when the physician writes it, so its default is blank.
  const prescribedByName = (e: { defaultDose: Dose }) => e.defaultDose.kind === "medicine" && e.defaultDose.drug === "";

  // A medicine's start date is the plan's: the catalogue cannot know it, so doseForPlan fills it in.
  it.each(catalogue.filter((e) => !prescribedByName(e)).map((e) => [e.id, e] as const))("%s has a valid default dose of its category's kind, once in a plan", (_, entry) => {
    expect(doseSchema.safeParse(doseForPlan(entry.defaultDose, PLAN_START)).success).toBe(true);
    expect(entry.defaultDose.kind).toBe(doseKindFor(entry.category));
  });

  it("the over-the-counter defaults sit at their ceilings: paracetamol 1 g × 4 (4 g), ibuprofen 400 mg × 3 (1,200 mg), 7 days", () => {
    expect(catalogueEntry("paracetamol").defaultDose).toEqual({ kind: "medicine", drug: "Paracetamol", amount: 1000, unit: "mg", timesPerDay: 4, asNeeded: true, days: 7, startDate: "" });
    expect(catalogueEntry("ibuprofen").defaultDose).toEqual({ kind: "medicine", drug: "Ibuprofen", amount: 400, unit: "mg", timesPerDay: 3, asNeeded: true, days: 7, startDate: "" });
  });

  it("the prescription entry starts blank and cannot be saved until the drug, dose and timing are written", () => {
    const entry = catalogue.find((e) => e.id === "prescription-medicine")!;
    expect(entry.category).toBe("prescription_medicine");
    expect(doseSchema.safeParse(entry.defaultDose).success).toBe(false);
    expect(doseSchema.safeParse(doseForPlan(entry.defaultDose, PLAN_START)).success).toBe(false);
  });
});

describe("doseForPlan: a medicine starts on the plan's date unless it has its own", () => {
  it.each<[string, Dose, Dose]>([
    ["a catalogue medicine without a date", medicine({ startDate: "" }), medicine({ startDate: PLAN_START })],
    ["a medicine with its own date", medicine({ startDate: "2026-05-10" }), medicine({ startDate: "2026-05-10" })],
    ["a running dose", { kind: "running", minutesPerRun: 20, runsPerWeek: 3, maxRpe: 4 }, { kind: "running", minutesPerRun: 20, runsPerWeek: 3, maxRpe: 4 }],
    ["advice", { kind: "advice" }, { kind: "advice" }],
  ])("%s", (_, dose, expected) => {
    expect(doseForPlan(dose, PLAN_START)).toEqual(expected);
  });
});

describe("describeDose", () => {
  it.each<[Dose, string]>([
    [{ kind: "exercise", sets: 3, reps: 10, timesPerDay: 2, daysPerWeek: 5 }, "3 sets of 10, twice a day, 5 days a week"],
    [{ kind: "exercise", sets: 1, reps: 12, timesPerDay: 1, daysPerWeek: 1 }, "1 set of 12, once a day, 1 day a week"],
    [{ kind: "exercise", sets: 3, holdSeconds: 30, timesPerDay: 1, daysPerWeek: 7 }, "3 holds of 30 seconds, once a day, every day"],
    [{ kind: "exercise", sets: 1, holdSeconds: 20, timesPerDay: 3, daysPerWeek: 4 }, "1 hold of 20 seconds, 3 times a day, 4 days a week"],
    [{ kind: "thermal", minutes: 15, timesPerDay: 3 }, "15 minutes, 3 times a day"],
    [{ kind: "walking", minutes: 20, timesPerDay: 1, daysPerWeek: 7 }, "20 minutes, once a day, every day"],
    [{ kind: "running", minutesPerRun: 20, runsPerWeek: 3, maxRpe: 4 }, "Runs of up to 20 minutes, 3 times a week, at an effort of no more than 4 out of 10"],
    [{ kind: "running", minutesPerRun: 10, runsPerWeek: 2, maxRpe: 3 }, "Runs of up to 10 minutes, twice a week, at an effort of no more than 3 out of 10"],
    [medicine(), "Ibuprofen 400 mg, up to 3 times a day, only when needed (at most 1,200 mg a day), for 7 days"],
    [medicine({ drug: "Paracetamol", amount: 1, unit: "g", timesPerDay: 4, asNeeded: false, days: 5 }), "Paracetamol 1 g, 4 times a day (at most 4 g a day), for 5 days"],
    [medicine({ drug: "Naproxen", amount: 500, timesPerDay: 2, asNeeded: false, days: 1 }), "Naproxen 500 mg, twice a day (at most 1,000 mg a day), for 1 day"],
    [medicine({ drug: "Amitriptyline", amount: 10, timesPerDay: 1, asNeeded: false, days: 28 }), "Amitriptyline 10 mg, once a day, for 28 days"],
    [medicine({ drug: "Codeine", amount: 30, timesPerDay: 1, asNeeded: true, days: 3 }), "Codeine 30 mg, up to once a day, only when needed, for 3 days"],
    [medicine({ drug: "Paracetamol", amount: 0.5, unit: "g", timesPerDay: 3, days: 3 }), "Paracetamol 0.5 g, up to 3 times a day, only when needed (at most 1.5 g a day), for 3 days"],
    [medicine({ drug: "Buprenorphine", amount: 0.1, unit: "mg", timesPerDay: 3, asNeeded: false, days: 2 }), "Buprenorphine 0.1 mg, 3 times a day (at most 0.3 mg a day), for 2 days"],
    [medicine({ drug: "Fentanyl", amount: 12.5, unit: "mcg", timesPerDay: 1, asNeeded: false, days: 3 }), "Fentanyl 12.5 mcg, once a day, for 3 days"],
    [{ kind: "advice" }, "Advice to follow"],
  ])("%o → %s", (dose, text) => {
    expect(describeDose(dose)).toBe(text);
  });
});

describe("dose schemas give field errors a person can act on", () => {
  it.each<[string, unknown, string, string]>([
    ["reps and hold together", { kind: "exercise", sets: 3, reps: 10, holdSeconds: 30, timesPerDay: 1, daysPerWeek: 7 }, "reps", "Give either repetitions or a hold time, not both"],
    ["neither reps nor hold", { kind: "exercise", sets: 3, timesPerDay: 1, daysPerWeek: 7 }, "reps", "Give either repetitions or a hold time, not both"],
    ["no sets", { kind: "exercise", sets: 0, reps: 10, timesPerDay: 1, daysPerWeek: 7 }, "sets", "Sets must be at least 1"],
    ["8 days a week", { kind: "exercise", sets: 3, reps: 10, timesPerDay: 1, daysPerWeek: 8 }, "daysPerWeek", "Days a week can be at most 7"],
    ["heat for 25 minutes", { kind: "thermal", minutes: 25, timesPerDay: 3 }, "minutes", "Minutes can be at most 20"],
    ["walk minutes as text", { kind: "walking", minutes: "twenty", timesPerDay: 1, daysPerWeek: 7 }, "minutes", "Minutes must be a number"],
    ["effort 11 of 10", { kind: "running", minutesPerRun: 20, runsPerWeek: 3, maxRpe: 11 }, "maxRpe", "Top effort can be at most 10"],
    ["half a run", { kind: "running", minutesPerRun: 20, runsPerWeek: 2.5, maxRpe: 4 }, "runsPerWeek", "Runs a week must be a whole number"],
    ["medicine without a name", medicine({ drug: "  " }), "drug", "Enter the medicine"],
    ["medicine without an amount", { ...medicine(), amount: undefined }, "amount", "Enter the amount of one dose"],
    ["medicine of 0 mg", medicine({ amount: 0 }), "amount", "Enter the amount of one dose, above 0"],
    ["medicine in ml", { ...medicine(), unit: "ml" }, "unit", "Choose mg, g or mcg"],
    ["medicine 9 times a day", medicine({ timesPerDay: 9 }), "timesPerDay", "Times a day can be at most 8"],
    ["medicine without 'only when needed' answered", { ...medicine(), asNeeded: undefined }, "asNeeded", "Say whether it is taken only when needed"],
    ["medicine for 0 days", medicine({ days: 0 }), "days", "Number of days must be at least 1"],
    ["medicine for 366 days", medicine({ days: 366 }), "days", "Number of days can be at most 365"],
    ["medicine without a start date", medicine({ startDate: "" }), "startDate", "Enter the date the medicine starts"],
  ])("%s", (_, input, path, message) => {
    const result = doseSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message }));
  });
});

describe("running doses and the clearance", () => {
  // Limits written out: 30 minutes a run, 3 runs a week, effort 4/10.
  const restricted: RunningClearance = { level: "restricted", restrictions: { maxRunMinutes: 30, runsPerWeek: 3, maxEffortRpe: 4 } };
  const run = (minutesPerRun: number, runsPerWeek: number, maxRpe: number): RunningDose => ({ kind: "running", minutesPerRun, runsPerWeek, maxRpe });
  const fields = (problems: DoseProblem[]) => problems.map((p) => p.field);

  it.each<[string, RunningDose, RunningClearance, Array<DoseProblem["field"]>]>([
    ["exactly at every limit", run(30, 3, 4), restricted, []],
    ["one minute too long", run(31, 3, 4), restricted, ["minutesPerRun"]],
    ["one run too many", run(30, 4, 4), restricted, ["runsPerWeek"]],
    ["one point too hard", run(30, 3, 5), restricted, ["maxRpe"]],
    ["over on all three", run(45, 5, 7), restricted, ["minutesPerRun", "runsPerWeek", "maxRpe"]],
    ["not cleared: any running dose", run(10, 1, 2), { level: "not_cleared", restrictions: null }, [null]],
    ["fully cleared: no limits", run(90, 6, 8), { level: "full", restrictions: null }, []],
    ["fully cleared, limits still on file: not applied", run(90, 6, 8), { level: "full", restrictions: restricted.restrictions }, []],
    ["restricted with no limits recorded", run(90, 6, 8), { level: "restricted", restrictions: null }, []],
  ])("%s", (_, dose, clearance, expected) => {
    expect(fields(runningDoseWithinClearance(dose, clearance))).toEqual(expected);
  });

  it.each<[string, RunningClearance, RunningDose | null]>([
    ["not cleared: no running item", { level: "not_cleared", restrictions: null }, null],
    ["restricted: mirrors the limits", restricted, run(30, 3, 4)],
    [
      "restricted with some limits unset: easy defaults fill them",
      { level: "restricted", restrictions: { ...restricted.restrictions!, maxRunMinutes: null, maxEffortRpe: null } },
      run(20, 3, 4),
    ],
    ["full: easy defaults", { level: "full", restrictions: null }, run(20, 3, 4)],
  ])("%s", (_, clearance, dose) => {
    expect(runningDoseForClearance(clearance)).toEqual(dose);
  });
});

describe("doseCadence feeds the schedule", () => {
  it.each<[Dose, ReturnType<typeof doseCadence>]>([
    [{ kind: "thermal", minutes: 15, timesPerDay: 3 }, { timesPerDay: 3, daysPerWeek: 7 }],
    [{ kind: "exercise", sets: 3, reps: 10, timesPerDay: 2, daysPerWeek: 5 }, { timesPerDay: 2, daysPerWeek: 5 }],
    [{ kind: "walking", minutes: 20, timesPerDay: 1, daysPerWeek: 7 }, { timesPerDay: 1, daysPerWeek: 7 }],
    [{ kind: "running", minutesPerRun: 20, runsPerWeek: 3, maxRpe: 4 }, { timesPerDay: 1, daysPerWeek: 3 }],
    [medicine(), null],
    [{ kind: "advice" }, null],
  ])("%o → %o", (dose, cadence) => {
    expect(doseCadence(dose)).toEqual(cadence);
  });
});

describe("plan templates", () => {
  it.each([
    "disc-herniation-self-care",
    "disc-herniation-physical-therapy",
    "stenosis-physical-therapy",
    "piriformis-self-care",
  ])("offers %s", (id) => {
    expect(planTemplates.some((t) => t.id === id)).toBe(true);
  });

  it.each(planTemplates.map((t) => [t.name, t] as const))("%s is a valid 4–8 week plan", (_, template) => {
    expect(template.courseWeeks).toBeGreaterThanOrEqual(USUAL_COURSE_WEEKS.min);
    expect(template.courseWeeks).toBeLessThanOrEqual(USUAL_COURSE_WEEKS.max);
    expect(template.goals.length).toBeGreaterThan(0);
    expect(new Set(template.items.map((i) => i.catalogueId)).size).toBe(template.items.length);
    for (const { catalogueId, dose } of template.items) {
      const entry = catalogueEntry(catalogueId);
      expect(doseSchema.safeParse(dose).success).toBe(true);
      expect(dose.kind).toBe(doseKindFor(entry.category));
      // Medicines and running are added one by one: each is checked against guardrails or the clearance.
      expect(["otc_medicine", "prescription_medicine", "running"]).not.toContain(entry.category);
    }
  });

  it("shares the return-to-running goals: rest pain ≤ 2/10, 30 minutes' brisk walking, ODI down 10", () => {
    for (const template of planTemplates) {
      expect(template.goals.map((g) => [g.measure, g.target])).toEqual([
        ["pain_at_rest", 2],
        ["brisk_walk_minutes", 30],
        ["odi_drop", 10],
      ]);
    }
  });

  it("keeps extension exercises out of the stenosis plan and flexion in it", () => {
    const stenosis = planTemplates.find((t) => t.id === "stenosis-physical-therapy")!;
    const ids = stenosis.items.map((i) => i.catalogueId);
    expect(ids).not.toContain("prone-press-up");
    expect(ids).toEqual(expect.arrayContaining(["knee-to-chest", "childs-pose"]));
  });
});
