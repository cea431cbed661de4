import { startTransition, useEffect, useId, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { drugNames } from "@/lib/domain/medication-guardrails";
import { itemName } from "@/lib/domain/plan";
import { FieldError, FormMessage } from "@/lib/ui/form";
import { AddItemPicker } from "./add-item-picker";
import { CourseFields } from "./course-fields";
import { courseEndDate } from "./course";
import { applyTemplate, draftFromPlan, itemLabels, serializeDraft, withUsualGoals, type PlanDraft } from "./draft";
import { checkPlanMedicine } from "@/lib/domain/plan";
import { formLevelMessages, rowErrors, type SentRows } from "./field-errors";
import { GoalsFieldset } from "./goals-fieldset";
import { ItemCard } from "./item-card";
import type { PlanEditorProps } from "./plan-editor";
import { TemplatePicker } from "./template-picker";

const DRUG_NAMES = [...new Set(Object.values(drugNames).flatMap((names) => [...names.generic, ...names.brand]))].sort((a, b) => a.localeCompare(b));

// Paths shown beside a control of their own; anything else the server says goes above Save.
const PLACED = ["startDate", "courseWeeks", "items", "goals"];

interface DraftEditorProps extends PlanEditorProps {
  /** The last refused save, if any. */
  state: Extract<ActionState, { ok: false }> | null;
  dispatch: (formData: FormData) => void;
  pending: boolean;
  notice: React.ReactNode;
}

export function DraftEditor({ patientId, current, context, today, state, dispatch, pending, notice }: DraftEditorProps) {
  const [draft, setDraft] = useState<PlanDraft>(() => draftFromPlan(current?.plan ?? null, today));
  const [templateId, setTemplateId] = useState(current?.templateId ?? "");
  const [sent, setSent] = useState<SentRows>({ itemKeys: [], goalKeys: [] });
  const [announcement, setAnnouncement] = useState("");
  // Items added from the catalogue open to be edited; the rest fold to one line each.
  const [added, setAdded] = useState<string[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const drugListId = useId();
  const itemsHeadingId = useId();
  const errors = state?.fieldErrors;
  const names = itemLabels(draft.items);
  const end = courseEndDate(draft.startDate, draft.courseWeeks) ?? "";

  // After a refusal, land keyboard and screen-reader users on the first thing to fix.
  useEffect(() => {
    if (state?.fieldErrors) rootRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  const change = (next: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...next }));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    // The server's error paths count rows as they were sent; remember which rows those were.
    setSent({ itemKeys: draft.items.map((i) => i.key), goalKeys: draft.goals.map((g) => g.key) });
    startTransition(() => dispatch(formData));
  }

  return (
    <div ref={rootRef} className="space-y-6">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <TemplatePicker
        onApply={(template) => {
          setDraft((d) => applyTemplate(d, template));
          setTemplateId(template.id);
          setAnnouncement(`Replaced the items with the template ${template.name}: ${template.items.length} items over ${template.courseWeeks} weeks.`);
        }}
      />

      <CourseFields startDate={draft.startDate} courseWeeks={draft.courseWeeks} onChange={change} errors={errors} />

      <div role="group" aria-labelledby={itemsHeadingId} className="space-y-3">
        <p id={itemsHeadingId} className="font-semibold">
          Items ({draft.items.length})
        </p>
        <FieldError id="plan-items-error" errors={errors?.items} />
        {draft.items.length === 0 ? (
          <p className="text-sm text-slate-700">No items yet: start from a template or add items from the catalogue.</p>
        ) : (
          <ul className="space-y-3">
            {draft.items.map((item, i) => (
              <ItemCard
                key={item.key}
                item={item}
                name={names[i] ?? itemName(item)}
                errors={rowErrors(errors, "items", sent.itemKeys, item.key)}
                context={context}
                check={checkPlanMedicine(draft, i, context)}
                drugListId={drugListId}
                onChange={(next) => setDraft((d) => ({ ...d, items: d.items.map((it) => (it.key === next.key ? next : it)) }))}
                startOpen={added.includes(item.key)}
                onRemove={() => {
                  setDraft((d) => ({ ...d, items: d.items.filter((it) => it.key !== item.key) }));
                  setAnnouncement(`Removed ${names[i] ?? itemName(item)}.`);
                }}
              />
            ))}
          </ul>
        )}
        <AddItemPicker
          context={context}
          startDate={draft.startDate}
          onAdd={(item) => {
            setDraft((d) => ({ ...d, items: [...d.items, item] }));
            setAdded((keys) => [...keys, item.key]);
            setAnnouncement(`Added ${itemName(item)}.`);
          }}
        />
        <datalist id={drugListId}>
          {DRUG_NAMES.map((drug) => (
            <option key={drug} value={drug} />
          ))}
        </datalist>
      </div>

      <GoalsFieldset
        goals={draft.goals}
        onChange={(goals) => change({ goals })}
        onAddUsual={() => setDraft(withUsualGoals)}
        defaultTargetDate={end}
        listErrors={errors?.goals}
        errorsFor={(goal) => rowErrors(errors, "goals", sent.goalKeys, goal.key)}
      />

      <form onSubmit={submit} noValidate className="sticky bottom-0 z-10 space-y-3 border-t border-slate-200 bg-white pt-4 pb-3">
        <input type="hidden" name="patientId" value={patientId} />
        <input type="hidden" name="basedOnVersion" value={current?.version ?? 0} />
        <input type="hidden" name="templateId" value={templateId} />
        <input type="hidden" name="plan" value={serializeDraft(draft, context)} />
        <FormMessage state={state} />
        <FieldError id="plan-form-error" errors={formLevelMessages(errors, PLACED)} />
        {notice}
        <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Saving…" : "Save new version"}
        </button>
      </form>
    </div>
  );
}
