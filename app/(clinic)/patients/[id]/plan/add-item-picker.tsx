import { useId, useState } from "react";
import type { PlanContext } from "@/lib/domain/plan";
import { catalogue, type CatalogueId } from "@/lib/domain/plan-catalogue";
import { controlClass, secondaryButton } from "./controls";
import { itemFromCatalogue, type DraftItem } from "./draft";
import { groupByCategory } from "./labels";

export function AddItemPicker({ context, startDate, onAdd }: { context: PlanContext; startDate: string; onAdd: (item: DraftItem) => void }) {
  const id = useId();
  const offered = catalogue;
  const [catalogueId, setCatalogueId] = useState<CatalogueId>(offered[0]?.id ?? "heat-pack");
  const add = () => onAdd(itemFromCatalogue(catalogueId, context, startDate));
  const { permission } = context;
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">Add an item</legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            Catalogue item
          </label>
          <select
            id={id}
            value={catalogueId}
            onChange={(event) => setCatalogueId(offered.find((entry) => entry.id === event.currentTarget.value)?.id ?? catalogueId)}
            aria-describedby={`${id}-running`}
            className={controlClass}
          >
            {groupByCategory(offered, (entry) => entry.category).map((group) => (
              <optgroup key={group.category} label={group.label}>
                {group.items.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} className={secondaryButton}>
          Add item
        </button>
      </div>
      <p id={`${id}-running`} className="text-sm text-slate-700">
        {permission.status === "paused"
          ? "No clearance is in force: running can be planned, and the patient sees it paused until a clearance is."
          : permission.status === "cleared" && permission.level === "restricted"
            ? "Running starts at the limits of the patient's clearance."
            : "The patient may run without limits; running starts as easy runs."}
      </p>
    </fieldset>
  );
}
