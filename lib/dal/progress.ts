import "server-only";
import { mayRun } from "@/lib/domain/care-state";
import { weeklyProgress, type WeekPoint } from "@/lib/domain/progress";
import { authorizeRole, readPatient } from "./internal/access";
import { HISTORY_WEEKS, loadPatientActivity } from "./internal/patient-activity";
import { careOf } from "./internal/care-state-cache";

export interface MyProgress {
  pain: { date: string; pain: number }[];
  weeks: WeekPoint[];
  /** Longest run × runs a week allowed by the clearance, for the restriction line; null if no limit. */
  weeklyRunLimit: number | null;
  /** True while no clearance is in force (the state in force): running is paused. */
  runningPaused: boolean;
  /** When the usual 4–8 week course (DOMAIN.md §1) starts, from the plan's start. */
  courseStart: string | null;
}

/** The signed-in patient's pain, adherence and running over the last 8 weeks. */
export async function getMyProgress(): Promise<MyProgress> {
  const user = await authorizeRole("progress.view", ["patient"]);
  const { patientId } = await readPatient(user.patientId ?? "", "progress.view", { roles: ["patient"] });
  const { state } = await careOf(patientId);
  const activity = (await loadPatientActivity([patientId], new Map([[patientId, state]]))).get(patientId)!;
  const weeks = weeklyProgress(activity, activity.today, HISTORY_WEEKS);
  return {
    pain: activity.pains.filter((p) => p.localDate >= weeks[0]!.week).map((p) => ({ date: p.localDate, pain: p.pain })),
    weeks,
    weeklyRunLimit: activity.weeklyRunLimit,
    runningPaused: !mayRun(state.permission),
    courseStart: activity.versions[0]?.plan.startDate ?? null,
  };
}
