"use client";

import { useActionState, useEffect, useRef } from "react";
import type { Plan, PlanContext } from "@/lib/domain/plan";
import { savePlanAction } from "./actions";
import { DraftEditor } from "./draft-editor";

export interface PlanEditorProps {
  patientId: string;
  current: { version: number; plan: Plan; templateId: string | null } | null;
  context: PlanContext;
  /** The patient's today, YYYY-MM-DD: where a first plan starts. */
  today: string;
}

/**
 * Holds the save's outcome above the draft, which is keyed by version: a successful save
 * revalidates the page, the draft starts again from the version just saved, and the note
 * saying so survives that re-mount.
 */
export function PlanEditor(props: PlanEditorProps) {
  const [state, dispatch, pending] = useActionState(savePlanAction, null);
  const version = props.current?.version ?? 0;
  // A success note belongs to the version it recorded; until that version arrives it would mislead.
  const saved = state?.ok && state.data?.version === version ? { message: state.message ?? "", changes: state.data.changes } : null;
  return (
    <DraftEditor
      key={version}
      {...props}
      state={state && !state.ok ? state : null}
      dispatch={dispatch}
      pending={pending}
      notice={saved && <SavedNotice key={version} {...saved} />}
    />
  );
}

function SavedNotice({ message, changes }: { message: string; changes: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // The Save button belonged to the draft that was replaced; keep keyboard focus on the outcome.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      <p className="font-semibold">{message}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {changes.map((change, i) => (
          <li key={i}>{change}</li>
        ))}
      </ul>
    </div>
  );
}
