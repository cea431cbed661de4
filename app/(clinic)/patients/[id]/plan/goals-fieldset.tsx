import { secondaryButton, TextInput } from "./controls";
import type { DraftGoal } from "./draft";
import { FieldError } from "@/lib/ui/form";
import type { FieldErrors } from "./field-errors";

interface GoalsFieldsetProps {
  goals: DraftGoal[];
  onChange: (goals: DraftGoal[]) => void;
  onAddUsual: () => void;
  /** Where a new goal's target date starts: the end of the course, when it is known. */
  defaultTargetDate: string;
  /** Errors about the goal list as a whole. */
  listErrors?: string[];
  errorsFor: (goal: DraftGoal) => FieldErrors;
}

export function GoalsFieldset({ goals, onChange, onAddUsual, defaultTargetDate, listErrors, errorsFor }: GoalsFieldsetProps) {
  const update = (key: string, change: Partial<DraftGoal>) => onChange(goals.map((g) => (g.key === key ? { ...g, ...change } : g)));
  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">Goals</legend>
      <FieldError id="plan-goals-error" errors={listErrors} />
      {goals.length === 0 ? (
        <p className="text-sm text-slate-700">No goals yet.</p>
      ) : (
        <ol className="space-y-3">
          {goals.map((goal, i) => {
            const of = `Goal ${i + 1}`;
            const errors = errorsFor(goal);
            return (
              // On a phone the date and Remove share a row, so three goals stay short.
              <li key={goal.key} className="grid grid-cols-[1fr_auto] gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
                <div className="col-span-2 sm:col-span-1">
                  <TextInput of={of} label="Description" value={goal.description} onChange={(description) => update(goal.key, { description })} errors={errors.description} />
                </div>
                <TextInput of={of} label="Target date" type="date" value={goal.targetDate} onChange={(targetDate) => update(goal.key, { targetDate })} errors={errors.targetDate} />
                <button type="button" onClick={() => onChange(goals.filter((g) => g.key !== goal.key))} className={`${secondaryButton} mt-6 self-start`}>
                  Remove<span className="sr-only"> goal {i + 1}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => onChange([...goals, { key: crypto.randomUUID(), description: "", targetDate: defaultTargetDate }])} className={secondaryButton}>
          Add a goal
        </button>
        {goals.length === 0 && (
          <button type="button" onClick={onAddUsual} className={secondaryButton}>
            Add the usual recovery goals
          </button>
        )}
      </div>
    </fieldset>
  );
}
