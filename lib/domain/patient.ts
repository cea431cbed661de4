import { z } from "zod";

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone").concat("UTC"));

/** An IANA zone this runtime knows, so the patient's local day can be computed. */
export function isKnownTimeZone(zone: string): boolean {
  return TIME_ZONES.has(zone);
}

/** Registration of a patient; `today` is YYYY-MM-DD, to keep dates of birth in the past. */
export function patientRegistrationSchema(today: string) {
  return z
    .object({
      givenName: z.string().trim().min(1, "Enter the given name.").max(80, "Use at most 80 characters."),
      familyName: z.string().trim().min(1, "Enter the family name.").max(80, "Use at most 80 characters."),
      dateOfBirth: z.iso
        .date("Enter the date of birth.")
        .refine((d) => d < today, "The date of birth must be in the past.")
        .refine((d) => d > "1900-01-01", "Check the year of birth."),
      sex: z.enum(["female", "male", "other", "unknown"], "Choose an option."),
      email: z.union([z.literal(""), z.email("Enter a valid email address, or leave it empty.").toLowerCase()]).default(""),
      phone: z.string().trim().max(40, "Use at most 40 characters.").default(""),
      timeZone: z.string().refine(isKnownTimeZone, "Choose the patient's time zone."),
      weeklyDistanceKm: z.coerce
        .number("Enter kilometres per week as a number.")
        .int("Enter whole kilometres.")
        .min(0, "Enter 0 or more.")
        .max(500, "Enter at most 500 km."),
      runningGoal: z.string().trim().max(200, "Keep the goal under 200 characters.").default(""),
      therapistId: z.union([z.literal(""), z.uuid("Choose a therapist.")]).default(""),
      createAccount: z.literal(["on", ""]).default("").transform((v) => v === "on"),
    })
    .superRefine((p, ctx) => {
      if (p.createAccount && !p.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Enter the patient's email to create their sign-in account." });
    });
}

export type PatientRegistration = z.output<ReturnType<typeof patientRegistrationSchema>>;

export const commonTimeZones = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "Europe/London",
  "UTC",
] as const;
