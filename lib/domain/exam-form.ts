import type { ExamDraft } from "./exam";

/**
 * Turns the exam form's flat fields ("history.painNow", "strength.L4.left", "redFlags.fever")
 * into the nested exam. Empty fields are left out, so a draft keeps only what was entered;
 * numbers stay text when they are not numbers, so validation can say so next to the field.
 */
const NUMERIC = /^(history\.(painNow|painWorst)|slr\.(left|right)\.angle|strength\.[A-Z0-9]+\.(left|right))$/;
const BOOLEAN = /^(history\.trauma|redFlags\.[a-z_]+)$/;
// Checkboxes: ticked sends "on", unticked sends nothing.
const TICKED = /^(history\.(nsaidRisks|currentMedicines)\.[a-z_]+|redFlagsLongStanding\.[a-z_]+)$/;

function convert(key: string, raw: string): unknown {
  if (NUMERIC.test(key)) {
    const n = Number(raw);
    return raw.trim() !== "" && Number.isFinite(n) ? n : raw;
  }
  if (BOOLEAN.test(key)) return raw === "yes" ? true : raw === "no" ? false : raw;
  if (TICKED.test(key)) return raw === "on" ? true : raw;
  return raw;
}

export function examDraftFromForm(entries: Iterable<[string, FormDataEntryValue]>): ExamDraft {
  const root: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (typeof value !== "string" || key.startsWith("$") || !/^[a-zA-Z0-9_.]+$/.test(key)) continue;
    const path = key.split(".");
    if (!["history", "redFlags", "redFlagsLongStanding", "slr", "crossedSlr", "slump", "femoralStretch", "strength", "reflexes", "sensation", "footMechanics", "posture", "gait", "notes"].includes(path[0]!)) continue;
    const isText = ["posture", "gait", "notes", "history.mechanismNotes"].includes(key);
    if (value === "" && !isText) continue;
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = isText ? value : convert(key, value);
  }
  // A recorded SLR result with no angle typed means "no angle", which signing needs as null.
  const slr = root.slr as Record<string, Record<string, unknown>> | undefined;
  for (const side of ["left", "right"]) {
    const test = slr?.[side];
    if (test && test.result !== undefined && test.angle === undefined) test.angle = null;
  }
  return root as ExamDraft;
}

/** The flat field name → value map a form needs to show a saved draft again. */
export function examFormValues(draft: ExamDraft): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, prefix: string) => {
    if (value === null || value === undefined) return;
    if (typeof value === "object") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, prefix ? `${prefix}.${k}` : k);
      return;
    }
    if (TICKED.test(prefix)) {
      if (value === true) out[prefix] = "on";
      return;
    }
    out[prefix] = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
  };
  walk(draft, "");
  return out;
}
