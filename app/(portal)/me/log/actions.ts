"use server";

import { revalidatePath } from "next/cache";
import { validatedCall } from "@/lib/actions/validated-action";
import { logActivity, logMorningPain, morningPainSchema, undoActivity, undoActivitySchema, type LogResult } from "@/lib/dal/activity";
import { activityInputSchema } from "@/lib/domain/activity";

// The log page calls these from mutations with typed values; the entry's rules live in
// lib/domain/activity.ts and run again inside the DAL.
export const logActivityAction = validatedCall(activityInputSchema, { roles: ["patient"], action: "activity.log" }, async (entry) => {
  const result: LogResult = await logActivity(entry);
  revalidatePath("/me");
  return { ok: true, message: result.breaches.length ? "Run saved, but it went beyond what your doctor allowed." : "Saved.", data: result };
});

export const undoActivityAction = validatedCall(undoActivitySchema, { roles: ["patient"], action: "activity.undo" }, async (input) => {
  const { undone } = await undoActivity(input);
  revalidatePath("/me");
  return { ok: true, message: undone === "done" ? "Tick taken back." : "Skip taken back." };
});

export const logMorningPainAction = validatedCall(morningPainSchema, { roles: ["patient"], action: "activity.morning_pain" }, async (input) => {
  const { verdict, programme } = await logMorningPain(input);
  revalidatePath("/me");
  return { ok: true, message: "Saved.", data: { verdict, programme } };
});
