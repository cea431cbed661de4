import { daysBetween, type LocalDate } from "@/lib/domain/schedule";

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
};

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
  drug: string;
  maxDays: number;
  /** The sciatica has lasted CHRONIC_SCIATICA_WEEKS or more; unknown counts as acute. */
  chronic?: boolean;
  /** Inferred from the name ("gel", "injection", "Depo-") when not given; otherwise oral. */
  route?: Route;
}

export type Severity = "none" | "advice" | "warning";

export interface MedicationCheck {
  severity: Severity;
  reasons: string[];
  requiresJustification: boolean;
  classes: DrugClass[];
}

function normalise(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function containsTerm(text: string, term: string): boolean {
  const escaped = normalise(term).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(text);
}

export function classifyDrug(drug: string): DrugClass[] {
  const text = normalise(drug);
  return drugClasses.filter((cls) => [...drugNames[cls].generic, ...drugNames[cls].brand].some((term) => containsTerm(text, term)));
}

const routeWords: Record<Exclude<Route, "oral">, readonly string[]> = {
  injection: ["injection", "injectable", "epidural", "depo", "intramuscular", "intravenous"],
  topical: ["gel", "cream", "ointment", "topical", "spray", "plaster", "patch"],
};

function inferRoute(drug: string): Route {
  const text = normalise(drug);
  if (routeWords.injection.some((w) => containsTerm(text, w))) return "injection";
  if (routeWords.topical.some((w) => containsTerm(text, w))) return "topical";
  return "oral";
}

const SOURCE = "NICE NG59 (2020)";

type Finding = { severity: Exclude<Severity, "none">; reason: string };
type ResolvedQuery = Required<MedicationQuery>;

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

function findings(cls: DrugClass, { maxDays, chronic, route }: ResolvedQuery): Finding[] {
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
    case "opioid":
      if (chronic) {
        return [warn(`Chronic sciatica (${CHRONIC_SCIATICA_WEEKS} weeks or more): ${SOURCE} advises against opioids for chronic sciatica.`)];
      }
      if (maxDays > OPIOID_SHORT_COURSE_MAX_DAYS) {
        return [
          warn(
            `Opioid course of ${maxDays} days: RunClear warns past ${OPIOID_SHORT_COURSE_MAX_DAYS} days because harms grow ` +
              `with duration, and ${SOURCE} advises against opioids once sciatica is chronic.`,
          ),
        ];
      }
      return [advise(`Opioid: a short course for acute sciatica only, where ${SOURCE} found no evidence either way. Agree with the patient when it stops.`)];
    case "nsaid": {
      // NICE's NSAID advice is about oral use; a gel or patch reaches the blood far less.
      if (route === "topical") return [];
      const advice = advise(
        `NSAID: use the lowest effective dose for the shortest time, after weighing gastro-intestinal, liver and ` +
          `cardio-renal risk (${SOURCE}); evidence of benefit in sciatica is limited.`,
      );
      if (maxDays <= NSAID_COURSE_MAX_DAYS) return [advice];
      return [
        advice,
        warn(
          `NSAID course of ${maxDays} days: RunClear warns past ${NSAID_COURSE_MAX_DAYS} days (a product limit, not a NICE ` +
            `number). Review the need, the risks and gastroprotection.`,
        ),
      ];
    }
    case "paracetamol":
      return [];
  }
}

const rank: Record<Severity, number> = { none: 0, advice: 1, warning: 2 };

export function checkMedication(query: MedicationQuery): MedicationCheck {
  const classes = classifyDrug(query.drug);
  const full: ResolvedQuery = { ...query, chronic: query.chronic ?? false, route: query.route ?? inferRoute(query.drug) };
  const found = classes.flatMap((cls) => findings(cls, full));
  const severity = found.reduce<Severity>((worst, f) => (rank[f.severity] > rank[worst] ? f.severity : worst), "none");
  return { severity, reasons: found.map((f) => f.reason), requiresJustification: severity === "warning", classes };
}
