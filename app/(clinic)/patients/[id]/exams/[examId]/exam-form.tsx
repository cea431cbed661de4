"use client";

import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { examDraftFromForm } from "@/lib/domain/exam-form";
import { suggestRootLevel, type LevelSuggestion } from "@/lib/domain/level-suggestion";
import { FormMessage } from "@/lib/ui/form";
import { saveExamDraftAction, signExamAction } from "../actions";
import { HistorySection } from "./history-section";
import { LevelSuggestionPanel } from "./level-suggestion-panel";
import { NerveTensionSection } from "./nerve-tension-section";
import { RedFlagsSection } from "./red-flags-section";
import { ReflexesSection, SensationSection } from "./reflex-sensation-sections";
import { NotesSection, RunnerSection } from "./runner-section";
import { StrengthSection } from "./strength-section";

interface ExamFormProps {
  patientId: string;
  examId: string;
  version: number;
  /** The saved draft as form field name → value. */
  values: Record<string, string>;
  suggestion: LevelSuggestion;
}

type SaveState = ActionState<{ version: number }> | null;
type Intent = "save" | "sign";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

// After a refused save or sign, land keyboard and screen-reader users on the first field to fix.
function focusFirstInvalid(form: HTMLFormElement | null, state: ActionState<unknown> | null) {
  if (!form || !state || state.ok || !state.fieldErrors) return;
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  (invalid?.matches("fieldset") ? invalid.querySelector<HTMLElement>("input") : invalid)?.focus();
}

export function ExamForm({ patientId, examId, version: loadedVersion, values, suggestion: loadedSuggestion }: ExamFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [version, setVersion] = useState(loadedVersion);
  const [suggestion, setSuggestion] = useState(loadedSuggestion);
  const [intent, setIntent] = useState<Intent | null>(null);
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "");
  const [saveState, save, saving] = useActionState(async (previous: SaveState, formData: FormData) => {
    const result = await saveExamDraftAction(previous, formData);
    // The next save must name the version this one created, or it would conflict with itself.
    if (result.ok && result.data) setVersion(result.data.version);
    return result;
  }, null);
  const [signState, sign, signing] = useActionState(signExamAction, null);
  const state = intent === "sign" ? signState : intent === "save" ? saveState : null;
  const pending = saving || signing;

  useEffect(() => focusFirstInvalid(formRef.current, saveState), [saveState]);
  useEffect(() => focusFirstInvalid(formRef.current, signState), [signState]);

  // React resets a form after its `action` runs, which would wipe a draft that stays open after
  // saving; submitting through a transition keeps everything typed exactly where it is.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const chosen: Intent = submitter?.dataset.intent === "sign" ? "sign" : "save";
    const formData = new FormData(event.currentTarget);
    setIntent(chosen);
    startTransition(() => (chosen === "sign" ? sign : save)(formData));
  }

  function updateSuggestion(event: React.FormEvent<HTMLFormElement>) {
    setSuggestion(suggestRootLevel(examDraftFromForm(new FormData(event.currentTarget).entries())));
  }

  const section = { state, values };
  return (
    <form ref={formRef} onSubmit={submit} onChange={updateSuggestion} className="space-y-4" noValidate aria-label="Examination">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="examId" value={examId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <HistorySection {...section} />
      <RedFlagsSection {...section} />
      <NerveTensionSection {...section} />
      <StrengthSection {...section} />
      <ReflexesSection {...section} />
      <SensationSection {...section} />
      <LevelSuggestionPanel suggestion={suggestion} live />
      <RunnerSection {...section} />
      <NotesSection {...section} />
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <FormMessage state={state} />
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            data-intent="save"
            disabled={pending}
            className="min-h-11 rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
          >
            {saving ? "Saving…" : "Save draft"}
          </button>
          <button
            type="submit"
            data-intent="sign"
            disabled={pending}
            className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {signing ? "Signing…" : "Sign exam"}
          </button>
        </div>
        <p className="text-sm text-slate-700">
          Signing needs every section complete and is final: a signed exam never changes, it can only receive signed addenda.
        </p>
      </div>
    </form>
  );
}
