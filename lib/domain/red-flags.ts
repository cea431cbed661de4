import { z } from "zod";

/**
 * Red flags in two tiers (DOMAIN.md §2). Either tier means no clearance to run until a physician
 * records what was found and done.
 * - emergency: cauda equina syndrome and severe or quickly worsening leg weakness. The patient
 *   goes to an emergency department today and does not wait for the care team: compression of
 *   the nerve bundle below the cord can leave permanent bladder, bowel and sexual loss within hours.
 * - urgent: signs of another serious cause (NICE NG59 1.1.1; NICE CKS sciatica): cancer,
 *   infection, fracture, inflammatory disease. A same-day medical review, not always an emergency.
 */
export const RED_FLAG_TIERS = ["emergency", "urgent"] as const;
export type RedFlagTier = (typeof RED_FLAG_TIERS)[number];

export const RED_FLAG_IDS = [
  "saddle_numbness",
  "bladder_dysfunction",
  "bowel_incontinence",
  "sexual_dysfunction",
  "bilateral_leg_symptoms",
  "progressive_leg_weakness",
  "cancer_history",
  "unexplained_weight_loss",
  "fever",
  "recent_infection",
  "immunosuppression",
  "iv_drug_use",
  "significant_trauma",
  "osteoporosis",
  "age_at_onset",
  "non_mechanical_pain",
  "thoracic_pain",
  "inflammatory_back_pain",
] as const;

export type RedFlagId = (typeof RED_FLAG_IDS)[number];
export type RedFlagAnswers = Partial<Record<RedFlagId, boolean>>;

export interface RedFlag {
  id: RedFlagId;
  tier: RedFlagTier;
  clinicianLabel: string;
  /** The sign in the patient's words, for the emergency sentences and the signs page. */
  patientSign: string;
  /**
   * Asked at every check-in about the last 14 days (the GIRFT cauda equina pathway asks about
   * what is new or getting worse). Null when the record already answers it.
   */
  patientQuestion: string | null;
  /** Asked instead when the physician has recorded the symptom as long-standing and assessed. */
  knownQuestion: string | null;
}

export const redFlagIdSchema = z.enum(RED_FLAG_IDS, { error: "Choose a red flag from the checklist." });

const WINDOW = "In the last 2 weeks";

export const redFlags: readonly RedFlag[] = [
  {
    id: "saddle_numbness",
    tier: "emergency",
    clinicianLabel: "Saddle anaesthesia (groin, buttocks, inner thighs)",
    patientSign: "numbness around your groin, bottom or inner thighs",
    patientQuestion: `${WINDOW}, have you had new numbness or an odd lack of feeling around your groin, bottom or inner thighs, or has it got worse?`,
    knownQuestion: "Your care team knows about the numbness around your groin, bottom or inner thighs. Has it spread or got worse in the last 2 weeks?",
  },
  {
    id: "bladder_dysfunction",
    tier: "emergency",
    clinicianLabel: "New difficulty passing urine or loss of bladder control",
    patientSign: "new trouble passing urine, or leaking urine without meaning to",
    patientQuestion: `${WINDOW}, have you found it newly hard to pass urine, not felt when your bladder is full, or leaked urine without meaning to?`,
    knownQuestion: "Your care team knows about your bladder symptoms. Have they got worse in the last 2 weeks?",
  },
  {
    id: "bowel_incontinence",
    tier: "emergency",
    clinicianLabel: "Loss of bowel control",
    patientSign: "losing control of your bowels",
    patientQuestion: `${WINDOW}, have you lost control of your bowels, or not felt when you needed to open them?`,
    knownQuestion: "Your care team knows about your bowel symptoms. Have they got worse in the last 2 weeks?",
  },
  {
    id: "sexual_dysfunction",
    tier: "emergency",
    clinicianLabel: "New sexual dysfunction",
    patientSign: "new problems with sexual function, or less feeling in your genitals",
    patientQuestion: `${WINDOW}, have you noticed new problems with sexual function, or less feeling in your genitals?`,
    knownQuestion: "Your care team knows about the change in sexual function or feeling. Has it got worse in the last 2 weeks?",
  },
  {
    id: "bilateral_leg_symptoms",
    tier: "emergency",
    clinicianLabel: "Symptoms in both legs",
    patientSign: "pain, numbness, tingling or weakness in both legs",
    patientQuestion: `${WINDOW}, have you started to have pain, numbness, tingling or weakness in both legs, or has it got worse in both?`,
    knownQuestion: "Your care team knows you have symptoms in both legs. Have they got worse in the last 2 weeks?",
  },
  {
    id: "progressive_leg_weakness",
    tier: "emergency",
    clinicianLabel: "Severe or quickly worsening leg weakness (for example a new foot drop, MRC 3/5 or less)",
    patientSign: "a leg or foot that is very weak or getting weaker quickly (your foot slaps or catches when you walk)",
    patientQuestion: `${WINDOW}, has a leg or foot become very weak, or is it getting weaker quickly (for example, your foot slaps or catches when you walk)?`,
    knownQuestion: "Your care team knows about the weakness in your leg or foot. Has it got worse in the last 2 weeks?",
  },
  {
    id: "cancer_history",
    tier: "urgent",
    clinicianLabel: "History of cancer with new back pain",
    patientSign: "back pain that is new or has changed, if you have had cancer",
    patientQuestion: `${WINDOW}, have you been told you have cancer, or, if you have had cancer, has your back pain started or changed?`,
    knownQuestion: "Your care team knows you have had cancer. Has your back pain changed or got worse in the last 2 weeks?",
  },
  {
    id: "unexplained_weight_loss",
    tier: "urgent",
    clinicianLabel: "Unexplained weight loss",
    patientSign: "losing weight without trying",
    patientQuestion: `${WINDOW}, have you lost weight without trying to?`,
    knownQuestion: "Your care team knows about your weight loss. Have you lost more weight without trying in the last 2 weeks?",
  },
  {
    id: "fever",
    tier: "urgent",
    clinicianLabel: "Fever or feeling systemically unwell",
    patientSign: "a fever, or feeling hot, shivery or generally unwell with your back or leg pain",
    patientQuestion: `${WINDOW}, have you had a fever, or felt hot, shivery or generally unwell along with your back or leg pain?`,
    knownQuestion: null,
  },
  {
    id: "recent_infection",
    tier: "urgent",
    clinicianLabel: "Recent bacterial infection",
    patientSign: "an infection treated with antibiotics, such as a urine or chest infection, before the pain",
    patientQuestion: `${WINDOW}, have you had an infection treated with antibiotics (for example a urine, chest or skin infection)?`,
    knownQuestion: null,
  },
  {
    id: "immunosuppression",
    tier: "urgent",
    clinicianLabel: "Immunosuppression or long-term oral steroids",
    patientSign: "a condition or medicine that weakens your immune system, such as chemotherapy or steroid tablets",
    patientQuestion: `${WINDOW}, have you started a treatment that weakens your immune system (for example chemotherapy or steroid tablets), or been told your immune system is weak?`,
    knownQuestion: "Your care team knows your immune system is weakened. Has your back or leg pain got worse, or have you felt unwell, in the last 2 weeks?",
  },
  {
    id: "iv_drug_use",
    tier: "urgent",
    clinicianLabel: "Intravenous drug use",
    patientSign: "injecting drugs that were not prescribed for you",
    patientQuestion: `${WINDOW}, have you injected drugs that were not prescribed for you?`,
    knownQuestion: "Your care team knows you have injected drugs. Has your back pain got worse, or have you had a fever, in the last 2 weeks?",
  },
  {
    id: "significant_trauma",
    tier: "urgent",
    clinicianLabel: "Significant trauma",
    patientSign: "a bad fall, a road accident or another hard blow to your back",
    patientQuestion: `${WINDOW}, have you had a bad fall, a road accident or another hard blow to your back?`,
    knownQuestion: null,
  },
  {
    id: "osteoporosis",
    tier: "urgent",
    clinicianLabel: "Osteoporosis with new pain",
    patientSign: "new back pain, if you have thin or weak bones (osteoporosis)",
    patientQuestion: `${WINDOW}, have you been told you have thin or weak bones (osteoporosis), or, if you have, has new back pain started?`,
    knownQuestion: "Your care team knows you have thin or weak bones. Has new back pain started in the last 2 weeks?",
  },
  {
    // The record holds the date of birth and the onset date: a physician confirms it at the exam.
    id: "age_at_onset",
    tier: "urgent",
    clinicianLabel: "New onset under 20 or over 50",
    patientSign: "back pain that started for the first time before you were 20 or after you were 50",
    patientQuestion: null,
    knownQuestion: null,
  },
  {
    id: "non_mechanical_pain",
    tier: "urgent",
    clinicianLabel: "Constant non-mechanical pain, pain at night or at rest",
    patientSign: "constant pain that no position or rest eases, or pain that wakes you at night",
    patientQuestion: `${WINDOW}, has your back pain become constant, so that no position or rest eases it, or has it woken you at night?`,
    knownQuestion: "Your care team knows about your pain at rest or at night. Has it got worse in the last 2 weeks?",
  },
  {
    id: "thoracic_pain",
    tier: "urgent",
    clinicianLabel: "Thoracic pain",
    patientSign: "pain in your upper or middle back, between the shoulder blades",
    patientQuestion: `${WINDOW}, have you had new pain in your upper or middle back, between the shoulder blades?`,
    knownQuestion: "Your care team knows about the pain in your upper or middle back. Has it got worse in the last 2 weeks?",
  },
  {
    id: "inflammatory_back_pain",
    tier: "urgent",
    clinicianLabel: "Inflammatory back pain (morning stiffness over 30 minutes, better with movement, night pain)",
    patientSign: "a back that is stiff for more than half an hour each morning and eases when you move",
    patientQuestion: `${WINDOW}, has your back started to be stiff for more than half an hour each morning, easing when you move and worse when you rest?`,
    knownQuestion: "Your care team knows about your morning stiffness. Has it got worse in the last 2 weeks?",
  },
];

const byId = new Map(redFlags.map((flag) => [flag.id, flag]));

export function isRedFlagId(value: unknown): value is RedFlagId {
  return typeof value === "string" && byId.has(value as RedFlagId);
}

export function redFlag(id: RedFlagId): RedFlag {
  return byId.get(id)!;
}

export function redFlagLabel(id: RedFlagId): string {
  return redFlag(id).clinicianLabel;
}

export function redFlagTier(id: RedFlagId): RedFlagTier {
  return redFlag(id).tier;
}

/** The most serious tier among these flags; null for none. */
export function highestTier(ids: readonly RedFlagId[]): RedFlagTier | null {
  if (ids.some((id) => redFlagTier(id) === "emergency")) return "emergency";
  return ids.length > 0 ? "urgent" : null;
}

/** Flags answered "yes", in checklist order. An unanswered flag is not active. */
export function activeRedFlags(answers: RedFlagAnswers): RedFlagId[] {
  return RED_FLAG_IDS.filter((id) => answers[id] === true);
}

export function flagsOfTier(tier: RedFlagTier): readonly RedFlag[] {
  return redFlags.filter((flag) => flag.tier === tier);
}

/** What a patient is asked at each check-in: every sign the record does not already answer. */
export const patientRedFlagIds: readonly RedFlagId[] = redFlags.filter((f) => f.patientQuestion !== null).map((f) => f.id);

/**
 * The question a patient reads for one flag: about what is new or worse, or, once the physician
 * has recorded the symptom as long-standing and assessed, only about whether it has got worse.
 * A flag with no "worse" question (a fever, an injury) is asked the same way every time.
 */
export function patientQuestionFor(id: RedFlagId, knownToCareTeam: boolean): string {
  const flag = redFlag(id);
  return (knownToCareTeam && flag.knownQuestion) || flag.patientQuestion || flag.clinicianLabel;
}
