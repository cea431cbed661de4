"use client";

import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { ErrorSummary } from "./error-summary";
import { NeurologyNormalButton } from "./quick-fill";
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

// A draft is saved by itself this long after the last change, so leaving the page loses little.
const AUTOSAVE_AFTER_MS = 2_000;

export function ExamForm({ patientId, examId, version: loadedVersion, values, suggestion: loadedSuggestion }: ExamFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [version, setVersion] = useState(loadedVersion);
  // The version the next save must name, readable from timers and chained saves.
  const versionRef = useRef(loadedVersion);
  const [dirty, setDirty] = useState(false);
  const [autosaveNote, setAutosaveNote] = useState<string | null>(null);
  const autosave = useRef<{ timer?: ReturnType<typeof setTimeout>; running?: Promise<void> }>({});
  const [suggestion, setSuggestion] = useState(loadedSuggestion);
  const [intent, setIntent] = useState<Intent | null>(null);
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "");
  const [saveState, save, saving] = useActionState(async (previous: SaveState, formData: FormData) => {
    const result = await saveExamDraftAction(previous, formData);
    // The next save must name the version this one created, or it would conflict with itself.
    if (result.ok && result.data) {
      versionRef.current = result.data.version;
      setVersion(result.data.version);
      setDirty(false);
    }
    return result;
  }, null);
  const [signState, sign, signing] = useActionState(signExamAction, null);
  const state = intent === "sign" ? signState : intent === "save" ? saveState : null;
  const pending = saving || signing;

  // Leaving with unsaved changes asks first (closing the tab, reloading, typing another address).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  useEffect(() => () => clearTimeout(autosave.current.timer), []);

  // Saves the draft in the background without touching focus or the error list: a refused
  // autosave only says so, and Save draft shows what to fix.
  function scheduleAutosave(form: HTMLFormElement) {
    clearTimeout(autosave.current.timer);
    autosave.current.timer = setTimeout(() => {
      const formData = new FormData(form);
      const run = (autosave.current.running ?? Promise.resolve()).then(async () => {
        formData.set("version", String(versionRef.current));
        const result = await saveExamDraftAction(null, formData);
        if (result.ok && result.data) {
          versionRef.current = result.data.version;
          setVersion(result.data.version);
          setDirty(false);
          setAutosaveNote(result.message ?? "Draft saved.");
        } else {
          setAutosaveNote("Not saved automatically: some answers need fixing. Use Save draft to see which.");
        }
      });
      autosave.current.running = run.catch(() => setAutosaveNote("Not saved automatically: the connection failed. Use Save draft."));
    }, AUTOSAVE_AFTER_MS);
  }

  // React resets a form after its `action` runs, which would wipe a draft that stays open after
  // saving; submitting through a transition keeps everything typed exactly where it is.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const chosen: Intent = submitter?.dataset.intent === "sign" ? "sign" : "save";
    const formData = new FormData(event.currentTarget);
    clearTimeout(autosave.current.timer);
    setIntent(chosen);
    // A background save still running must land first, or this one would name a stale version.
    const pendingAutosave = autosave.current.running ?? Promise.resolve();
    void pendingAutosave.then(() => {
      formData.set("version", String(versionRef.current));
      startTransition(() => (chosen === "sign" ? sign : save)(formData));
    });
  }

  function changed(event: React.FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    setSuggestion(suggestRootLevel(examDraftFromForm(new FormData(form).entries())));
    setDirty(true);
    setAutosaveNote(null);
    scheduleAutosave(form);
  }

  const section = { state, values };
  return (
    <form ref={formRef} onSubmit={submit} onChange={changed} className="space-y-4" noValidate aria-label="Examination">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="examId" value={examId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <ErrorSummary form={formRef} state={state} />
      <HistorySection {...section} />
      <RedFlagsSection {...section} />
      <NerveTensionSection {...section} />
      <NeurologyNormalButton />
      <StrengthSection {...section} />
      <ReflexesSection {...section} />
      <SensationSection {...section} />
      <LevelSuggestionPanel suggestion={suggestion} live />
      <RunnerSection {...section} />
      <NotesSection {...section} />
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <FormMessage state={state} />
        <p role="status" className="text-sm text-slate-700">
          {autosaveNote ?? (dirty ? "Unsaved changes: saved automatically in a moment." : "")}
        </p>
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
