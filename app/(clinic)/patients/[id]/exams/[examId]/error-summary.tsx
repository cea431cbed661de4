"use client";

import { useEffect, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

interface Problem {
  key: string;
  label: string;
  message: string;
  target: HTMLElement;
}

/**
 * The control an error belongs to: the field of that name, or for an error about a whole section
 * or row (`history`, `strength.L5`) its first field.
 */
function targetFor(form: HTMLFormElement, key: string): HTMLElement | null {
  const exact = form.querySelector<HTMLElement>(`[name="${CSS.escape(key)}"]`);
  return exact ?? form.querySelector<HTMLElement>(`[name^="${CSS.escape(`${key}.`)}"]`);
}

function labelOf(target: HTMLElement, exact: boolean): string {
  const section = target.closest("section")?.querySelector("h2")?.textContent?.trim() ?? "";
  if (!exact) return section;
  const legend = target.closest("fieldset")?.querySelector("legend")?.textContent?.trim();
  const own = legend ?? target.getAttribute("aria-label") ?? (target as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? "";
  return section && own && !own.startsWith(section) ? `${section}: ${own}` : own || section;
}

/** Every problem of a refused save or sign, in the order of the form, each a link to its field. */
function problemsOf(form: HTMLFormElement, state: ActionState<unknown>): Problem[] {
  if (state.ok || !state.fieldErrors) return [];
  const problems: Problem[] = [];
  for (const [key, messages] of Object.entries(state.fieldErrors)) {
    const target = targetFor(form, key);
    if (!target || !messages?.length) continue;
    const exact = target.getAttribute("name") === key;
    problems.push({ key, label: labelOf(target, exact), message: messages.join(" "), target });
  }
  return problems.sort((a, b) => (a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/**
 * Lists what stops a save or signing at the top of the form and moves focus to the first field to
 * fix in the order of the form (GOV.UK error summary pattern). The labels come from the form
 * itself, so every field's error is named as the physician sees the field.
 */
export function ErrorSummary({ form, state }: { form: React.RefObject<HTMLFormElement | null>; state: ActionState<unknown> | null }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    const found = form.current && state ? problemsOf(form.current, state) : [];
    // The labels are read from the rendered form, which only exists after render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setProblems(found);
    found[0]?.target.focus();
  }, [form, state]);
  if (problems.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="exam-error-summary" className="rounded-lg border-2 border-red-700 bg-red-50 p-4">
      <h2 id="exam-error-summary" className="font-semibold text-red-900">
        {problems.length === 1 ? "1 thing to fix" : `${problems.length} things to fix`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {problems.map((p) => (
          <li key={p.key}>
            <a
              href={`#${p.target.id || ""}`}
              className="text-red-900 underline"
              onClick={(event) => {
                event.preventDefault();
                p.target.scrollIntoView({ block: "center" });
                p.target.focus();
              }}
            >
              {p.label}: {p.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
