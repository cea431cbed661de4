/** The demo clinic: invented people with realistic ages and running backgrounds. */
import type { EpisodeStatus } from "./schema/episodes";

export const DEMO_PASSWORD = "runclear-demo-2026";

/** A clinic in the United States; the nurse line's number is a fictional 555 number. */
export const demoClinicSettings = {
  clinicName: "RunClear Sports Spine Clinic",
  emergencyNumber: "911",
  urgentLineName: "the RunClear nurse line",
  urgentLineNumber: "+1 312 555 0142",
  reviewGraceDays: 7,
  timeZone: "America/Chicago",
  locale: "en-US",
};

export const demoStaff = [
  { key: "ortiz", email: "dr.ortiz@runclear.example", name: "Dr. Elena Ortiz", role: "physician" },
  { key: "chen", email: "dr.chen@runclear.example", name: "Dr. Wei Chen", role: "physician" },
  { key: "morgan", email: "pt.morgan@runclear.example", name: "Jordan Morgan, PT", role: "therapist" },
  { key: "singh", email: "pt.singh@runclear.example", name: "Amrit Singh, PT", role: "therapist" },
  { key: "admin", email: "admin@runclear.example", name: "Riley Admin", role: "admin" },
  // A second administrator: new and changed staff accounts need one to confirm them.
  { key: "admin2", email: "admin2@runclear.example", name: "Casey Admin", role: "admin" },
] as const;

export type StaffKey = (typeof demoStaff)[number]["key"];

export interface DemoPatient {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: "female" | "male";
  timeZone: string;
  weeklyDistanceKm: number;
  runningGoal: string;
  physician: "ortiz" | "chen";
  therapist?: "morgan" | "singh";
  episode: EpisodeStatus;
  /** Days since the episode opened. */
  openedDaysAgo: number;
  /** Patients registered but not yet given a sign-in account (the admin creates one). */
  noAccount?: boolean;
}

export const demoPatients: DemoPatient[] = [
  { givenName: "Sam", familyName: "Rivera", dateOfBirth: "1988-04-12", sex: "male", timeZone: "America/Chicago", weeklyDistanceKm: 45, runningGoal: "Chicago Marathon in October, 3:45 finish", physician: "ortiz", therapist: "morgan", episode: "active", openedDaysAgo: 40 },
  { givenName: "Priya", familyName: "Natarajan", dateOfBirth: "1991-09-03", sex: "female", timeZone: "America/New_York", weeklyDistanceKm: 30, runningGoal: "10K under 50 minutes", physician: "ortiz", therapist: "singh", episode: "active", openedDaysAgo: 35 },
  { givenName: "Tom", familyName: "Becker", dateOfBirth: "1972-07-19", sex: "male", timeZone: "America/Chicago", weeklyDistanceKm: 40, runningGoal: "Masters 5K races through the summer", physician: "ortiz", episode: "awaiting_exam", openedDaysAgo: 2, noAccount: true },
  { givenName: "Grace", familyName: "Liu", dateOfBirth: "1986-12-01", sex: "female", timeZone: "America/Los_Angeles", weeklyDistanceKm: 55, runningGoal: "Marathon under 3:30", physician: "ortiz", therapist: "morgan", episode: "active", openedDaysAgo: 28 },
  { givenName: "Olu", familyName: "Adeyemi", dateOfBirth: "1993-03-27", sex: "male", timeZone: "America/New_York", weeklyDistanceKm: 20, runningGoal: "First half marathon", physician: "ortiz", therapist: "singh", episode: "active", openedDaysAgo: 21 },
  { givenName: "Megan", familyName: "O'Brien", dateOfBirth: "1984-08-16", sex: "female", timeZone: "America/Denver", weeklyDistanceKm: 40, runningGoal: "Trail half marathon in the spring", physician: "ortiz", episode: "healed", openedDaysAgo: 70 },
  { givenName: "Rosa", familyName: "Delgado", dateOfBirth: "1981-01-29", sex: "female", timeZone: "America/Chicago", weeklyDistanceKm: 15, runningGoal: "Easy 5K runs with her club again", physician: "ortiz", therapist: "morgan", episode: "active", openedDaysAgo: 14 },
  { givenName: "Marcus", familyName: "Bell", dateOfBirth: "1979-01-22", sex: "male", timeZone: "America/Denver", weeklyDistanceKm: 60, runningGoal: "50K trail ultra", physician: "chen", therapist: "morgan", episode: "active", openedDaysAgo: 30 },
  { givenName: "Hannah", familyName: "Kowalski", dateOfBirth: "1995-06-30", sex: "female", timeZone: "America/New_York", weeklyDistanceKm: 25, runningGoal: "First half marathon", physician: "chen", therapist: "singh", episode: "active", openedDaysAgo: 24 },
  { givenName: "Diego", familyName: "Alvarez", dateOfBirth: "1983-11-08", sex: "male", timeZone: "America/Los_Angeles", weeklyDistanceKm: 50, runningGoal: "Boston qualifying time", physician: "chen", therapist: "singh", episode: "active", openedDaysAgo: 45 },
  { givenName: "Aisha", familyName: "Mohammed", dateOfBirth: "1990-02-14", sex: "female", timeZone: "America/Chicago", weeklyDistanceKm: 35, runningGoal: "Parkrun personal best", physician: "chen", episode: "active", openedDaysAgo: 1, noAccount: true },
  { givenName: "Elena", familyName: "Petrova", dateOfBirth: "1969-05-05", sex: "female", timeZone: "America/New_York", weeklyDistanceKm: 30, runningGoal: "Pain-free weekend runs with her club", physician: "chen", therapist: "morgan", episode: "active", openedDaysAgo: 33 },
  { givenName: "Jamal", familyName: "Carter", dateOfBirth: "1998-10-10", sex: "male", timeZone: "America/Chicago", weeklyDistanceKm: 70, runningGoal: "Collegiate 5000 m season", physician: "chen", episode: "healed", openedDaysAgo: 60 },
  { givenName: "Kenji", familyName: "Watanabe", dateOfBirth: "1976-04-02", sex: "male", timeZone: "America/Los_Angeles", weeklyDistanceKm: 45, runningGoal: "Tokyo Marathon", physician: "chen", therapist: "singh", episode: "active", openedDaysAgo: 18 },
];

export function demoPatientEmail(p: Pick<DemoPatient, "givenName" | "familyName">): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");
  return `${slug(p.givenName)}.${slug(p.familyName)}@runclear.example`;
}
