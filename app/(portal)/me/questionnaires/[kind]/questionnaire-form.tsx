"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import {
  bothersomeLabels,
  ODI_SECTIONS,
  odiBandLabels,
  START_BACK_BOTHERSOME_QUESTION,
  START_BACK_STATEMENTS,
  startBackPlan,
  startBackRisk,
  type QuestionnaireDraft,
  type QuestionnaireKind,
} from "@/lib/domain/questionnaires";
import { bothersomeAnswers, odiBand } from "@/lib/domain/scores";
import { saveQuestionnaireDraftAction, submitQuestionnaireAction } from "../actions";

/** null: left blank (ODI only); undefined: not reached yet. */
type Answer = number | null | undefined;

interface Step {
  title: string;
  prompt: string;
  options: { value: number; label: string }[];
  /** ODI sections may be left blank; STarT Back needs every answer. */
  mayLeaveBlank: boolean;
}

function stepsOf(kind: QuestionnaireKind): Step[] {
  if (kind === "odi") {
    return ODI_SECTIONS.map((s) => ({
      title: s.title,
      prompt: "Choose the one statement that describes you best today.",
      options: s.statements.map((label, value) => ({ value, label })),
      mayLeaveBlank: true,
    }));
  }
  return [
    ...START_BACK_STATEMENTS.map((statement) => ({
      title: statement,
      prompt: "Thinking about the last 2 weeks, do you agree or disagree?",
      options: [
        { value: 1, label: "Agree" },
        { value: 0, label: "Disagree" },
      ],
      mayLeaveBlank: false,
    })),
    {
      title: START_BACK_BOTHERSOME_QUESTION,
      prompt: "Choose one.",
      options: bothersomeAnswers.map((b, value) => ({ value, label: bothersomeLabels[b] })),
      mayLeaveBlank: false,
    },
  ];
}

function answersFromDraft(kind: QuestionnaireKind, draft: QuestionnaireDraft | null, count: number): Answer[] {
  const answers: Answer[] = Array.from({ length: count }, () => undefined);
  if (!draft) return answers;
  if (kind === "odi" && "answers" in draft) draft.answers.forEach((a, i) => (answers[i] = a));
  if (kind === "start_back" && "agree" in draft) {
    draft.agree.forEach((a, i) => (answers[i] = a === null ? undefined : a ? 1 : 0));
    if (draft.bothersome) answers[count - 1] = bothersomeAnswers.indexOf(draft.bothersome);
  }
  return answers;
}

/** The answers as form fields (app/(portal)/me/questionnaires/actions.ts), up to the first not reached. */
function formOf(kind: QuestionnaireKind, answers: Answer[], idempotencyKey?: string): FormData {
  const form = new FormData();
  form.set("kind", kind);
  if (idempotencyKey) form.set("idempotencyKey", idempotencyKey);
  if (kind === "odi") {
    for (let i = 0; i < answers.length; i++) {
      if (answers[i] === undefined) break;
      form.set(`s${i}`, answers[i] === null ? "blank" : String(answers[i]));
    }
  } else {
    for (let i = 0; i < answers.length - 1; i++) {
      if (answers[i] === undefined || answers[i] === null) break;
      form.set(`a${i}`, answers[i] === 1 ? "agree" : "disagree");
    }
    const last = answers.at(-1);
    if (typeof last === "number") form.set("bothersome", bothersomeAnswers[last]!);
  }
  return form;
}

interface Result {
  score: number | null;
  subscore: number | null;
}

export function QuestionnaireForm({ kind, draft }: { kind: QuestionnaireKind; draft: QuestionnaireDraft | null }) {
  const steps = stepsOf(kind);
  const [answers, setAnswers] = useState<Answer[]>(() => answersFromDraft(kind, draft, steps.length));
  // Resume at the first question not reached; the review once all are.
  const [step, setStep] = useState(() => {
    const first = answersFromDraft(kind, draft, steps.length).findIndex((a) => a === undefined);
    return first === -1 ? steps.length : first;
  });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const keyRef = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const groupId = useId();

  useEffect(() => headingRef.current?.focus(), [step]);

  async function persist(next: Answer[]) {
    const state = await saveQuestionnaireDraftAction(null, formOf(kind, next));
    setSaveError(state.ok ? null : "Your answers so far could not be saved. You can carry on; check your connection.");
  }

  function choose(value: number | null) {
    const next = [...answers];
    next[step] = value;
    setAnswers(next);
    return next;
  }

  function goNext(next: Answer[]) {
    void persist(next);
    setStep(step + 1);
  }

  async function submit() {
    setSubmitting(true);
    keyRef.current ??= crypto.randomUUID();
    const filled = kind === "odi" ? answers.map((a) => (a === undefined ? null : a)) : answers;
    const state = await submitQuestionnaireAction(null, formOf(kind, filled, keyRef.current));
    setSubmitting(false);
    if (state.ok) setResult((state.data as Result | undefined) ?? { score: null, subscore: null });
    else setSaveError(state.message);
  }

  if (result) return <ResultPanel kind={kind} result={result} />;

  const blanks = answers.filter((a) => a === null || a === undefined).length;
  if (step >= steps.length) {
    return (
      <div className="space-y-4">
        <Progress step={steps.length} total={steps.length} label="Check your answers" />
        <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">Check your answers</h2>
        <ol className="space-y-2">
          {steps.map((s, i) => (
            <li key={s.title} className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
              <span>
                <span className="font-medium">{s.title}</span>
                <span className="block text-slate-700">{answers[i] === null || answers[i] === undefined ? "Left blank" : s.options.find((o) => o.value === answers[i])?.label}</span>
              </span>
              <button type="button" onClick={() => setStep(i)} className="min-h-11 rounded-md border border-slate-400 bg-white px-3 font-medium" aria-label={`Change: ${s.title}`}>
                Change
              </button>
            </li>
          ))}
        </ol>
        {kind === "odi" && blanks >= 2 && (
          <p role="note" className="rounded-md border border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">
            {blanks} sections are blank. With two or more left blank the questionnaire cannot be scored; you can still send it, or go back and answer them.
          </p>
        )}
        {saveError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {saveError}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => setStep(steps.length - 1)} className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium">
            Back
          </button>
          <button type="button" onClick={submit} disabled={submitting} className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white disabled:opacity-60">
            {submitting ? "Sending…" : "Send my answers"}
          </button>
        </div>
      </div>
    );
  }

  const current = steps[step]!;
  const chosen = answers[step];
  const missing = !current.mayLeaveBlank && (chosen === undefined || chosen === null);
  return (
    <div className="space-y-4">
      <Progress step={step} total={steps.length} label={`${kind === "odi" ? "Section" : "Question"} ${step + 1} of ${steps.length}`} />
      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-describedby={`${groupId}-prompt`}>
        <legend className="sr-only">{current.title}</legend>
        <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {current.title}
        </h2>
        <p id={`${groupId}-prompt`} className="text-sm text-slate-700">
          {current.prompt}
        </p>
        <div className="space-y-2">
          {current.options.map((o) => (
            <label key={o.value} className={`flex min-h-12 cursor-pointer items-start gap-3 rounded-md border p-3 ${chosen === o.value ? "border-brand-700 bg-brand-50" : "border-slate-300"}`}>
              <input type="radio" name={`${groupId}-answer`} checked={chosen === o.value} onChange={() => choose(o.value)} className="mt-1 h-5 w-5 shrink-0" />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {saveError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {saveError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)} className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium">
            Back
          </button>
        )}
        <button
          type="button"
          onClick={() => goNext(answers)}
          disabled={missing || chosen === undefined}
          className="min-h-11 rounded-md bg-brand-700 px-5 font-semibold text-white disabled:opacity-50"
        >
          Next
        </button>
        {current.mayLeaveBlank && (
          <button type="button" onClick={() => goNext(choose(null))} className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium">
            Leave this section blank
          </button>
        )}
      </div>
      <p className="text-sm text-slate-600">Your answers are kept as you go: you can leave and come back to finish.</p>
    </div>
  );
}

function Progress({ step, total, label }: { step: number; total: number; label: string }) {
  return (
    <div>
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <div className="mt-1 h-2 w-full rounded-full bg-slate-200" role="progressbar" aria-label="Progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={step}>
        <div className="h-2 rounded-full bg-brand-700" style={{ width: `${Math.round((step / total) * 100)}%` }} />
      </div>
    </div>
  );
}

function ResultPanel({ kind, result }: { kind: QuestionnaireKind; result: Result }) {
  let text: string;
  if (kind === "odi") {
    text =
      result.score === null
        ? "Two or more sections were left blank, so no score could be worked out. Your care team can still read your answers."
        : `Your score is ${Math.round(result.score)} out of 100 (${odiBandLabels[odiBand(result.score)]}). Lower is better; your care team will compare it with your next one.`;
  } else {
    const risk = startBackRisk(result.score ?? 0, result.subscore ?? 0);
    text = `${startBackPlan[risk].label} of your back pain holding you back for long. Your care team uses this to choose the right support for you.`;
  }
  return (
    <div role="status" className="space-y-3 rounded-lg border border-emerald-700 bg-emerald-50 p-4 text-emerald-950">
      <h2 className="text-lg font-semibold">Thank you: your answers are sent</h2>
      <p>{text}</p>
      <Link href="/me" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white">
        Back to today
      </Link>
    </div>
  );
}

