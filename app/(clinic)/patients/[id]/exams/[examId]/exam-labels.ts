import type { LimbSide, PainPattern, SymptomSide } from "@/lib/domain/exam";
import type { RedFlagTier } from "@/lib/domain/red-flags";

// Labels the domain module leaves to the screen; shared by the form and the read-only record.

export const limbSideLabels: Record<LimbSide, string> = { left: "Left", right: "Right" };

export const symptomSideLabels: Record<SymptomSide, string> = { left: "Left", right: "Right", both: "Both" };

export const painPatternLabels: Record<PainPattern, string> = {
  leg_dominant: "Leg pain worse than back pain",
  back_dominant: "Back pain worse than leg pain",
};

export const redFlagGroups: readonly { tier: RedFlagTier; title: string }[] = [
  { tier: "emergency", title: "Emergency now: cauda equina and severe weakness" },
  { tier: "urgent", title: "Urgent same-day review: other serious causes" },
];

export interface Option {
  value: string;
  label: string;
}

export const yesNoOptions: readonly Option[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** The empty first choice of a select, so "not recorded yet" is never mistaken for an answer. */
export const chooseOption: Option = { value: "", label: "Choose…" };

export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): Option[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const NOT_RECORDED = "Not recorded";

export function labelOf<T extends string>(value: T | undefined, labels: Record<T, string>): string {
  return value === undefined ? NOT_RECORDED : labels[value];
}

export function yesNo(value: boolean | undefined): string {
  return value === undefined ? NOT_RECORDED : value ? "Yes" : "No";
}
