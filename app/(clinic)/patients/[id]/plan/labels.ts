import { planCategories, type PlanCategory } from "@/lib/domain/plan-catalogue";

export const categoryLabels: Record<PlanCategory, string> = {
  heat_cold: "Heat and cold",
  stretch: "Stretches",
  strength: "Strength and core",
  walking: "Walking",
  running: "Running",
  otc_medicine: "Over-the-counter medicine",
  prescription_medicine: "Prescription medicine",
  advice: "Advice",
};

/** Items in the catalogue's category order, each group labelled, empty groups left out. */
export function groupByCategory<T>(items: readonly T[], categoryOf: (item: T) => PlanCategory): { category: PlanCategory; label: string; items: T[] }[] {
  return planCategories
    .map((category) => ({ category, label: categoryLabels[category], items: items.filter((item) => categoryOf(item) === category) }))
    .filter((group) => group.items.length > 0);
}
