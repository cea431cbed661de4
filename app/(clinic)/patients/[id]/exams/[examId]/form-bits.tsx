import type { ActionState } from "@/lib/actions/action-state";

export type FormState = ActionState<unknown> | null;

/** What each section of the exam form needs: the latest outcome and the saved values to start from. */
export interface SectionProps {
  state: FormState;
  values: Record<string, string>;
}

export function errorsFor(state: FormState, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

/** What was just submitted when it was refused, else the saved draft's value. */
export function startingValue({ state, values }: SectionProps, name: string): string | undefined {
  const previous = state && !state.ok ? state.values?.[name] : undefined;
  return previous ?? values[name];
}

interface ExamSectionProps {
  id: string;
  title: string;
  intro?: React.ReactNode;
  danger?: boolean;
  state: FormState;
  /**
   * Keys of errors that belong to a whole section or row rather than one input (a section
   * left empty, a root with neither side graded), shown under the heading with their label.
   */
  groupErrors?: { name: string; label: string }[];
  children: React.ReactNode;
}

export function ExamSection({ id, title, intro, danger = false, state, groupErrors = [], children }: ExamSectionProps) {
  const messages = groupErrors.flatMap(({ name, label }) => (errorsFor(state, name) ?? []).map((message) => `${label}: ${message}`));
  return (
    <section aria-labelledby={id} className={`rounded-lg bg-white p-3 sm:p-4 ${danger ? "border-2 border-red-700" : "border border-slate-200"}`}>
      <h2 id={id} className={`text-lg font-semibold ${danger ? "text-red-800" : ""}`}>
        {title}
      </h2>
      {intro && <p className="mt-1 text-sm text-slate-700">{intro}</p>}
      {messages.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm font-medium text-red-700">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}
