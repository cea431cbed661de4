import { daysBetween, type LocalDate } from "@/lib/domain/schedule";
import { ceilingBreaches, ceilingsFor, dailyMg, describeBreach, LOW_DOSE_ASPIRIN_MAX_MG_A_DAY, mentionsTerm, normaliseDrugName } from "./medication-ceilings";
import type { MedicineDose } from "./plan-catalogue";

/**
 * Warnings shown when a medicine is prescribed for sciatica, after NICE NG59 (2020 update),
 * pharmacological management of sciatica (DOMAIN §7). A warning does not block the prescription:
 * the physician records why they are going ahead (`requiresJustification`).
 *
 * Names match whole words, ignoring case, so "Pregabalin 75 mg capsules" and "LYRICA" both match,
 * and a combination ("co-codamol 30/500") matches every class it contains. A name not on these
 * lists gets no warning: the lists guard against known problems, they do not approve the rest.
 */

export const drugClasses = [
  "gabapentinoid",
  "antiepileptic",
  "oral_corticosteroid",
  "benzodiazepine",
  "opioid",
  "nsaid",
  "paracetamol",
  "antidepressant",
] as const;
export type DrugClass = (typeof drugClasses)[number];

export const drugNames: Record<DrugClass, { generic: readonly string[]; brand: readonly string[] }> = {
  gabapentinoid: {
    generic: ["gabapentin", "gabapentin enacarbil", "pregabalin", "mirogabalin"],
    brand: ["Neurontin", "Gralise", "Horizant", "Lyrica", "Alzain", "Axalid", "Lecaent", "Tarlige"],
  },
  antiepileptic: {
    generic: [
      "carbamazepine", "oxcarbazepine", "eslicarbazepine", "topiramate", "lamotrigine", "valproate",
      "valproic acid", "divalproex", "phenytoin", "levetiracetam", "brivaracetam", "lacosamide",
      "zonisamide", "phenobarbital", "primidone", "ethosuximide", "perampanel", "tiagabine",
      "vigabatrin", "cenobamate",
    ],
    brand: [
      "Tegretol", "Carbatrol", "Trileptal", "Zebinix", "Aptiom", "Topamax", "Lamictal", "Depakote",
      "Depakene", "Depakine", "Epilim", "Dilantin", "Epanutin", "Keppra", "Briviact", "Vimpat",
      "Zonegran", "Mysoline", "Zarontin", "Fycompa", "Gabitril", "Sabril", "Xcopri",
    ],
  },
  oral_corticosteroid: {
    generic: ["prednisolone", "prednisone", "dexamethasone", "methylprednisolone", "hydrocortisone", "betamethasone", "deflazacort"],
    brand: ["Deltasone", "Rayos", "Medrol", "Decadron", "Celestone", "Emflaza"],
  },
  benzodiazepine: {
    generic: [
      "diazepam", "lorazepam", "clonazepam", "alprazolam", "chlordiazepoxide", "temazepam", "oxazepam",
      "nitrazepam", "midazolam", "clobazam", "clorazepate", "flurazepam", "triazolam", "bromazepam",
    ],
    brand: ["Valium", "Diastat", "Ativan", "Klonopin", "Rivotril", "Xanax", "Librium", "Restoril", "Mogadon", "Frisium", "Onfi", "Tranxene", "Halcion", "Lexotan"],
  },
  opioid: {
    generic: [
      "codeine", "dihydrocodeine", "co-codamol", "co-dydramol", "tramadol", "tapentadol", "oxycodone",
      "hydrocodone", "morphine", "hydromorphone", "oxymorphone", "fentanyl", "buprenorphine",
      "methadone", "pethidine", "meperidine", "levorphanol",
    ],
    brand: [
      "Ultram", "Ultracet", "Zydol", "Tramal", "Zamadol", "Nucynta", "Palexia", "OxyContin", "OxyNorm",
      "Roxicodone", "Percocet", "Targinact", "Xtampza", "Vicodin", "Norco", "Lortab", "Hysingla",
      "Zohydro", "MST Continus", "MS Contin", "Oramorph", "Zomorph", "Sevredol", "Kadian", "Dilaudid",
      "Palladone", "Opana", "Duragesic", "Durogesic", "Actiq", "Butrans", "Transtec", "Temgesic",
      "Belbuca", "Dolophine", "Demerol", "Tylenol #3", "Tylenol with codeine", "Solpadeine",
    ],
  },
  nsaid: {
    generic: [
      "ibuprofen", "naproxen", "diclofenac", "aceclofenac", "celecoxib", "etoricoxib", "meloxicam",
      "indomethacin", "indometacin", "ketoprofen", "dexketoprofen", "ketorolac", "etodolac",
      "nabumetone", "piroxicam", "mefenamic acid", "flurbiprofen", "sulindac", "oxaprozin",
      "diflunisal", "fenoprofen", "tolmetin", "aspirin",
    ],
    brand: [
      "Advil", "Motrin", "Nurofen", "Brufen", "Aleve", "Naprosyn", "Anaprox", "Naprelan", "Voltaren",
      "Voltarol", "Cataflam", "Zipsor", "Zorvolex", "Arthrotec", "Preservex", "Celebrex", "Arcoxia",
      "Mobic", "Indocin", "Toradol", "Lodine", "Relafen", "Feldene", "Ponstan", "Ponstel", "Daypro",
    ],
  },
  paracetamol: {
    generic: ["paracetamol", "acetaminophen", "co-codamol", "co-dydramol"],
    brand: ["Tylenol", "Panadol", "Calpol", "Ofirmev", "Percocet", "Ultracet", "Vicodin", "Norco"],
  },
  // SSRIs, SNRIs and tricyclics (NICE NG59 1.2.x).
  antidepressant: {
    generic: [
      "fluoxetine", "sertraline", "citalopram", "escitalopram", "paroxetine", "fluvoxamine", "duloxetine", "venlafaxine",
      "desvenlafaxine", "milnacipran", "amitriptyline", "nortriptyline", "imipramine", "clomipramine", "dosulepin",
      "dothiepin", "doxepin", "desipramine", "lofepramine", "trimipramine",
    ],
    brand: ["Prozac", "Zoloft", "Lustral", "Celexa", "Cipramil", "Lexapro", "Cipralex", "Paxil", "Seroxat", "Cymbalta", "Effexor", "Pristiq", "Elavil", "Pamelor"],
  },
};

/** NSAID risk factors worth recording in the history (DOMAIN.md §7, NICE NG59). */
export const NSAID_RISKS = ["gi_bleed", "kidney_disease", "cardiovascular", "anticoagulant", "nsaid_asthma"] as const;
export type NsaidRisk = (typeof NSAID_RISKS)[number];
export const nsaidRiskLabels: Record<NsaidRisk, string> = {
  gi_bleed: "Previous stomach ulcer or gastro-intestinal bleed",
  kidney_disease: "Kidney disease",
  cardiovascular: "Heart failure or cardiovascular disease",
  anticoagulant: "Takes an anticoagulant or antiplatelet medicine",
  nsaid_asthma: "Asthma made worse by NSAIDs",
};
/** Age at which NSAID risk rises enough to count as a risk factor by itself. */
export const NSAID_RISK_AGE = 65;

/** Medicines a patient may already take for their sciatica, which NG59 asks to discuss (1.2.19–1.2.22). */
export const CURRENT_MEDICINE_CLASSES = ["opioid", "gabapentinoid", "benzodiazepine"] as const;
export type CurrentMedicineClass = (typeof CURRENT_MEDICINE_CLASSES)[number];
export const currentMedicineLabels: Record<CurrentMedicineClass, string> = {
  opioid: "Opioids",
  gabapentinoid: "Gabapentinoids (gabapentin, pregabalin)",
  benzodiazepine: "Benzodiazepines",
};

/** What the history says about the patient that changes the medicine advice. */
export interface PatientMedicineRisk {
  age: number | null;
  nsaidRisks: readonly NsaidRisk[];
}

/** Sciatica is chronic once symptoms have lasted 12 weeks: the usual line between acute and chronic pain. */
export const CHRONIC_SCIATICA_WEEKS = 12;

/**
 * Product choices, not NICE numbers. Opioids: a course planned past a week warns even in acute
 * sciatica, since harms grow with duration and NICE found no evidence of benefit. NSAIDs: a
 * course past two weeks warns, to prompt review of GI, liver and cardio-renal risk and
 * gastroprotection; over-the-counter labels ask for medical advice after about 10 days.
 */
export const OPIOID_SHORT_COURSE_MAX_DAYS = 7;
export const NSAID_COURSE_MAX_DAYS = 14;

export function isChronicSciatica(symptomOnset: LocalDate, today: LocalDate): boolean {
  return daysBetween(symptomOnset, today) >= CHRONIC_SCIATICA_WEEKS * 7;
}

export type Route = "oral" | "injection" | "topical";

export interface MedicationQuery {
  dose: MedicineDose;
  /** A prescription medicine rather than one bought over the counter: some ceilings are higher. */
  prescribed?: boolean;
  /** The sciatica has lasted CHRONIC_SCIATICA_WEEKS or more; unknown counts as acute. */
  chronic?: boolean;
  /** Inferred from the name ("gel", "injection", "Depo-") when not given; otherwise oral. */
  route?: Route;
  patient?: PatientMedicineRisk;
  /** The classes of the plan's other medicines: paracetamol alone, an opioid beside an NSAID. */
  otherClasses?: readonly DrugClass[];
}

export type Severity = "none" | "advice" | "warning";

export interface MedicationCheck {
  severity: Severity;
  reasons: string[];
  /** The reasons that make it a warning: what the recorded justification answers. */
  warnings: string[];
  requiresJustification: boolean;
  classes: DrugClass[];
}


export function classifyDrug(drug: string): DrugClass[] {
  const text = normaliseDrugName(drug);
  return drugClasses.filter((cls) => [...drugNames[cls].generic, ...drugNames[cls].brand].some((term) => mentionsTerm(text, term)));
}

const routeWords: Record<Exclude<Route, "oral">, readonly string[]> = {
  injection: ["injection", "injectable", "epidural", "depo", "intramuscular", "intravenous"],
  topical: ["gel", "cream", "ointment", "topical", "spray", "plaster", "patch"],
};

function inferRoute(drug: string): Route {
  const text = normaliseDrugName(drug);
  if (routeWords.injection.some((w) => mentionsTerm(text, w))) return "injection";
  if (routeWords.topical.some((w) => mentionsTerm(text, w))) return "topical";
  return "oral";
}

const SOURCE = "NICE NG59 (2020)";

type Finding = { severity: Exclude<Severity, "none">; reason: string };
interface ResolvedQuery {
  maxDays: number;
  chronic: boolean;
  route: Route;
  otherClasses: readonly DrugClass[];
  nsaidRiskNames: string[];
}

// Do not offer for sciatica, acute or chronic (NICE NG59 2020, pharmacological management of sciatica).
const doNotOffer = {
  gabapentinoid: ["gabapentinoids", "no overall evidence of benefit, and a risk of harm including misuse and dependence"],
  antiepileptic: ["antiepileptics", "no evidence of benefit, and known harms"],
  oral_corticosteroid: ["oral corticosteroids", "they did not improve pain or function, and harms rose with use"],
  benzodiazepine: ["benzodiazepines", "pain relief no better than placebo, and a risk of dependence"],
} as const;

function doNotOfferReason(cls: keyof typeof doNotOffer): string {
  const [drugs, why] = doNotOffer[cls];
  return `${SOURCE} advises against ${drugs} for sciatica: ${why}.`;
}

function findings(cls: DrugClass, { maxDays, chronic, route, otherClasses, nsaidRiskNames }: ResolvedQuery, classes: readonly DrugClass[]): Finding[] {
  const warn = (reason: string): Finding => ({ severity: "warning", reason });
  const advise = (reason: string): Finding => ({ severity: "advice", reason });
  switch (cls) {
    case "oral_corticosteroid":
      // An epidural steroid injection is a separate option NICE asks clinicians to consider.
      if (route !== "oral") return [];
      return [warn(doNotOfferReason(cls))];
    case "gabapentinoid":
    case "antiepileptic":
    case "benzodiazepine":
      return [warn(doNotOfferReason(cls))];
    case "opioid": {
      if (chronic) {
        return [warn(`Chronic sciatica (${CHRONIC_SCIATICA_WEEKS} weeks or more): ${SOURCE} advises against opioids for chronic sciatica.`)];
      }
      const found = [
        warn(
          `Opioid: ${SOURCE} keeps weak opioids for acute pain when an NSAID is contraindicated, not tolerated or has not worked` +
            (otherClasses.includes("nsaid") ? ", and this plan also has an NSAID." : ".") +
            " Record which applies.",
        ),
      ];
      if (maxDays > OPIOID_SHORT_COURSE_MAX_DAYS) {
        found.push(
          warn(
            `Opioid course of ${maxDays} days: RunClear warns past ${OPIOID_SHORT_COURSE_MAX_DAYS} days because harms grow ` +
              `with duration, and ${SOURCE} advises against opioids once sciatica is chronic.`,
          ),
        );
      }
      return found;
    }
    case "nsaid": {
      // NICE's NSAID advice is about oral use; a gel or patch reaches the blood far less.
      if (route === "topical") return [];
      const weigh = `use the lowest effective dose for the shortest time, after weighing gastro-intestinal, liver and cardio-renal risk (${SOURCE}); evidence of benefit in sciatica is limited.`;
      const found: Finding[] = nsaidRiskNames.length
        ? [warn(`NSAID for a patient with risk factors (${nsaidRiskNames.join("; ")}): ${weigh} Consider gastroprotection, and record why you are going ahead.`)]
        : [advise(`NSAID: ${weigh}`)];
      if (maxDays > NSAID_COURSE_MAX_DAYS) {
        found.push(
          warn(
            `NSAID course of ${maxDays} days: RunClear warns past ${NSAID_COURSE_MAX_DAYS} days (a product limit, not a NICE ` +
              `number). Review the need, the risks and gastroprotection.`,
          ),
        );
      }
      return found;
    }
    case "paracetamol": {
      const alone = classes.length === 1 && !otherClasses.some((c) => c === "nsaid" || c === "opioid");
      return alone ? [warn(`${SOURCE} advises against paracetamol alone for low back pain, with or without sciatica. Record why you are prescribing it.`)] : [];
    }
    case "antidepressant":
      return [
        warn(
          `${SOURCE} advises against SSRIs, SNRIs and tricyclic antidepressants for low back pain, and makes no recommendation ` +
            "for sciatica. Record the indication.",
        ),
      ];
  }
}

const rank: Record<Severity, number> = { none: 0, advice: 1, warning: 2 };

/** The classes a medicine counts as beside others: low-dose aspirin for the heart is not an NSAID course. */
export function analgesicClasses(dose: MedicineDose): DrugClass[] {
  const lowDose = isLowDoseAspirin(dose);
  return classifyDrug(dose.drug).filter((c) => !(lowDose && c === "nsaid"));
}

function isLowDoseAspirin(dose: MedicineDose): boolean {
  const ingredients = ceilingsFor(dose.drug);
  return ingredients.length === 1 && ingredients[0]!.ingredient === "aspirin" && dailyMg(dose) <= LOW_DOSE_ASPIRIN_MAX_MG_A_DAY;
}

/** The NSAID risk factors of this patient, in words; age counts from NSAID_RISK_AGE. */
export function nsaidRiskNames(patient: PatientMedicineRisk | undefined): string[] {
  if (!patient) return [];
  const names = patient.age !== null && patient.age >= NSAID_RISK_AGE ? [`age ${patient.age}`] : [];
  return [...names, ...patient.nsaidRisks.map((r) => nsaidRiskLabels[r].replace(/^\w/, (c) => c.toLowerCase()))];
}

export function checkMedication(query: MedicationQuery): MedicationCheck {
  const { dose } = query;
  const lowDoseAspirin = isLowDoseAspirin(dose);
  // Low-dose aspirin for the heart is not an analgesic NSAID course (DOMAIN.md §7).
  const classes = analgesicClasses(dose);
  const full: ResolvedQuery = {
    maxDays: dose.days,
    chronic: query.chronic ?? false,
    route: query.route ?? inferRoute(dose.drug),
    otherClasses: query.otherClasses ?? [],
    nsaidRiskNames: nsaidRiskNames(query.patient),
  };
  const found = classes.flatMap((cls) => findings(cls, full, classes));
  if (lowDoseAspirin) {
    found.push({ severity: "advice", reason: "Low-dose aspirin for the heart: not an analgesic course, but it adds to the bleeding risk of any NSAID." });
  }
  if (full.route === "oral") {
    for (const breach of ceilingBreaches(dose, query.prescribed ?? false)) {
      found.push({ severity: "warning", reason: `${describeBreach(breach)} Record why you are prescribing above it.` });
    }
    if (ceilingsFor(dose.drug).length > 1 || (classes.includes("opioid") && classes.includes("paracetamol"))) {
      found.push({
        severity: "advice",
        reason: "Combination product: RunClear cannot check each ingredient's ceiling from one amount. Check them against your formulary (paracetamol 4 g a day).",
      });
    }
  }
  const severity = found.reduce<Severity>((worst, f) => (rank[f.severity] > rank[worst] ? f.severity : worst), "none");
  return {
    severity,
    reasons: found.map((f) => f.reason),
    warnings: found.filter((f) => f.severity === "warning").map((f) => f.reason),
    requiresJustification: severity === "warning",
    classes,
  };
}

/** NG59 asks the prescriber to explain the risks of continuing these when the patient already takes them. */
export function currentMedicineNotices(current: readonly CurrentMedicineClass[]): string[] {
  return current.map(
    (c) =>
      `The patient already takes ${currentMedicineLabels[c].toLowerCase()} for their sciatica: ${SOURCE} asks you to explain the risks of continuing them.`,
  );
}
