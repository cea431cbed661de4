import type { MedicineDose } from "./plan-catalogue";

/**
 * Usual adult oral dose ceilings (DOMAIN.md §7), as data with their source. US labels differ
 * (ibuprofen up to 3,200 mg a day); the clinic's formulary has the last word, so going above a
 * ceiling is refused only until the physician records a reason.
 */
export interface DoseCeiling {
  ingredient: string;
  /** Generic and brand names, matched as whole words. */
  names: readonly string[];
  singleMaxMg: number | null;
  dailyMaxMg: number;
  /** A higher daily ceiling once prescribed rather than bought over the counter. */
  prescribedDailyMaxMg?: number;
  source: string;
  note?: string;
}

export const doseCeilings: readonly DoseCeiling[] = [
  {
    ingredient: "ibuprofen",
    names: ["ibuprofen", "Advil", "Motrin", "Nurofen", "Brufen"],
    singleMaxMg: 800,
    dailyMaxMg: 1200,
    prescribedDailyMaxMg: 2400,
    source: "BNF: 1,200 mg a day without prescription, 2,400 mg a day prescribed; single dose 800 mg at most",
  },
  {
    ingredient: "naproxen",
    names: ["naproxen", "Aleve", "Naprosyn", "Anaprox", "Naprelan"],
    singleMaxMg: 500,
    dailyMaxMg: 1000,
    source: "BNF, musculoskeletal pain: 1,000 mg a day, single dose 500 mg",
  },
  {
    ingredient: "diclofenac",
    names: ["diclofenac", "Voltaren", "Voltarol", "Cataflam", "Zipsor", "Zorvolex"],
    singleMaxMg: null,
    dailyMaxMg: 150,
    source: "BNF: 150 mg a day",
  },
  {
    ingredient: "paracetamol",
    names: ["paracetamol", "acetaminophen", "Tylenol", "Panadol", "Calpol"],
    singleMaxMg: 1000,
    dailyMaxMg: 4000,
    source: "BNF: 4 g a day, single dose 1 g",
    note: "Use less under 50 kg or with liver risk.",
  },
  {
    ingredient: "codeine",
    names: ["codeine", "codeine phosphate"],
    singleMaxMg: 60,
    dailyMaxMg: 240,
    source: "BNF: 240 mg a day, single dose 60 mg",
  },
  {
    ingredient: "tramadol",
    names: ["tramadol", "Ultram", "Zydol", "Tramal", "Zamadol"],
    singleMaxMg: 100,
    dailyMaxMg: 400,
    source: "BNF: 400 mg a day, single dose 100 mg",
  },
  {
    ingredient: "aspirin",
    names: ["aspirin", "acetylsalicylic acid"],
    singleMaxMg: 900,
    dailyMaxMg: 4000,
    source: "BNF, pain: 4 g a day, single dose 900 mg",
  },
];

/** Aspirin at or below this a day is the antiplatelet dose for the heart, not an analgesic NSAID course (DOMAIN.md §7). */
export const LOW_DOSE_ASPIRIN_MAX_MG_A_DAY = 150;

const TO_MG: Record<MedicineDose["unit"], number> = { mg: 1, g: 1000, mcg: 0.001 };

export function amountInMg(dose: Pick<MedicineDose, "amount" | "unit">): number {
  return dose.amount * TO_MG[dose.unit];
}

export function dailyMg(dose: Pick<MedicineDose, "amount" | "unit" | "timesPerDay">): number {
  return amountInMg(dose) * dose.timesPerDay;
}

/** A medicine's name as it is matched: accents gone, lower case. */
export function normaliseDrugName(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * Whether a normalised name mentions the term as a word. Digits count as a boundary, so a name
 * typed with its strength glued on ("Ibuprofen400") is still recognised.
 */
export function mentionsTerm(text: string, term: string): boolean {
  const escaped = normaliseDrugName(term).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^a-z])${escaped}($|[^a-z])`).test(text);
}

/** The ceilings whose ingredient the medicine's name contains: one for a single ingredient. */
export function ceilingsFor(drug: string): DoseCeiling[] {
  const text = normaliseDrugName(drug);
  return doseCeilings.filter((c) => c.names.some((n) => mentionsTerm(text, n)));
}

export interface CeilingBreach {
  ingredient: string;
  kind: "single" | "daily";
  prescribedMg: number;
  ceilingMg: number;
  source: string;
}

function mg(n: number): string {
  return `${Number(n.toFixed(2)).toLocaleString("en-US")} mg`;
}

export function describeBreach(b: CeilingBreach): string {
  const what = b.kind === "single" ? "A single dose" : "The daily dose";
  return `${what} of ${b.ingredient}, ${mg(b.prescribedMg)}, is above the usual ceiling of ${mg(b.ceilingMg)} (${b.source}).`;
}

/**
 * Where a single-ingredient medicine goes above its ceilings. A combination product (two or more
 * ingredients with ceilings in one name) cannot be checked from one amount: the caller says so.
 */
export function ceilingBreaches(dose: MedicineDose, prescribed: boolean): CeilingBreach[] {
  const [ceiling, ...others] = ceilingsFor(dose.drug);
  if (!ceiling || others.length > 0) return [];
  const single = amountInMg(dose);
  const daily = dailyMg(dose);
  const dailyMax = prescribed && ceiling.prescribedDailyMaxMg ? ceiling.prescribedDailyMaxMg : ceiling.dailyMaxMg;
  const breaches: CeilingBreach[] = [];
  if (ceiling.singleMaxMg !== null && single > ceiling.singleMaxMg) {
    breaches.push({ ingredient: ceiling.ingredient, kind: "single", prescribedMg: single, ceilingMg: ceiling.singleMaxMg, source: ceiling.source });
  }
  if (daily > dailyMax) breaches.push({ ingredient: ceiling.ingredient, kind: "daily", prescribedMg: daily, ceilingMg: dailyMax, source: ceiling.source });
  return breaches;
}
