"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { logActivity, logMorningPain, morningPainSchema, undoActivity, undoActivitySchema, type LogResult } from "@/lib/dal/activity";

// The entry travels as JSON (the log page sends it from a mutation); its rules live in
// lib/domain/activity.ts and run inside logActivity.
export const logActivityAction = validatedAction(z.object({ entry: z.string() }), { roles: ["patient"], action: "activity.log" }, async ({ entry }) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry);
  } catch {
    return { ok: false, message: "Your entry could not be read. Please try again." };
  }
  const result: LogResult = await logActivity(parsed);
  revalidatePath("/me");
  return { ok: true, message: result.breaches.length ? "Run saved, but it went beyond what your doctor allowed." : "Saved.", data: result };
});

export const undoActivityAction = validatedAction(undoActivitySchema, { roles: ["patient"], action: "activity.undo" }, async (input) => {
  const { undone } = await undoActivity(input);
  revalidatePath("/me");
  return { ok: true, message: undone === "done" ? "Tick taken back." : "Skip taken back." };
});

export const logMorningPainAction = validatedAction(morningPainSchema, { roles: ["patient"], action: "activity.morning_pain" }, async (input) => {
  const { verdict, programme } = await logMorningPain(input);
  revalidatePath("/me");
  return { ok: true, message: "Saved.", data: { verdict, programme } };
});
