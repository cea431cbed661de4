import { z } from "zod";

// Any one of these means emergency care now and no clearance to run (DOMAIN.md §2).
export const RED_FLAG_IDS = [
  // Cauda equina syndrome: compression of the nerve bundle below the cord can leave permanent
  // bladder, bowel and sexual loss within hours, which is why it is an emergency.
  "saddle_numbness",
  "bladder_dysfunction",
  "bowel_incontinence",
  "sexual_dysfunction",
  "bilateral_leg_symptoms",
  "progressive_leg_weakness",
  // Serious causes other than a nerve root (NICE NG59 1.1.1): cancer, infection, fracture,
  // inflammatory disease.
  "cancer_history",
  "unexplained_weight_loss",
  "fever",
  "immunosuppression",
  "iv_drug_use",
  "significant_trauma",
  "osteoporosis",
  "inflammatory_back_pain",
] as const;

export type RedFlagId = (typeof RED_FLAG_IDS)[number];
export type RedFlagGroup = "cauda_equina" | "serious_cause";
export type RedFlagAnswers = Partial<Record<RedFlagId, boolean>>;

export interface RedFlag {
  id: RedFlagId;
  group: RedFlagGroup;
  clinicianLabel: string;
  /** Answered yes or no by the patient at home; "yes" means a red flag. */
  patientQuestion: string;
}

export const redFlagIdSchema = z.enum(RED_FLAG_IDS, { error: "Choose a red flag from the checklist." });

export const redFlags: readonly RedFlag[] = [
  {
    id: "saddle_numbness",
    group: "cauda_equina",
    clinicianLabel: "Saddle anaesthesia (groin, buttocks, inner thighs)",
    patientQuestion: "Do you have numbness or a strange lack of feeling around your groin, bottom or inner thighs?",
  },
  {
    id: "bladder_dysfunction",
    group: "cauda_equina",
    clinicianLabel: "New difficulty passing urine or loss of bladder control",
    patientQuestion: "Have you recently found it hard to pass urine, or leaked urine without meaning to?",
  },
  {
    id: "bowel_incontinence",
    group: "cauda_equina",
    clinicianLabel: "Loss of bowel control",
    patientQuestion: "Have you lost control of your bowels, or not felt when you needed to open them?",
  },
  {
    id: "sexual_dysfunction",
    group: "cauda_equina",
    clinicianLabel: "New sexual dysfunction",
    patientQuestion: "Have you noticed new problems with sexual function, or less feeling in your genitals?",
  },
  {
    id: "bilateral_leg_symptoms",
    group: "cauda_equina",
    clinicianLabel: "Symptoms in both legs",
    patientQuestion: "Do you now have pain, numbness, tingling or weakness in both legs?",
  },
  {
    id: "progressive_leg_weakness",
    group: "cauda_equina",
    clinicianLabel: "Severe or rapidly worsening leg weakness",
    patientQuestion: "Is a leg or foot very weak, or getting weaker quickly (for example, your foot slaps or catches when you walk)?",
  },
  {
    id: "cancer_history",
    group: "serious_cause",
    clinicianLabel: "History of cancer",
    patientQuestion: "Have you ever had cancer?",
  },
  {
    id: "unexplained_weight_loss",
    group: "serious_cause",
    clinicianLabel: "Unexplained weight loss",
    patientQuestion: "Have you lost weight recently without trying to?",
  },
  {
    id: "fever",
    group: "serious_cause",
    clinicianLabel: "Fever",
    patientQuestion: "Do you have a fever, or feel hot and shivery, along with your back or leg pain?",
  },
  {
    id: "immunosuppression",
    group: "serious_cause",
    clinicianLabel: "Immunosuppression",
    patientQuestion:
      "Do you have a condition or take a medicine that weakens your immune system (for example, chemotherapy, steroid tablets or HIV)?",
  },
  {
    id: "iv_drug_use",
    group: "serious_cause",
    clinicianLabel: "Intravenous drug use",
    patientQuestion: "Have you injected drugs that were not prescribed for you?",
  },
  {
    id: "significant_trauma",
    group: "serious_cause",
    clinicianLabel: "Significant trauma",
    patientQuestion: "Have you recently had a bad fall, a road accident or another hard blow to your back?",
  },
  {
    id: "osteoporosis",
    group: "serious_cause",
    clinicianLabel: "Osteoporosis",
    patientQuestion: "Have you been told you have thin or weak bones (osteoporosis)?",
  },
  {
    id: "inflammatory_back_pain",
    group: "serious_cause",
    clinicianLabel: "Inflammatory back pain (morning stiffness, better with movement, night pain)",
    patientQuestion:
      "Is your back stiff for more than half an hour each morning, better when you move and worse when you rest?",
  },
];

/**
 * What a patient is asked at each check-in. Only signs that can appear between visits and need
 * action the same day: the cauda equina signs, fever (possible infection) and a new injury
 * (possible fracture). Cancer, osteoporosis, immunosuppression and drug use are history taken
 * once at the exam; weight loss and inflammatory pain develop over weeks and need a clinician
 * to judge, so asking them every week adds burden without catching an emergency.
 */
export const patientRedFlagIds: readonly RedFlagId[] = [
  "saddle_numbness",
  "bladder_dysfunction",
  "bowel_incontinence",
  "sexual_dysfunction",
  "bilateral_leg_symptoms",
  "progressive_leg_weakness",
  "fever",
  "significant_trauma",
];

export function isRedFlagId(value: unknown): value is RedFlagId {
  return typeof value === "string" && (RED_FLAG_IDS as readonly string[]).includes(value);
}

/** Flags answered "yes", in checklist order. An unanswered flag is not active. */
export function activeRedFlags(answers: RedFlagAnswers): RedFlagId[] {
  return RED_FLAG_IDS.filter((id) => answers[id] === true);
}

export function redFlagLabel(id: RedFlagId): string {
  return redFlags.find((flag) => flag.id === id)?.clinicianLabel ?? id;
}

/** The red flags a patient checks for at home, as statements for the emergency panel. */
export const emergencySigns: readonly { id: RedFlagId; sign: string }[] = [
  { id: "saddle_numbness", sign: "Numbness or loss of feeling around your groin, bottom or inner thighs" },
  { id: "bladder_dysfunction", sign: "New trouble passing urine, or leaking urine without meaning to" },
  { id: "bowel_incontinence", sign: "Losing control of your bowels" },
  { id: "sexual_dysfunction", sign: "New problems with sexual function or less feeling in your genitals" },
  { id: "bilateral_leg_symptoms", sign: "Pain, numbness, tingling or weakness in both legs" },
  { id: "progressive_leg_weakness", sign: "A leg or foot that is very weak or getting weaker quickly" },
  { id: "fever", sign: "A fever or feeling hot and shivery with your back or leg pain" },
  { id: "significant_trauma", sign: "A bad fall, road accident or hard blow to your back" },
];
