"use client";

import { LIMB_SIDES, reflexTests, sensationAreas, strengthTests } from "@/lib/domain/exam";

// The form is uncontrolled, so a shortcut fills it the way a person would: a radio is clicked
// and a field's value is set through the element's own setter and announced with an event.
// React then sees an ordinary change (the live level suggestion and autosave follow it).

function choose(form: HTMLFormElement, name: string, value: string) {
  const radio = form.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
  if (radio && !radio.checked) radio.click();
}

function setValue(form: HTMLFormElement, name: string, value: string) {
  const field = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`);
  if (!field || field.value === value) return;
  const prototype = field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(field, value);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}

const shortcut =
  "min-h-11 rounded-md border border-slate-500 bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50";

/** Answers "No" to every flag in the list; each is still recorded as its own answer. */
export function NoneOfTheseButton({ flagIds, label }: { flagIds: readonly string[]; label: string }) {
  return (
    <button
      type="button"
      className={shortcut}
      onClick={(event) => {
        const form = event.currentTarget.form;
        if (form) for (const id of flagIds) choose(form, `redFlags.${id}`, "no");
      }}
    >
      {label}
    </button>
  );
}

/** Fills strength 5, reflexes and sensation normal on both sides, for the physician to edit. */
export function NeurologyNormalButton() {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <button
        type="button"
        className={shortcut}
        onClick={(event) => {
          const form = event.currentTarget.form;
          if (!form) return;
          for (const side of LIMB_SIDES) {
            for (const test of strengthTests) setValue(form, `strength.${test.root}.${side}`, "5");
            for (const test of reflexTests) setValue(form, `reflexes.${test.reflex}.${side}`, "normal");
            for (const area of sensationAreas) setValue(form, `sensation.${area.root}.${side}`, "normal");
          }
        }}
      >
        Neurology normal
      </button>
      <p className="text-sm text-slate-700">Fills strength 5/5, reflexes and sensation normal on both sides; then change what you found.</p>
    </div>
  );
}
