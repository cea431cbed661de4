import { z } from "zod";
import { flagsOfTier, type RedFlagTier } from "./red-flags";

/**
 * The clinic's own settings. The emergency number and the urgent-advice line depend on the
 * country (DOMAIN.md §2): every emergency sentence a patient reads names them.
 */
export interface ClinicSettings {
  /** The clinic's name, at the head of every printed document. */
  clinicName: string;
  emergencyNumber: string;
  urgentLineName: string;
  /** Empty when the urgent line has no number of its own (for example "your GP surgery"). */
  urgentLineNumber: string;
  /** Days a clearance stays in force after its review date (DOMAIN.md §10.1). */
  reviewGraceDays: number;
  /** Physicians and administrators must use two-factor sign-in (lib/domain/account-setup.ts). */
  twoFactorRequired: boolean;
  /** An IANA zone: clinicians and administrators read times in it; patients read theirs in their own. */
  timeZone: string;
  /** How dates and times are written: one of CLINIC_LOCALES. */
  locale: ClinicLocale;
}

/** The ways of writing dates the clinic can choose (lib/ui/format.ts formats with Intl). */
export const CLINIC_LOCALES = [
  { id: "en-US", label: "English (United States)" },
  { id: "en-GB", label: "English (United Kingdom)" },
  { id: "en-CA", label: "English (Canada)" },
  { id: "en-AU", label: "English (Australia)" },
  { id: "en-IE", label: "English (Ireland)" },
  { id: "en-NZ", label: "English (New Zealand)" },
] as const;
export type ClinicLocale = (typeof CLINIC_LOCALES)[number]["id"];

/** True for a zone this runtime knows (IANA names such as America/Chicago or Europe/London). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

export const DEFAULT_CLINIC_SETTINGS: ClinicSettings = {
  clinicName: "RunClear Clinic",
  emergencyNumber: "911",
  urgentLineName: "your care team",
  urgentLineNumber: "",
  reviewGraceDays: 7,
  twoFactorRequired: false,
  timeZone: "UTC",
  locale: "en-US",
};

/**
 * Where the clinic is, to fill the emergency number in one step (DOMAIN.md §2). Only the UK has
 * a national line for same-day advice; elsewhere the clinic names its own.
 */
export const EMERGENCY_PRESETS: readonly { id: string; label: string; emergencyNumber: string; urgentLine?: { name: string; number: string } }[] = [
  { id: "us_ca", label: "United States or Canada: 911", emergencyNumber: "911" },
  { id: "uk", label: "United Kingdom: 999, and NHS 111 for urgent advice", emergencyNumber: "999", urgentLine: { name: "NHS 111", number: "111" } },
  { id: "eu", label: "European Union: 112", emergencyNumber: "112" },
  { id: "au", label: "Australia: 000", emergencyNumber: "000" },
  { id: "nz", label: "New Zealand: 111", emergencyNumber: "111" },
];

export const clinicSettingsSchema = z.object({
  clinicName: z.string("Enter the clinic's name.").trim().min(2, "Enter the clinic's name, as printed letters should show it.").max(120, "Keep the name under 120 characters."),
  emergencyNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{2,6}$/, "Enter the emergency number as digits only, for example 911, 999, 112 or 000."),
  urgentLineName: z
    .string()
    .trim()
    .min(2, "Name the line patients call for same-day advice, for example NHS 111 or the clinic's nurse line.")
    .max(80, "Keep the name under 80 characters."),
  urgentLineNumber: z
    .string()
    .trim()
    .regex(/^$|^[0-9+()\- ]{2,24}$/, "Enter a phone number with digits, spaces, +, - or brackets, or leave it empty."),
  reviewGraceDays: z.coerce
    .number("Enter a number of days.")
    .int("Enter whole days.")
    .min(0, "Enter 0 days or more.")
    .max(30, "Enter at most 30 days: past that, an overdue review would go unnoticed too long."),
  // A checkbox: sent as "on" when ticked, absent when not.
  twoFactorRequired: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  timeZone: z.string("Choose the clinic's time zone.").trim().refine(isTimeZone, "Choose a time zone from the list, for example America/Chicago."),
  locale: z.enum(CLINIC_LOCALES.map((l) => l.id) as [ClinicLocale, ...ClinicLocale[]], "Choose how dates are written."),
});

/** A number patients can tap: the digits and a leading +. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, "")}`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join("; ")}; or ${items.at(-1)}`;
}

export function urgentLine(settings: ClinicSettings): string {
  return settings.urgentLineNumber ? `${settings.urgentLineName} on ${settings.urgentLineNumber}` : settings.urgentLineName;
}

/**
 * What to do for each tier, naming the number and every sign of the tier, as every emergency
 * sentence must (DOMAIN.md §2).
 */
export function emergencySentence(settings: ClinicSettings, tier: RedFlagTier): string {
  const signs = listOf(flagsOfTier(tier).filter((f) => f.id !== "age_at_onset").map((f) => f.patientSign));
  if (tier === "emergency") {
    return (
      `Call ${settings.emergencyNumber} or go to the nearest emergency department now if you have any of these: ${signs}. ` +
      "Do not wait for your care team, and do not run."
    );
  }
  return (
    `Get a medical review today if you have any of these: ${signs}. Call ${urgentLine(settings)}; ` +
    `if you cannot be seen today, go to an urgent care centre or call ${settings.emergencyNumber}. Do not run until a doctor has seen you.`
  );
}
