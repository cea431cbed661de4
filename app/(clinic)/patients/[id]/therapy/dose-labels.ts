/** The label of each dose number a therapist may change, as the plan editor words them. */
export const doseFieldLabels: Record<string, string> = {
  sets: "Sets",
  reps: "Repetitions per set",
  holdSeconds: "Hold time in seconds",
  timesPerDay: "Times a day",
  daysPerWeek: "Days a week",
  minutes: "Minutes",
};
