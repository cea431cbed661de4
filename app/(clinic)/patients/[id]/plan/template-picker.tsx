import { useId, useState } from "react";
import { planTemplates, type PlanTemplate } from "@/lib/domain/plan-catalogue";
import { controlClass, secondaryButton } from "./controls";

export function TemplatePicker({ onApply }: { onApply: (template: PlanTemplate) => void }) {
  const id = useId();
  const [templateId, setTemplateId] = useState(planTemplates[0]?.id ?? "");
  const template = planTemplates.find((t) => t.id === templateId);
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">Start from a template</legend>
      <p className="text-sm text-slate-700">
        A template replaces every item and goal below and sets the course length. The start date stays as it is.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            Template
          </label>
          <select id={id} value={templateId} onChange={(event) => setTemplateId(event.currentTarget.value)} aria-describedby={`${id}-about`} className={controlClass}>
            {planTemplates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={!template} onClick={() => template && onApply(template)} className={secondaryButton}>
          Replace items with this template
        </button>
      </div>
      {template && (
        <p id={`${id}-about`} className="text-sm text-slate-700">
          {template.items.length} items and {template.goals.length} goals over {template.courseWeeks} weeks.
        </p>
      )}
    </fieldset>
  );
}
