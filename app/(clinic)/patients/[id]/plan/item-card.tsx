"use client";

import { useState } from "react";
import type { MedicationCheck } from "@/lib/domain/medication-guardrails";
import { runningClearanceOf, type PlanContext } from "@/lib/domain/plan";
import { catalogueEntry, describeDose, runningDoseWithinClearance } from "@/lib/domain/plan-catalogue";
import { secondaryButton, TextArea } from "./controls";
import { DoseFields, doseFieldPaths } from "./dose-fields";
import type { DraftItem } from "./draft";
import { unplacedMessages, type FieldErrors } from "./field-errors";
import { categoryLabels } from "./labels";
import { MedicineGuardrail } from "./medicine-guardrail";

interface ItemCardProps {
  item: DraftItem;
  /** The item's name, made unique within the plan. */
  name: string;
  /** This item's errors from the last refused save, by path inside the item. */
  errors: FieldErrors;
  context: PlanContext;
  /** The guardrails' findings for a medicine, with the rest of the draft in view. */
  check: MedicationCheck | null;
  drugListId: string;
  onChange: (item: DraftItem) => void;
  onRemove: () => void;
  /** Open to start with (an item just added); others fold to one line until opened. */
  startOpen?: boolean;
}

export function ItemCard({ item, name, errors, context, check, drugListId, onChange, onRemove, startOpen = false }: ItemCardProps) {
  const [open, setOpen] = useState(startOpen);
  const { dose } = item;
  const clearance = runningClearanceOf(context.permission);
  const shown = [...doseFieldPaths(dose), "instructions", ...(check?.requiresJustification ? ["justification"] : [])];
  // Running while no clearance is in force is shown paused to the patient; say so here.
  const live =
    dose.kind === "running" && context.permission.status === "paused"
      ? ["Paused for the patient: no clearance is in force, so they are told not to run until one is."]
      : dose.kind === "running"
        ? runningDoseWithinClearance(dose, clearance).filter((p) => p.field === null).map((p) => p.message)
        : [];
  const problems = [...new Set([...live, ...unplacedMessages(errors, shown)])];
  // An item with something to fix never hides it behind a fold.
  const mustShow = problems.length > 0 || Object.keys(errors).length > 0 || (check?.requiresJustification ?? false);
  return (
    <li className="rounded-lg border border-slate-300 bg-white">
      <details open={open || mustShow} onToggle={(event) => setOpen(event.currentTarget.open)} className="group">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 py-2 sm:px-4">
        <span aria-hidden="true" className="text-slate-600 group-open:rotate-90">▸</span>
        <span className="min-w-0 flex-1">
          <span className="font-semibold">{name}</span>
          <span className="text-sm text-slate-700"> · {describeDose(dose)}</span>
        </span>
        {mustShow && <span className="text-sm font-semibold text-red-800">Needs attention</span>}
      </summary>
      <div className="space-y-3 px-3 pb-3 sm:px-4 sm:pb-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="text-base font-semibold">{name}</h3>
          <p className="text-sm text-slate-700">{categoryLabels[catalogueEntry(item.catalogueId).category]}</p>
        </div>
        <button type="button" onClick={onRemove} className={secondaryButton}>
          Remove<span className="sr-only"> {name}</span>
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="list-disc space-y-1 rounded-md border border-red-300 bg-red-50 py-2 pr-3 pl-8 text-sm font-medium text-red-800">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <DoseFields of={name} dose={dose} onChange={(next) => onChange({ ...item, dose: next })} errors={errors} clearance={clearance} drugListId={drugListId} />
      {check && (
        <MedicineGuardrail
          of={name}
          check={check}
          justification={item.justification}
          onJustificationChange={(justification) => onChange({ ...item, justification })}
          errors={errors.justification}
        />
      )}
      <TextArea
        of={name}
        label="Instructions for the patient"
        hint="The patient reads these exactly as written."
        value={item.instructions}
        onChange={(instructions) => onChange({ ...item, instructions })}
        errors={errors.instructions}
      />
      </div>
      </details>
    </li>
  );
}
