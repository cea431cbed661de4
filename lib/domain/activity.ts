import { z } from "zod";

const whole = (label: string, min: number, max: number) =>
  z.coerce.number(`Enter ${label}.`).int(`Enter ${label} as a whole number.`).min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}.`).max(max, `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${max}.`);

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
    painDuring: whole("pain during the run (0–10)", 0, 10),
    painAfter: whole("pain after the run (0–10)", 0, 10),
  }),
]);
export type ActivityInput = z.input<typeof activityInputSchema>;
