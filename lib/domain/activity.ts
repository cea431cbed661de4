import { z } from "zod";

const whole = (label: string, min: number, max: number) =>
  z.coerce.number(`Enter ${label}.`).int(`Enter ${label} as a whole number.`).min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}.`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${max}.`);

const optionalPain = (label: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), whole(`${label} (0–10)`, 0, 10).nullable()).default(null);

/**
 * How a plan item's day stands from what was logged that day: done once every time it is due is
 * ticked, partial with some, skipped with a skip and none done, null with nothing yet.
 */
export function dayStatus(entries: readonly { status: "done" | "skipped" }[], timesPerDay: number): "done" | "partial" | "skipped" | null {
  const done = entries.filter((e) => e.status === "done").length;
  if (done >= timesPerDay) return "done";
  if (done > 0) return "partial";
  return entries.some((e) => e.status === "skipped") ? "skipped" : null;
}

/** One thing the patient logs from home; `date` is their local date (YYYY-MM-DD). */
export const activityInputSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("item"),
    idempotencyKey: z.uuid(),
    date: z.iso.date(),
    itemKey: z.uuid("Unknown plan item."),
    status: z.enum(["done", "skipped"]),
    skipReason: z.string().trim().max(300, "Keep the reason short.").default(""),
  }),
  z.object({
    kind: z.literal("run"),
    idempotencyKey: z.uuid(),
    date: z.iso.date("Enter the date of the run."),
    minutes: whole("minutes", 1, 600),
    distanceKm: z.coerce.number("Enter the distance in km.").min(0.1, "Enter a distance of at least 0.1 km.").max(200, "Enter at most 200 km."),
    rpe: whole("your effort (1–10)", 1, 10),
    // A pain left blank is unknown, never 0 (DOMAIN.md §6).
    painBefore: optionalPain("pain before the run"),
    painDuring: optionalPain("pain during the run"),
    painAfter: optionalPain("pain after the run"),
    newNumbnessOrWeakness: z.boolean().default(false),
  }),
]);
export type ActivityInput = z.input<typeof activityInputSchema>;
