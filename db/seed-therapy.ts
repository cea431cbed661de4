/**
 * The demo clinic's physical therapy: a few sessions for every patient referred to a therapist
 * (db/seed-plans.ts), one missed, and one dose a therapist changed in the plan, so physicians see
 * a therapist's change in the plan history. Dates count back from each patient's today.
 */
import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Database } from "./client";
import { patients } from "./schema/patients";
import { planVersions } from "./schema/plans";
import { therapySessions, type TherapyAttendance } from "./schema/therapy-sessions";
import { users } from "./schema/users";
import { describeChanges } from "../lib/domain/plan";
import { localDate } from "../lib/domain/schedule";
import { adjustDose } from "../lib/domain/therapy-session";
import type { CatalogueId } from "../lib/domain/plan-catalogue";

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoSession {
  daysAgo: number;
  attendance: TherapyAttendance;
  exercisesInClinic?: string;
  notes: string;
}

interface DemoTherapy {
  mrnIndex: number;
  therapist: "pt.morgan@runclear.example" | "pt.singh@runclear.example";
  sessions: DemoSession[];
  doseChange?: { daysAgo: number; catalogueId: CatalogueId; dose: Record<string, number>; reason: string };
}

const MORGAN = "pt.morgan@runclear.example";
const SINGH = "pt.singh@runclear.example";

// Each patient's sessions start after their referral (db/seed-plans.ts `therapy.daysAgo`).
export const demoTherapy: DemoTherapy[] = [
  {
    mrnIndex: 0, // Sam Rivera (no plan change here: other tests rely on his plan's version)
    therapist: MORGAN,
    sessions: [
      { daysAgo: 34, attendance: "attended", exercisesInClinic: "Prone press-ups, sciatic nerve glides, bird-dog 3×10.", notes: "Leg pain 5/10 on arrival, centralised to the buttock after press-ups." },
      { daysAgo: 20, attendance: "attended", exercisesInClinic: "Dead bug, glute bridge, side plank 3×20 s; gait review on the treadmill.", notes: "Over-pronation on the left; advised a shoe check." },
      { daysAgo: 6, attendance: "attended", exercisesInClinic: "Walk/run 1 min / 4 min × 5 on the treadmill; hip flexor stretch.", notes: "No leg symptoms during the intervals. Pain 2/10 after." },
    ],
  },
  {
    mrnIndex: 3, // Grace Liu: worsening, so the therapist eases the nerve glide
    therapist: MORGAN,
    sessions: [
      { daysAgo: 21, attendance: "attended", exercisesInClinic: "Prone press-ups, nerve glides, bird-dog.", notes: "Pain 6/10; great-toe extension weak on the left." },
      { daysAgo: 14, attendance: "attended", exercisesInClinic: "Gentle press-ups, dead bug, walking 10 minutes.", notes: "Tolerated less than last week." },
      { daysAgo: 3, attendance: "attended", exercisesInClinic: "Supported press-ups, breathing and relaxation, short walk.", notes: "Nerve glides raise her leg pain to 7/10 for hours: dose halved in the plan." },
    ],
    doseChange: {
      daysAgo: 3,
      catalogueId: "sciatic-nerve-glide",
      dose: { sets: 1, reps: 5 },
      reason: "Nerve glides raise her leg pain to 7/10 for several hours; halved until the spinal opinion.",
    },
  },
  {
    mrnIndex: 7, // Marcus Bell: poor adherence, one missed session
    therapist: MORGAN,
    sessions: [
      { daysAgo: 24, attendance: "attended", exercisesInClinic: "Knee-to-chest, child's pose, stationary bike 10 minutes.", notes: "Walking limited to about 10 minutes by leg symptoms." },
      { daysAgo: 17, attendance: "no_show", notes: "Did not attend and did not call. Left a voicemail." },
      { daysAgo: 10, attendance: "attended", exercisesInClinic: "Flexion stretches, glute bridge, walking intervals 2 × 8 minutes.", notes: "Says he has been doing the home programme about twice a week." },
    ],
  },
  {
    mrnIndex: 11, // Elena Petrova
    therapist: MORGAN,
    sessions: [
      { daysAgo: 26, attendance: "attended", exercisesInClinic: "Prone press-ups, nerve glides, walking 15 minutes.", notes: "Pain 6/10; walking tolerance about 15 minutes." },
      { daysAgo: 12, attendance: "attended", exercisesInClinic: "Bird-dog, dead bug, walking 20 minutes.", notes: "Walked 20 minutes with pain no worse after." },
    ],
  },
  {
    mrnIndex: 1, // Priya Natarajan
    therapist: SINGH,
    sessions: [
      { daysAgo: 25, attendance: "attended", exercisesInClinic: "Calf raises, single-leg bridge, nerve glides.", notes: "Good control; pain 3/10." },
      { daysAgo: 11, attendance: "attended", exercisesInClinic: "Hopping drills, side plank, easy treadmill run 15 minutes.", notes: "Ran 15 minutes at RPE 4 without leg symptoms." },
    ],
  },
  {
    mrnIndex: 8, // Hannah Kowalski
    therapist: SINGH,
    sessions: [
      { daysAgo: 18, attendance: "attended", exercisesInClinic: "Clamshells, glute bridge, dead bug.", notes: "Weak hip abductors on the right." },
      { daysAgo: 4, attendance: "attended", exercisesInClinic: "Side plank, single-leg bridge, step-downs.", notes: "Hip control improving." },
    ],
  },
  {
    mrnIndex: 13, // Kenji Watanabe
    therapist: SINGH,
    sessions: [
      { daysAgo: 12, attendance: "attended", exercisesInClinic: "Prone press-ups, bird-dog, dead bug.", notes: "Keen to return to marathon training; core endurance poor." },
      { daysAgo: 5, attendance: "attended", exercisesInClinic: "Plank series, nerve glides.", notes: "Core endurance improving. Went over the warning signs that need emergency care." },
    ],
  },
];

// The same keys on every seed, so a reseed reads the same (and never collides with a real form's random key).
function seedKey(...parts: (string | number)[]): string {
  const hex = createHash("sha256").update(`therapy-seed:${parts.join(":")}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Seeds the sessions and the therapist's dose change; run after the demo plans exist. */
export async function seedDemoTherapy(db: Database, now: Date): Promise<void> {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS);
  for (const demo of demoTherapy) {
    const mrn = `RC-${100101 + demo.mrnIndex}`;
    const [patient] = await db.select({ id: patients.id, timeZone: patients.timeZone }).from(patients).where(eq(patients.mrn, mrn));
    const [therapist] = await db.select({ id: users.id }).from(users).where(eq(users.email, demo.therapist));
    if (!patient || !therapist) throw new Error(`demo therapy: no patient ${mrn} or therapist ${demo.therapist}`);
    await db.insert(therapySessions).values(
      demo.sessions.map((s, i) => ({
        patientId: patient.id,
        therapistId: therapist.id,
        idempotencyKey: seedKey(mrn, i),
        sessionDate: localDate(daysAgo(s.daysAgo), patient.timeZone),
        attendance: s.attendance,
        exercisesInClinic: s.exercisesInClinic ?? "",
        notes: s.notes,
        createdAt: daysAgo(s.daysAgo),
      })),
    );
    const change = demo.doseChange;
    if (!change) continue;
    const [current] = await db
      .select({ version: planVersions.version, plan: planVersions.plan, episodeId: planVersions.episodeId })
      .from(planVersions)
      .where(eq(planVersions.patientId, patient.id))
      .orderBy(desc(planVersions.version))
      .limit(1);
    const target = current?.plan.items.find((i) => i.catalogueId === change.catalogueId);
    if (!current || !target) throw new Error(`demo therapy: ${mrn} has no ${change.catalogueId} to adjust`);
    // Through the same rule as the therapist's form, so the demo can show only what the app allows.
    const result = adjustDose(current.plan, { itemKey: target.key, dose: change.dose, reason: change.reason });
    if (!result.ok) throw new Error(`demo therapy: ${mrn} dose change refused`);
    await db.insert(planVersions).values({
      patientId: patient.id,
      episodeId: current.episodeId,
      version: current.version + 1,
      plan: result.plan,
      changes: [...describeChanges(current.plan, result.plan), `Reason: ${change.reason}`],
      createdById: therapist.id,
      createdAt: daysAgo(change.daysAgo),
    });
  }
}
