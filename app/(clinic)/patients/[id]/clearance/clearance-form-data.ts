import type { Restrictions } from "@/lib/domain/clearance";

// Inputs are named by their path in the decision (`restrictions.maxRunMinutes`), so the errors
// the clearance rules report by path land under the input that caused them.

const NUMERIC_LIMITS = ["maxRunMinutes", "runsPerWeek", "weeklyDistanceKm", "maxEffortRpe", "painCeiling"] as const;
export type NumericLimit = (typeof NUMERIC_LIMITS)[number];
const CHECKBOXES = ["flatGroundOnly", "noSpeedWork"] as const;

/** The decision as `decideClearance` expects it; the DAL's schema judges every value. */
export interface ClearanceDecisionInput {
  level: string | undefined;
  restrictions: Restrictions | null;
  reviewDate: string;
  overrideReason: string;
}

function text(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === "string" ? value : "";
}

// Anything but a plain decimal becomes NaN rather than a guess ("1e2", "0x10", "2,5"), so the
// rule's own message ("Enter minutes per run from 1 to 240…") answers it.
function numberOrNull(raw: string): number | null {
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function restrictionsFrom(form: Record<string, unknown>): Restrictions {
  const numbers = Object.fromEntries(NUMERIC_LIMITS.map((key) => [key, numberOrNull(text(form, `restrictions.${key}`))])) as Record<
    NumericLimit,
    number | null
  >;
  return {
    ...numbers,
    // An unticked checkbox is simply absent from the form.
    flatGroundOnly: text(form, "restrictions.flatGroundOnly") === "on",
    noSpeedWork: text(form, "restrictions.noSpeedWork") === "on",
    notes: text(form, "restrictions.notes"),
  };
}

/** The flat clearance form, as the decision object. Limits are kept only for "restricted". */
export function clearanceDecisionFromForm(form: Record<string, unknown>): ClearanceDecisionInput {
  const level = text(form, "level");
  return {
    level: level === "" ? undefined : level,
    restrictions: level === "restricted" ? restrictionsFrom(form) : null,
    reviewDate: text(form, "reviewDate").trim(),
    overrideReason: text(form, "overrideReason"),
  };
}

/** The reverse: restrictions as form values, so a new decision starts from the current limits. */
export function restrictionFormValues(restrictions: Restrictions | null): Record<string, string> {
  if (!restrictions) return {};
  const values: Record<string, string> = { "restrictions.notes": restrictions.notes };
  for (const key of NUMERIC_LIMITS) values[`restrictions.${key}`] = restrictions[key] === null ? "" : String(restrictions[key]);
  for (const key of CHECKBOXES) if (restrictions[key]) values[`restrictions.${key}`] = "on";
  return values;
}
