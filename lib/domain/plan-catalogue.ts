import { z } from "zod";
import type { ClearanceLevel, Restrictions } from "@/lib/domain/clearance";

/**
 * What a physician can put in a plan: the catalogue of items, the shape of each item's dose,
 * and templates to start a plan from. Instructions and goals are shown to patients as written.
 */

export const planCategories = [
  "heat_cold",
  "stretch",
  "strength",
  "walking",
  "running",
  "otc_medicine",
  "prescription_medicine",
  "advice",
] as const;
export type PlanCategory = (typeof planCategories)[number];

// ---------------------------------------------------------------------------------------------
// Doses

function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} can be at most ${max}`);
}

const timesPerDay = wholeNumber("Times a day", 1, 8);
const daysPerWeek = wholeNumber("Days a week", 1, 7);

export const thermalDoseSchema = z.object({
  kind: z.literal("thermal"),
  // Longer than about 20 minutes risks skin damage from either heat or cold.
  minutes: wholeNumber("Minutes", 1, 20),
  timesPerDay,
});

export const exerciseDoseSchema = z
  .object({
    kind: z.literal("exercise"),
    sets: wholeNumber("Sets", 1, 10),
    reps: wholeNumber("Repetitions", 1, 50).optional(),
    holdSeconds: wholeNumber("Hold time in seconds", 5, 120).optional(),
    timesPerDay,
    daysPerWeek,
  })
  .refine((dose) => (dose.reps === undefined) !== (dose.holdSeconds === undefined), {
    path: ["reps"],
    message: "Give either repetitions or a hold time, not both",
    // zod skips a refinement once any field of the object failed, which made the editor report
    // errors in rounds; this one needs only the two fields it compares.
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "reps" || issue.path?.[0] === "holdSeconds"),
  });

export const walkingDoseSchema = z.object({
  kind: z.literal("walking"),
  minutes: wholeNumber("Minutes", 1, 120),
  timesPerDay,
  daysPerWeek,
});

/** Effort is RPE out of 10, the scale of the clearance's `maxEffortRpe`. */
export const runningDoseSchema = z.object({
  kind: z.literal("running"),
  minutesPerRun: wholeNumber("Minutes per run", 1, 180),
  runsPerWeek: wholeNumber("Runs a week", 1, 7),
  maxRpe: wholeNumber("Top effort", 1, 10),
});

export const MEDICINE_UNITS = ["mg", "g", "mcg"] as const;
export type MedicineUnit = (typeof MEDICINE_UNITS)[number];

/**
 * A medicine as a structured dose, so its ceilings can be checked (DOMAIN.md §7) and its end
 * date computed (§10.5): the amount of one dose, how many times a day at most, whether only when
 * needed, for how many days from which date.
 */
export const medicineDoseSchema = z.object({
  kind: z.literal("medicine"),
  drug: z.string({ error: "Enter the medicine" }).trim().min(1, "Enter the medicine").max(120, "Keep the name under 120 characters"),
  amount: z
    .number({ error: "Enter the amount of one dose" })
    .positive("Enter the amount of one dose, above 0")
    .max(100_000, "Check the amount of one dose"),
  unit: z.enum(MEDICINE_UNITS, "Choose mg, g or mcg"),
  timesPerDay,
  asNeeded: z.boolean({ error: "Say whether it is taken only when needed" }),
  days: wholeNumber("Number of days", 1, 365),
  startDate: z.iso.date("Enter the date the medicine starts"),
});

export const adviceDoseSchema = z.object({ kind: z.literal("advice") });

export const doseSchema = z.discriminatedUnion("kind", [
  thermalDoseSchema,
  exerciseDoseSchema,
  walkingDoseSchema,
  runningDoseSchema,
  medicineDoseSchema,
  adviceDoseSchema,
]);

export type ThermalDose = z.infer<typeof thermalDoseSchema>;
export type ExerciseDose = z.infer<typeof exerciseDoseSchema>;
export type WalkingDose = z.infer<typeof walkingDoseSchema>;
export type RunningDose = z.infer<typeof runningDoseSchema>;
export type MedicineDose = z.infer<typeof medicineDoseSchema>;
export type AdviceDose = z.infer<typeof adviceDoseSchema>;
export type Dose = z.infer<typeof doseSchema>;
export type DoseKind = Dose["kind"];

const doseKindByCategory: Record<PlanCategory, DoseKind> = {
  heat_cold: "thermal",
  stretch: "exercise",
  strength: "exercise",
  walking: "walking",
  running: "running",
  otc_medicine: "medicine",
  prescription_medicine: "medicine",
  advice: "advice",
};

export function doseKindFor(category: PlanCategory): DoseKind {
  return doseKindByCategory[category];
}

function timesADay(n: number): string {
  if (n === 1) return "once a day";
  if (n === 2) return "twice a day";
  return `${n} times a day`;
}

function daysAWeek(n: number): string {
  return n >= 7 ? "every day" : `${n} ${n === 1 ? "day" : "days"} a week`;
}

function timesAWeek(n: number): string {
  if (n === 1) return "once a week";
  if (n === 2) return "twice a week";
  return `${n} times a week`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en-US") : String(Number(n.toFixed(3)));
}

/** The dose in plain words, for the patient's plan and the clinician's summary. */
export function describeDose(dose: Dose): string {
  switch (dose.kind) {
    case "thermal":
      return `${plural(dose.minutes, "minute", "minutes")}, ${timesADay(dose.timesPerDay)}`;
    case "exercise": {
      const work =
        dose.holdSeconds !== undefined
          ? `${dose.sets} ${dose.sets === 1 ? "hold" : "holds"} of ${plural(dose.holdSeconds, "second", "seconds")}`
          : `${plural(dose.sets, "set", "sets")} of ${dose.reps}`;
      return `${work}, ${timesADay(dose.timesPerDay)}, ${daysAWeek(dose.daysPerWeek)}`;
    }
    case "walking":
      return `${plural(dose.minutes, "minute", "minutes")}, ${timesADay(dose.timesPerDay)}, ${daysAWeek(dose.daysPerWeek)}`;
    case "running":
      return `Runs of up to ${plural(dose.minutesPerRun, "minute", "minutes")}, ${timesAWeek(dose.runsPerWeek)}, at an effort of no more than ${dose.maxRpe} out of 10`;
    case "medicine": {
      const often = dose.asNeeded ? `up to ${timesADay(dose.timesPerDay)}, only when needed` : timesADay(dose.timesPerDay);
      const daily = dose.timesPerDay > 1 ? ` (at most ${formatAmount(dose.amount * dose.timesPerDay)} ${dose.unit} a day)` : "";
      return `${dose.drug} ${formatAmount(dose.amount)} ${dose.unit}, ${often}${daily}, for ${plural(dose.days, "day", "days")}`;
    }
    case "advice":
      return "Advice to follow";
  }
}

/** How often a dose repeats, for scheduling and adherence; null when it is not tracked by session. */
export function doseCadence(dose: Dose): { timesPerDay: number; daysPerWeek: number } | null {
  switch (dose.kind) {
    case "thermal":
      return { timesPerDay: dose.timesPerDay, daysPerWeek: 7 };
    case "exercise":
    case "walking":
      return { timesPerDay: dose.timesPerDay, daysPerWeek: dose.daysPerWeek };
    case "running":
      return { timesPerDay: 1, daysPerWeek: dose.runsPerWeek };
    // Medicines are taken, not ticked off: many only when needed.
    case "medicine":
    case "advice":
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Running doses and the clearance

export interface DoseProblem {
  field: "minutesPerRun" | "runsPerWeek" | "maxRpe" | null;
  message: string;
}

/** Any clearance record fits: only these three limits bear on a running dose. */
export type RunningClearance = {
  level: ClearanceLevel;
  restrictions: Pick<Restrictions, "maxRunMinutes" | "runsPerWeek" | "maxEffortRpe"> | null;
};

/** Why a running dose asks for more than the clearance allows; empty when it fits. */
export function runningDoseWithinClearance(dose: RunningDose, clearance: RunningClearance): DoseProblem[] {
  if (clearance.level === "not_cleared") {
    return [{ field: null, message: "The patient is not cleared to run, so running cannot be part of the plan" }];
  }
  const limits = clearance.level === "restricted" ? clearance.restrictions : null;
  if (!limits) return [];
  const problems: DoseProblem[] = [];
  if (limits.maxRunMinutes !== null && dose.minutesPerRun > limits.maxRunMinutes) {
    problems.push({ field: "minutesPerRun", message: `The clearance allows runs of up to ${limits.maxRunMinutes} minutes` });
  }
  if (limits.runsPerWeek !== null && dose.runsPerWeek > limits.runsPerWeek) {
    problems.push({ field: "runsPerWeek", message: `The clearance allows up to ${timesAWeek(limits.runsPerWeek)}` });
  }
  if (limits.maxEffortRpe !== null && dose.maxRpe > limits.maxEffortRpe) {
    problems.push({ field: "maxRpe", message: `The clearance allows an effort of up to ${limits.maxEffortRpe} out of 10` });
  }
  return problems;
}

// Easy, conversational running: RPE 4 of 10 is about the most that still allows full sentences.
const EASY_RUN: RunningDose = { kind: "running", minutesPerRun: 20, runsPerWeek: 3, maxRpe: 4 };

/** The running dose that mirrors the clearance's limits (an easy default where it sets none); null when not cleared. */
export function runningDoseForClearance(clearance: RunningClearance): RunningDose | null {
  if (clearance.level === "not_cleared") return null;
  const limits = clearance.level === "restricted" ? clearance.restrictions : null;
  return {
    kind: "running",
    minutesPerRun: limits?.maxRunMinutes ?? EASY_RUN.minutesPerRun,
    runsPerWeek: limits?.runsPerWeek ?? EASY_RUN.runsPerWeek,
    maxRpe: limits?.maxEffortRpe ?? EASY_RUN.maxRpe,
  };
}

// ---------------------------------------------------------------------------------------------
// Catalogue

export interface CatalogueEntry {
  id: string;
  category: PlanCategory;
  name: string;
  defaultDose: Dose;
  instruction: string;
}

const holds = (sets: number, holdSeconds: number, timesPerDay: number, daysPerWeek: number): ExerciseDose => ({
  kind: "exercise",
  sets,
  holdSeconds,
  timesPerDay,
  daysPerWeek,
});

const reps = (sets: number, count: number, timesPerDay: number, daysPerWeek: number): ExerciseDose => ({
  kind: "exercise",
  sets,
  reps: count,
  timesPerDay,
  daysPerWeek,
});

const advice = { kind: "advice" } as const;

export const catalogue = [
  {
    id: "heat-pack",
    category: "heat_cold",
    name: "Heat pack",
    defaultDose: { kind: "thermal", minutes: 15, timesPerDay: 3 },
    instruction:
      "Put a warm (not hot) pack on your lower back or buttock, with a towel between the pack and your skin. Take it off if your skin turns very red or sore, and don't fall asleep with it on.",
  },
  {
    id: "cold-pack",
    category: "heat_cold",
    name: "Cold pack",
    defaultDose: { kind: "thermal", minutes: 15, timesPerDay: 3 },
    instruction:
      "Wrap an ice pack or a bag of frozen peas in a thin towel and hold it on the sore spot. Never put ice straight on your skin, and take it off sooner if the skin goes numb.",
  },
  {
    id: "hamstring-stretch",
    category: "stretch",
    name: "Hamstring stretch",
    defaultDose: holds(3, 30, 2, 7),
    instruction:
      "Lie on your back, loop a towel around one foot and raise that leg, knee straight, until you feel a gentle pull behind the thigh. Hold and breathe slowly, then switch legs. Ease off if it sends pain or tingling down the leg.",
  },
  {
    id: "piriformis-stretch",
    category: "stretch",
    name: "Piriformis stretch",
    defaultDose: holds(3, 30, 2, 7),
    instruction:
      "Lie on your back with both knees bent. Rest one ankle on the other knee, then draw the lower leg gently towards your chest until you feel a stretch deep in the buttock. Hold, then switch sides.",
  },
  {
    id: "knee-to-chest",
    category: "stretch",
    name: "Knee-to-chest stretch",
    defaultDose: holds(3, 20, 2, 7),
    instruction:
      "Lie on your back and hug one knee, or both, gently towards your chest with your hands behind the thigh. Keep your head and shoulders relaxed on the floor. Hold, then lower slowly.",
  },
  {
    id: "childs-pose",
    category: "stretch",
    name: "Child's pose (lower-back bend)",
    defaultDose: holds(3, 30, 2, 7),
    instruction:
      "Kneel, sit back towards your heels and slide your hands forward along the floor, letting your lower back round. Breathe slowly and let your back relax into it.",
  },
  {
    // Extension suits many disc herniations (a directional preference) and can irritate stenosis.
    id: "prone-press-up",
    category: "stretch",
    name: "Press-up lying on your front",
    defaultDose: reps(1, 10, 3, 7),
    instruction:
      "Lie face down with your hands under your shoulders. Push your chest up while your hips stay on the floor and your back stays relaxed, then lower slowly. Leg pain easing or moving up towards your back is a good sign; stop if it spreads further down your leg.",
  },
  {
    id: "sciatic-nerve-glide",
    category: "stretch",
    name: "Sciatic nerve glide (flossing)",
    defaultDose: reps(2, 10, 2, 7),
    instruction:
      "Sit tall on a chair. Straighten one knee while you tip your head back to look up, then bend the knee as you bring your chin down. Keep it smooth and don't hold at the end: it should feel like easy movement, not a stretch. Stop if tingling or pain builds up.",
  },
  {
    id: "calf-stretch",
    category: "stretch",
    name: "Calf stretch",
    defaultDose: holds(3, 30, 1, 7),
    instruction:
      "Stand facing a wall with your hands on it and one foot back. Keep the back heel down and that knee straight, and lean in until you feel a stretch in the calf. Hold, then switch legs.",
  },
  {
    id: "hip-flexor-stretch",
    category: "stretch",
    name: "Hip flexor stretch",
    defaultDose: holds(3, 30, 1, 7),
    instruction:
      "Kneel on one knee with the other foot flat in front. Tuck your tailbone under and shift forward until you feel a stretch at the front of the hip on the kneeling side. Keep your back upright. Hold, then switch sides.",
  },
  {
    id: "bird-dog",
    category: "strength",
    name: "Bird-dog",
    defaultDose: reps(3, 10, 1, 5),
    instruction:
      "On hands and knees with a flat back, reach one arm forward and the opposite leg back until both are in line with your body. Hold for a breath without letting your back sag or twist, then swap sides. Each side counts as one.",
  },
  {
    id: "glute-bridge",
    category: "strength",
    name: "Glute bridge",
    defaultDose: reps(3, 10, 1, 5),
    instruction:
      "Lie on your back with knees bent and feet flat. Squeeze your buttocks and lift your hips until your shoulders, hips and knees are in a straight line. Pause, then lower slowly.",
  },
  {
    id: "dead-bug",
    category: "strength",
    name: "Dead bug",
    defaultDose: reps(3, 10, 1, 5),
    instruction:
      "Lie on your back, arms pointing at the ceiling and knees bent above your hips. Keep your lower back gently pressed to the floor while you slowly lower one arm behind your head and the opposite leg towards the floor. Come back and swap sides.",
  },
  {
    id: "side-plank",
    category: "strength",
    name: "Side plank",
    defaultDose: holds(3, 20, 1, 5),
    instruction:
      "Lie on your side propped on your forearm, elbow under your shoulder, knees bent. Lift your hips so your body is straight from head to knees. Hold, then switch sides. When it gets easy, straighten your legs and balance on your feet.",
  },
  {
    id: "clamshell",
    category: "strength",
    name: "Clamshell",
    defaultDose: reps(3, 15, 1, 5),
    instruction:
      "Lie on your side with hips and knees bent and heels together. Keeping your feet touching, lift the top knee without rolling your hips back, then lower slowly. Finish the set, then switch sides.",
  },
  {
    id: "brisk-walk",
    category: "walking",
    name: "Brisk walk",
    defaultDose: { kind: "walking", minutes: 20, timesPerDay: 1, daysPerWeek: 7 },
    instruction:
      "Walk fast enough to breathe harder while still being able to talk. Flat routes are kindest to start with. Slow down or rest if the leg pain builds up.",
  },
  {
    id: "running",
    category: "running",
    name: "Easy running",
    defaultDose: EASY_RUN,
    instruction:
      "Run at an easy pace where you can talk in full sentences, and stay inside the limits your doctor set. Stop and walk if the leg pain rises above the level agreed with your care team, or if you notice any new numbness or weakness.",
  },
  {
    id: "paracetamol",
    category: "otc_medicine",
    name: "Paracetamol (acetaminophen)",
    defaultDose: { kind: "medicine", drug: "Paracetamol", amount: 1000, unit: "mg", timesPerDay: 4, asNeeded: true, days: 7, startDate: "" },
    instruction:
      "Take it only as written on your plan, leaving at least 4 hours between doses. Check other cold and flu remedies before you take them too, because many already contain paracetamol.",
  },
  {
    id: "ibuprofen",
    category: "otc_medicine",
    name: "Ibuprofen",
    defaultDose: { kind: "medicine", drug: "Ibuprofen", amount: 400, unit: "mg", timesPerDay: 3, asNeeded: true, days: 7, startDate: "" },
    instruction:
      "Take it with food and only for as long as your plan says. Stop and call your care team if you get stomach pain, black stools or swollen ankles.",
  },
  {
    id: "prescription-medicine",
    category: "prescription_medicine",
    name: "Prescription medicine",
    // The physician names the drug; the guardrails in medication-guardrails.ts check it.
    defaultDose: { kind: "medicine", drug: "", amount: 0, unit: "mg", timesPerDay: 1, asNeeded: false, days: 7, startDate: "" },
    instruction:
      "Take this medicine exactly as your doctor prescribed it and for no longer than your plan says. Call your care team if it makes you drowsy, dizzy or unwell.",
  },
  {
    id: "stretch-before-runs",
    category: "advice",
    name: "Stretch before every run",
    defaultDose: advice,
    instruction: "Do your leg and lower-back stretches before every run: gently, without bouncing.",
  },
  {
    id: "cut-training-volume",
    category: "advice",
    name: "Cut training volume back",
    defaultDose: advice,
    instruction:
      "Run less than you did before the pain started: fewer runs and shorter ones. Build back up only once your doctor says you can.",
  },
  {
    id: "easy-pace",
    category: "advice",
    name: "Keep runs easy",
    defaultDose: advice,
    instruction: "Keep every run at a chatting pace, where you can still talk in full sentences. Faster running can wait.",
  },
  {
    id: "avoid-hills-and-speed",
    category: "advice",
    name: "Avoid hills and speed work",
    defaultDose: advice,
    instruction: "While you still have symptoms, stay on flat ground and skip hills, intervals, tempo runs and races.",
  },
  {
    id: "rest-day-between-runs",
    category: "advice",
    name: "Rest day between runs",
    defaultDose: advice,
    instruction: "Leave at least one day without running between runs, so your back and leg have time to settle.",
  },
] as const satisfies readonly CatalogueEntry[];

export type CatalogueId = (typeof catalogue)[number]["id"];

/**
 * A catalogue item's dose for a plan: a medicine starts on `startDate` (the catalogue cannot
 * know the day, so its entries leave it empty).
 */
export function doseForPlan(dose: Dose, startDate: string): Dose {
  return dose.kind === "medicine" && dose.startDate === "" ? { ...dose, startDate } : dose;
}

export function catalogueEntry(id: CatalogueId): CatalogueEntry {
  const entry = catalogue.find((e) => e.id === id);
  if (!entry) throw new Error(`No catalogue entry ${id}`);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Templates

/** Most episodes settle within 4–8 weeks of self-care (DOMAIN §1), so a course is planned inside that range. */
export const USUAL_COURSE_WEEKS = { min: 4, max: 8 } as const;

export interface PlanGoal {
  description: string;
  measure: "pain_at_rest" | "brisk_walk_minutes" | "odi_drop";
  target: number;
}

export interface PlanTemplate {
  id: string;
  name: string;
  courseWeeks: number;
  goals: readonly PlanGoal[];
  items: ReadonlyArray<{ catalogueId: CatalogueId; dose: Dose }>;
}

// The return-to-running entry criteria (DOMAIN §6) and a meaningful ODI change (DOMAIN §5).
const recoveryGoals: readonly PlanGoal[] = [
  { description: "Leg pain at rest of 2 out of 10 or less", measure: "pain_at_rest", target: 2 },
  { description: "Walk briskly for 30 minutes without your symptoms getting worse", measure: "brisk_walk_minutes", target: 30 },
  { description: "Disability score (Oswestry) down by at least 10 points", measure: "odi_drop", target: 10 },
];

function item(catalogueId: CatalogueId, dose?: Dose) {
  return { catalogueId, dose: dose ?? catalogueEntry(catalogueId).defaultDose };
}

const runningAdvice = [
  item("stretch-before-runs"),
  item("cut-training-volume"),
  item("easy-pace"),
  item("avoid-hills-and-speed"),
  item("rest-day-between-runs"),
];

/**
 * Starting points only: the physician edits every dose. None includes a medicine, so each one is
 * prescribed, and checked, on its own. Hamstring stretching is left out of the disc templates
 * because it tensions an irritated nerve root; the nerve glide moves the nerve without holding it.
 */
export const planTemplates: readonly PlanTemplate[] = [
  {
    id: "disc-herniation-self-care",
    name: "Disc herniation, self-care",
    courseWeeks: 6,
    goals: recoveryGoals,
    items: [
      item("heat-pack"),
      item("prone-press-up"),
      item("sciatic-nerve-glide"),
      item("bird-dog"),
      item("dead-bug"),
      item("brisk-walk"),
      ...runningAdvice,
    ],
  },
  {
    id: "disc-herniation-physical-therapy",
    name: "Disc herniation, physical therapy",
    courseWeeks: 8,
    goals: recoveryGoals,
    items: [
      item("heat-pack"),
      item("prone-press-up"),
      item("sciatic-nerve-glide"),
      item("hip-flexor-stretch"),
      item("bird-dog"),
      item("dead-bug"),
      item("glute-bridge"),
      item("side-plank"),
      item("brisk-walk", { kind: "walking", minutes: 30, timesPerDay: 1, daysPerWeek: 5 }),
      ...runningAdvice,
    ],
  },
  {
    // Bending forward opens the narrowed canal, so stenosis gets flexion stretches, not extension.
    id: "stenosis-physical-therapy",
    name: "Spinal stenosis, physical therapy",
    courseWeeks: 8,
    goals: recoveryGoals,
    items: [
      item("heat-pack"),
      item("knee-to-chest"),
      item("childs-pose"),
      item("hip-flexor-stretch"),
      item("dead-bug"),
      item("glute-bridge"),
      item("bird-dog"),
      // Short walks that stop before leg symptoms build.
      item("brisk-walk", { kind: "walking", minutes: 10, timesPerDay: 2, daysPerWeek: 7 }),
      ...runningAdvice,
    ],
  },
  {
    id: "piriformis-self-care",
    name: "Piriformis syndrome, self-care",
    courseWeeks: 6,
    goals: recoveryGoals,
    items: [
      item("heat-pack"),
      item("piriformis-stretch"),
      item("hip-flexor-stretch"),
      item("sciatic-nerve-glide"),
      item("clamshell"),
      item("glute-bridge"),
      item("brisk-walk"),
      ...runningAdvice,
    ],
  },
];
