import { describe, expect, it } from "vitest";
import type { PauseCode, PauseReason, Permission } from "@/lib/domain/care-state";
import type { Restrictions } from "@/lib/domain/clearance";
import { emergencySentence, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { describePermissionForPatient, healBlocker, limitsOf, pauseExplanation, permissionLabel, type PermissionTone } from "@/lib/domain/permission-wording";
import { flagsOfTier, redFlag, type RedFlagId } from "@/lib/domain/red-flags";

// A clinic in the UK: 999 for emergencies, NHS 111 for same-day advice (DOMAIN.md §2).
const UK: ClinicSettings = { clinicName: "Test Clinic", emergencyNumber: "999", urgentLineName: "NHS 111", urgentLineNumber: "111", reviewGraceDays: 7, twoFactorRequired: false, timeZone: "Europe/London", locale: "en-GB" };
/** Dates as a UK patient reads them, so a test can see the formatter was used. */
const formatDate = (date: string) => date.split("-").reverse().join("/");

const noLimits: Restrictions = {
  maxRunMinutes: null,
  runsPerWeek: null,
  weeklyDistanceKm: null,
  maxEffortRpe: null,
  painCeiling: null,
  flatGroundOnly: false,
  noSpeedWork: false,
  notes: "",
};
// Limits written out: 20 minutes a run, 3 runs a week, 12 km a week, RPE 4/10, stop above pain 3/10.
const LIMITS: Restrictions = { maxRunMinutes: 20, runsPerWeek: 3, weeklyDistanceKm: 12, maxEffortRpe: 4, painCeiling: 3, flatGroundOnly: true, noSpeedWork: true, notes: "" };

const RAISED = new Date("2026-05-12T08:00:00Z");
const reasons: Record<PauseCode, PauseReason> = {
  red_flag_open: { code: "red_flag_open", tier: "urgent", flags: ["fever"], source: "check_in", raisedAt: RAISED },
  awaiting_exam: { code: "awaiting_exam" },
  no_decision: { code: "no_decision" },
  not_cleared: { code: "not_cleared" },
  withdrawn: { code: "withdrawn" },
  earlier_episode: { code: "earlier_episode" },
  before_red_flag: { code: "before_red_flag" },
  before_reopen: { code: "before_reopen" },
  review_overdue: { code: "review_overdue", reviewDate: "2026-05-01", graceEnded: "2026-05-08" },
};
const paused = (reason: PauseReason): Permission => ({ status: "paused", reason });
const emergencyFlag = (source: "exam" | "check_in", flags: RedFlagId[]): Permission =>
  paused({ code: "red_flag_open", tier: "emergency", flags, source, raisedAt: RAISED });
const restricted = (restrictions: Restrictions | null, reviewDue = false): Permission => ({
  status: "cleared",
  level: "restricted",
  restrictions,
  reviewDate: "2026-06-01",
  reviewDue,
  version: 2,
});
const full = (reviewDue = false): Permission => ({ status: "cleared", level: "full", restrictions: null, reviewDate: "2026-06-01", reviewDue, version: 3 });
const backToTraining: Permission = { status: "return_to_training" };

const emergencySigns = flagsOfTier("emergency").map((f) => f.patientSign);
const urgentSigns = flagsOfTier("urgent")
  .filter((f) => f.id !== "age_at_onset")
  .map((f) => f.patientSign);

const every: [string, Permission, PermissionTone][] = [
  ["fully cleared", full(), "cleared"],
  ["cleared with limits", restricted(LIMITS), "cleared"],
  ["healed, back to training", backToTraining, "cleared"],
  ["an emergency red flag", emergencyFlag("check_in", ["saddle_numbness"]), "emergency"],
  ...(Object.values(reasons).map((r) => [`paused: ${r.code}`, paused(r), r.code === "red_flag_open" ? "urgent" : "stop"]) as [string, Permission, PermissionTone][]),
];

describe("describePermissionForPatient: every permission in plain words", () => {
  it.each(every)("%s: a headline, a tone and whole sentences", (_, permission, tone) => {
    const text = describePermissionForPatient(permission, UK, formatDate);
    expect(text.headline.length).toBeGreaterThan(5);
    expect(text.tone).toBe(tone);
    expect(text.sentences.length).toBeGreaterThanOrEqual(2);
    for (const sentence of text.sentences) {
      expect(sentence).toMatch(/^[A-Z].*[.!]$/);
      expect(sentence).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it.each<[PauseCode, string, string]>([
    ["awaiting_exam", "Please do not run yet", "Until your doctor has examined you and decided, please do not run."],
    ["no_decision", "Please do not run yet", "Your doctor has not decided yet whether you can run. Until they do, please do not run."],
    ["not_cleared", "Not cleared to run yet", "Your doctor has not cleared you to run yet."],
    ["withdrawn", "Your clearance to run was withdrawn", "Your doctor has withdrawn your clearance to run. Please do not run until they clear you again."],
    ["earlier_episode", "Please do not run until your doctor decides again", "Your earlier clearance was for a past episode of sciatica. Your doctor needs to decide again for this one."],
    [
      "before_red_flag",
      "Please do not run until your doctor clears you again",
      "Since your doctor last cleared you, a warning sign was reported. It has been looked at, but your doctor needs to decide again whether you can run.",
    ],
    ["before_reopen", "Please do not run until your doctor clears you again", "Your care for this episode has been reopened. Your doctor needs to decide again whether you can run."],
    [
      "review_overdue",
      "Please do not run until your review",
      "Your clearance to run needed a review by 01/05/2026. Please book your review with your care team; until then, do not run.",
    ],
  ])("paused, %s: says why and what to do", (code, headline, first) => {
    const text = describePermissionForPatient(paused(reasons[code]), UK, formatDate);
    expect(text.headline).toBe(headline);
    expect(text.sentences[0]).toBe(first);
    expect(text.sentences.join(" ")).toMatch(/Keep to the walking and exercises in your plan\./);
  });
});

describe("red flags: the clinic's numbers and the signs (DOMAIN.md §2)", () => {
  it("emergency tier: do not run, call 999 now, do not wait for the care team", () => {
    const text = describePermissionForPatient(emergencyFlag("check_in", ["saddle_numbness"]), UK, formatDate);
    expect(text).toMatchObject({ headline: "Do not run. Get emergency care now.", tone: "emergency" });
    expect(text.sentences).toEqual([
      "You reported numbness around your groin, bottom or inner thighs.",
      "If you have not been seen yet, call 999 or go to the nearest emergency department now. Do not wait for your care team.",
      "Your care team has been told. Do not run until your doctor has checked you and cleared you again.",
      emergencySentence(UK, "emergency"),
    ]);
  });

  it("emergency tier found at an exam: names every sign found, joined in words", () => {
    const text = describePermissionForPatient(emergencyFlag("exam", ["bladder_dysfunction", "bilateral_leg_symptoms", "fever"]), UK, formatDate);
    expect(text.sentences[0]).toBe(
      `Your doctor found a warning sign at your examination: ${redFlag("bladder_dysfunction").patientSign}, ${redFlag("bilateral_leg_symptoms").patientSign} and ${redFlag("fever").patientSign}.`,
    );
  });

  it("uses the clinic's own number, not a default", () => {
    const sentences = describePermissionForPatient(emergencyFlag("check_in", ["saddle_numbness"]), { ...UK, emergencyNumber: "112" }, formatDate).sentences.join(" ");
    expect(sentences).toContain("call 112");
    expect(sentences).not.toContain("999");
  });

  // KNOWN GAP (reported): DOMAIN.md §2 says every emergency sentence names the number and all the
  // emergency-tier signs; permission-wording.ts (red_flag_open, emergency) names only the signs reported.
  it("emergency tier: the card names every emergency-tier sign, not only the one reported", () => {
    const sentences = describePermissionForPatient(emergencyFlag("check_in", ["saddle_numbness"]), UK, formatDate).sentences.join(" ");
    for (const sign of emergencySigns) expect(sentences).toContain(sign);
  });

  it("urgent tier: a medical review today, NHS 111 on 111, and 999 if not seen today", () => {
    const text = describePermissionForPatient(paused(reasons.red_flag_open), UK, formatDate);
    expect(text).toMatchObject({ headline: "Do not run. Get a medical review today.", tone: "urgent" });
    expect(text.sentences[0]).toBe(`You reported ${redFlag("fever").patientSign}.`);
    expect(text.sentences[1]).toBe(emergencySentence(UK, "urgent"));
    expect(text.sentences[1]).toContain("Call NHS 111 on 111;");
    expect(text.sentences[1]).toContain("call 999");
    for (const sign of urgentSigns) expect(text.sentences[1]).toContain(sign);
    expect(text.sentences[2]).toBe("Your care team has been told. Do not run until your doctor has checked you and cleared you again.");
  });

  it("urgent tier without a number of its own names the line only", () => {
    const settings: ClinicSettings = { ...UK, urgentLineName: "your GP surgery", urgentLineNumber: "" };
    expect(describePermissionForPatient(paused(reasons.red_flag_open), settings, formatDate).sentences[1]).toContain("Call your GP surgery;");
  });

  it.each<[string, Permission]>([
    ["fully cleared", full()],
    ["cleared with limits", restricted(LIMITS)],
    ["cleared with limits, none recorded", restricted(null)],
    ["healed, back to training", backToTraining],
  ])("%s: carries the emergency advice apart from its sentences: 999 and every emergency-tier sign", (_, permission) => {
    const text = describePermissionForPatient(permission, UK, formatDate);
    const last = text.emergencyAdvice!;
    expect(last).toBe(emergencySentence(UK, "emergency"));
    expect(text.sentences).not.toContain(last);
    expect(last).toMatch(/^Call 999 or go to the nearest emergency department now/);
    for (const sign of emergencySigns) expect(last).toContain(sign);
  });
});

describe("cleared: what the patient may do", () => {
  it("fully cleared: no limits, build up by about a tenth a week (DOMAIN.md §1 step 4)", () => {
    const text = describePermissionForPatient(full(), UK, formatDate);
    expect(text.headline).toBe("Cleared to run");
    expect(text.sentences.slice(0, 3)).toEqual([
      "Your doctor has cleared you to run without limits.",
      "Build back up gently: add no more than about a tenth to your weekly distance each week.",
      "Stop and contact your care team if the pain, numbness or weakness in your leg comes back or gets worse.",
    ]);
  });

  it("healed: back to usual running, gradually, about a tenth a week", () => {
    const text = describePermissionForPatient(backToTraining, UK, formatDate);
    expect(text.headline).toBe("Healed: back to your usual running, gradually");
    expect(text.sentences.slice(0, 3)).toEqual([
      "Your doctor has marked this episode healed.",
      "Build back up gently: add no more than about a tenth to your weekly distance each week.",
      "Stop and contact your care team if the pain, numbness or weakness in your leg comes back.",
    ]);
  });

  it("with limits: every limit, the pain ceiling, the note, stretching first and easy runs (§1 step 3)", () => {
    const text = describePermissionForPatient(restricted({ ...LIMITS, notes: "Run on grass where you can." }), UK, formatDate);
    expect(text.headline).toBe("Cleared to run, with limits");
    expect(text.sentences).toEqual([
      "You may run, with these limits: at most 20 minutes per run, no more than 3 runs a week, at most 12 km a week, an effort no harder than 4 out of 10, flat ground only and no fast running or intervals.",
      "Stop the run if your pain goes above 3 out of 10.",
      "Your doctor's note: Run on grass where you can.",
      "Stretch your legs and lower back before every run, and keep your runs easy.",
      "Stop and contact your care team if the pain, numbness or weakness in your leg gets worse.",
    ]);
    expect(text.emergencyAdvice).toBe(emergencySentence(UK, "emergency"));
  });

  it.each<[string, Restrictions | null, string]>([
    ["one minute, one run", { ...noLimits, maxRunMinutes: 1, runsPerWeek: 1 }, "You may run, with these limits: at most 1 minute per run and no more than 1 run a week."],
    ["distance only", { ...noLimits, weeklyDistanceKm: 12.5 }, "You may run, with these limits: at most 12.5 km a week."],
    ["pain ceiling only", { ...noLimits, painCeiling: 0 }, "You may run, within the limits below."],
    ["none recorded", null, "You may run, within the limits below."],
  ])("with limits, %s", (_, restrictions, first) => {
    const text = describePermissionForPatient(restricted(restrictions), UK, formatDate);
    expect(text.sentences[0]).toBe(first);
  });

  it("a pain ceiling of 0 is still a limit the patient reads", () => {
    expect(describePermissionForPatient(restricted({ ...noLimits, painCeiling: 0 }), UK, formatDate).sentences).toContain("Stop the run if your pain goes above 0 out of 10.");
  });

  it.each<[string, Restrictions, string[]]>([
    ["none", noLimits, []],
    ["every limit", LIMITS, ["at most 20 minutes per run", "no more than 3 runs a week", "at most 12 km a week", "an effort no harder than 4 out of 10", "flat ground only", "no fast running or intervals"]],
    ["singulars", { ...noLimits, maxRunMinutes: 1, runsPerWeek: 1 }, ["at most 1 minute per run", "no more than 1 run a week"]],
  ])("limitsOf: %s", (_, restrictions, limits) => {
    expect(limitsOf(restrictions)).toEqual(limits);
  });
});

describe("permissionLabel: the badge is the state in force, never the decision alone", () => {
  it.each<[string, Permission, string]>([
    ["fully cleared", full(), "Fully cleared"],
    ["fully cleared, review due", full(true), "Fully cleared · review due"],
    ["cleared with limits", restricted(LIMITS), "Cleared with limits"],
    ["cleared with limits, review due", restricted(LIMITS, true), "Cleared with limits · review due"],
    ["healed", backToTraining, "Healed: back to training"],
    ["red flag open (urgent)", paused(reasons.red_flag_open), "Not cleared: red flag open"],
    ["red flag open (emergency)", emergencyFlag("exam", ["saddle_numbness"]), "Not cleared: red flag open"],
    ["awaiting exam", paused(reasons.awaiting_exam), "Not cleared: awaiting exam"],
    ["no decision", paused(reasons.no_decision), "Not cleared: no decision yet"],
    ["not cleared", paused(reasons.not_cleared), "Not cleared"],
    ["withdrawn", paused(reasons.withdrawn), "Not cleared: withdrawn"],
    ["earlier episode", paused(reasons.earlier_episode), "Not cleared: no decision this episode"],
    ["before red flag", paused(reasons.before_red_flag), "Not cleared: decide again after red flag"],
    ["before reopen", paused(reasons.before_reopen), "Not cleared: decide again after reopening"],
    ["review overdue", paused(reasons.review_overdue), "Not cleared: review overdue"],
  ])("%s → %s", (_, permission, label) => {
    expect(permissionLabel(permission)).toBe(label);
  });
});

describe("pauseExplanation: why a decision is not in force, for the clinician", () => {
  it.each<[string, Permission, string | null]>([
    ["fully cleared", full(), null],
    ["cleared with limits", restricted(LIMITS, true), null],
    ["healed", backToTraining, null],
    ["awaiting exam", paused(reasons.awaiting_exam), "The patient has not had a signed examination yet."],
    ["no decision", paused(reasons.no_decision), "No clearance has been decided for this episode."],
    ["not cleared", paused(reasons.not_cleared), "The latest decision is not cleared."],
    ["withdrawn", paused(reasons.withdrawn), "The clearance was withdrawn."],
    ["earlier episode", paused(reasons.earlier_episode), "The latest clearance was decided in an earlier episode; decide again for this one."],
    ["before red flag", paused(reasons.before_red_flag), "The latest clearance was decided before the latest red flag was raised; it does not come back by itself. Decide again."],
    ["before reopen", paused(reasons.before_reopen), "The latest clearance was decided before the episode was reopened. Decide again."],
    [
      "review overdue: both dates through the formatter",
      paused(reasons.review_overdue),
      "The review date (01/05/2026) passed more than the clinic's grace period ago (grace ended 08/05/2026).",
    ],
  ])("%s", (_, permission, explanation) => {
    expect(pauseExplanation(permission, formatDate)).toBe(explanation);
  });

  // The article is checked loosely: the code writes "A urgent" / "A emergency" (reported as a wording slip).
  it.each<[string, Permission, RegExp]>([
    ["urgent red flag", paused(reasons.red_flag_open), /^An? urgent red flag is open\. No clearance is in force until a physician records how it was resolved and decides again\.$/],
    ["emergency red flag", emergencyFlag("exam", ["saddle_numbness"]), /^An? emergency red flag is open\. No clearance is in force until a physician records how it was resolved and decides again\.$/],
  ])("%s: names the tier", (_, permission, explanation) => {
    expect(pauseExplanation(permission, formatDate)).toMatch(explanation);
  });
});

describe("healBlocker: healing hands running back, so it needs a full clearance in force", () => {
  const cleared = (level: "full" | "restricted"): Permission => ({ status: "cleared", level, restrictions: level === "restricted" ? LIMITS : null, reviewDate: "2026-06-01", reviewDue: false, version: 2 });
  it("allows healing only under a full clearance in force", () => {
    expect(healBlocker(cleared("full"))).toBeNull();
    expect(healBlocker(cleared("restricted"))).toMatch(/only while the patient is fully cleared/);
  });
  it("names an open red flag first, and refuses every other paused state", () => {
    expect(healBlocker({ status: "paused", reason: reasons.red_flag_open })).toMatch(/A red flag is open/);
    for (const code of Object.keys(reasons).filter((c) => c !== "red_flag_open") as PauseCode[]) {
      expect(healBlocker({ status: "paused", reason: reasons[code] }), code).toMatch(/only while the patient is fully cleared/);
    }
    expect(healBlocker({ status: "return_to_training" })).toMatch(/only while the patient is fully cleared/);
  });
});
