import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CareAlert, CareAlertCode } from "@/lib/domain/care-state";
import { LIST_RULES_VERSION, LOW_ADHERENCE, PAIN_DAYS, PAIN_RISE, SILENT_DAYS, byNeed, needScore, summarizeActivity, type FlagCode, type NeedRow } from "@/lib/domain/caseload";
import type { Plan } from "@/lib/domain/plan";
import type { PatientActivity } from "@/lib/domain/progress";
import { addDays, datesFrom } from "@/lib/domain/schedule";
import { painText } from "@/lib/ui/adherence";

// Thursday 26 November 2026, the patient's local date.
const TODAY = "2026-11-26";
const STRETCH = "11111111-1111-4111-8111-111111111111";

const plan: Plan = {
  startDate: "2026-10-01",
  courseWeeks: 8,
  goals: [],
  items: [
    {
      key: STRETCH,
      catalogueId: "hamstring-stretch",
      dose: { kind: "exercise", sets: 3, holdSeconds: 30, timesPerDay: 1, daysPerWeek: 7 },
      instructions: "Stretch.",
      justification: "",
    },
  ],
};

/** Stretches done every day in [from, to], both included. */
const doneDays = (from: string, to: string) => datesFrom(from, to).map((localDate) => ({ localDate, itemKey: STRETCH, status: "done" as const }));

function activity(change: Partial<Omit<PatientActivity, "lastLogDate">> = {}): PatientActivity {
  const base = {
    timeZone: "America/New_York",
    versions: [{ effectiveFrom: plan.startDate, plan }],
    itemLogs: doneDays("2026-10-01", addDays(TODAY, -1)),
    runs: [],
    pains: [],
    weeklyRunLimit: null,
    healed: false,
    ...change,
  };
  const dates = [...base.itemLogs, ...base.runs].map((l) => l.localDate).sort();
  return { ...base, lastLogDate: dates.at(-1) ?? null };
}

const codes = (a: PatientActivity) => summarizeActivity(a, TODAY).flags.map((f) => f.code);

describe("thresholds", () => {
  it("are written out: adherence under 50 %, pain up 2 points, silent after 3 days", () => {
    expect(LOW_ADHERENCE).toBe(0.5);
    expect(PAIN_RISE).toBe(2);
    expect(SILENT_DAYS).toBe(3);
  });
});

describe("adherence figures", () => {
  it("counts the 7 and 28 complete days before today, leaving today out", () => {
    const s = summarizeActivity(activity({ itemLogs: doneDays(addDays(TODAY, -14), TODAY) }), TODAY);
    expect(s.last7).toBe(1);
    expect(s.last28).toBe(14 / 28);
    expect(s.lastLogDate).toBe(TODAY);
  });

  it("has no figure and no flags without a plan", () => {
    const s = summarizeActivity(activity({ versions: [], itemLogs: [] }), TODAY);
    expect(s).toMatchObject({ last7: null, last28: null, lastLogDate: null, flags: [] });
  });
});

describe("flags", () => {
  const cases: { name: string; activity: PatientActivity; flags: FlagCode[] }[] = [
    { name: "every day done: no flag", activity: activity(), flags: [] },
    // 3 of the last 7 days done is 43 %: under half.
    { name: "adherence 3/7 is under 50 %", activity: activity({ itemLogs: doneDays(addDays(TODAY, -3), addDays(TODAY, -1)) }), flags: ["low_adherence"] },
    // 4 of 7 is 57 %: not flagged.
    { name: "adherence 4/7 is not under 50 %", activity: activity({ itemLogs: doneDays(addDays(TODAY, -4), addDays(TODAY, -1)) }), flags: [] },
    {
      // 5 of the last 7 days done: silent, not yet under half.
      name: "last log 3 days ago: silent",
      activity: activity({ itemLogs: doneDays("2026-10-01", addDays(TODAY, -3)) }),
      flags: ["no_recent_log"],
    },
    { name: "last log 2 days ago: not yet silent", activity: activity({ itemLogs: doneDays("2026-10-01", addDays(TODAY, -2)) }), flags: [] },
    { name: "nothing ever logged on a plan 8 weeks old", activity: activity({ itemLogs: [] }), flags: ["low_adherence", "no_recent_log"] },
    { name: "a plan that starts today is not silent", activity: activity({ versions: [{ effectiveFrom: TODAY, plan: { ...plan, startDate: TODAY } }], itemLogs: [] }), flags: [] },
    {
      name: "pain up 2 within 7 days",
      activity: activity({ pains: [{ localDate: addDays(TODAY, -8), pain: 3 }, { localDate: addDays(TODAY, -1), pain: 5 }] }),
      flags: ["pain_rising"],
    },
    {
      name: "pain up 1 is not flagged",
      activity: activity({ pains: [{ localDate: addDays(TODAY, -8), pain: 3 }, { localDate: addDays(TODAY, -1), pain: 4 }] }),
      flags: [],
    },
    {
      name: "pain falling is not flagged",
      activity: activity({ pains: [{ localDate: addDays(TODAY, -8), pain: 6 }, { localDate: TODAY, pain: 2 }] }),
      flags: [],
    },
    {
      // The baseline is the latest reading of the 7 days before the last 7: 13 to 7 days ago.
      name: "a reading 14 days ago is no baseline for the 7-day change",
      activity: activity({ pains: [{ localDate: addDays(TODAY, -14), pain: 2 }, { localDate: addDays(TODAY, -1), pain: 7 }] }),
      flags: [],
    },
    {
      name: "a reading 13 days ago is the baseline",
      activity: activity({ pains: [{ localDate: addDays(TODAY, -13), pain: 2 }, { localDate: addDays(TODAY, -1), pain: 7 }] }),
      flags: ["pain_rising"],
    },
    {
      name: "no reading before the 7 days: no trend",
      activity: activity({ pains: [{ localDate: addDays(TODAY, -6), pain: 2 }, { localDate: addDays(TODAY, -1), pain: 7 }] }),
      flags: [],
    },
    // Runs beyond the restrictions are the state in force's alert now (care-state.ts), not a follow-up flag.
    {
      name: "a run beyond the restrictions in the last 7 days raises no follow-up flag",
      activity: activity({ runs: [{ localDate: addDays(TODAY, -6), minutes: 40, breaches: ["too_long"] }] }),
      flags: [],
    },
    {
      name: "a healed episode raises no flag",
      activity: activity({ healed: true, itemLogs: [], runs: [{ localDate: addDays(TODAY, -1), minutes: 40, breaches: ["too_long"] }] }),
      flags: [],
    },
    { name: "a run inside the limits", activity: activity({ runs: [{ localDate: addDays(TODAY, -1), minutes: 20, breaches: [] }] }), flags: [] },
  ];
  it.each(cases)("$name", ({ activity, flags }) => {
    expect(codes(activity)).toEqual(flags);
  });

  it("words the flags for the clinician", () => {
    const s = summarizeActivity(
      activity({
        itemLogs: doneDays(addDays(TODAY, -10), addDays(TODAY, -5)),
        pains: [{ localDate: addDays(TODAY, -8), pain: 3 }, { localDate: addDays(TODAY, -1), pain: 6 }],
        runs: [
          { localDate: addDays(TODAY, -2), minutes: 40, breaches: ["too_long"] },
          { localDate: addDays(TODAY, -1), minutes: 40, breaches: ["too_long", "too_hard"] },
        ],
      }),
      TODAY,
    );
    expect(s.flags.map((f) => f.label)).toEqual(["Pain up 3 points in 7 days", "Did 43% of the plan in 7 days"]);
    expect(s.pain).toEqual({ latest: 6, change: 3 });
    expect(s.lastLogDate).toBe(addDays(TODAY, -1));
  });
});

describe("the pain trend", () => {
  it("is the same whatever history a view loaded: only the last 4 weeks count", () => {
    expect(PAIN_DAYS).toBe(28);
    const recent = [{ localDate: addDays(TODAY, -10), pain: 3 }, { localDate: addDays(TODAY, -2), pain: 4 }];
    const old = [{ localDate: addDays(TODAY, -40), pain: 9 }, { localDate: addDays(TODAY, -30), pain: 8 }];
    expect(summarizeActivity(activity({ pains: [...old, ...recent] }), TODAY).pain).toEqual(summarizeActivity(activity({ pains: recent }), TODAY).pain);
    expect(summarizeActivity(activity({ pains: recent }), TODAY).pain).toEqual({ latest: 4, change: 1 });
    // The latest pain is of the last 28 days: day 27 back counts, day 28 back does not.
    expect(summarizeActivity(activity({ pains: [{ localDate: addDays(TODAY, -27), pain: 5 }] }), TODAY).pain).toEqual({ latest: 5, change: null });
    expect(summarizeActivity(activity({ pains: [{ localDate: addDays(TODAY, -28), pain: 5 }] }), TODAY).pain).toEqual({ latest: null, change: null });
    expect(painText({ latest: null, change: null })).toBe(`No check-in in ${PAIN_DAYS / 7} weeks`);
  });
});

describe("sorting by need", () => {
  const alert = (code: CareAlertCode, severity: CareAlert["severity"] = "attention"): CareAlert => ({ code, severity, label: code, date: null });
  const row = (name: string, change: Partial<PatientActivity>, alerts: CareAlert[] = [], openRedFlags = alerts.filter((a) => a.code === "red_flag").length): NeedRow => ({
    name,
    openRedFlags,
    alerts,
    summary: summarizeActivity(activity(change), TODAY),
  });

  it("puts red flags first, then the state's alerts and pain, then low adherence, then silence, then the rest by adherence", () => {
    const rows = [
      row("Steady", {}),
      row("Quiet", { itemLogs: doneDays("2026-10-01", addDays(TODAY, -4)) }),
      row("Red flag", {}, [alert("red_flag", "urgent")]),
      // A run beyond the restrictions: an alert of weight 8.
      row("Overran", { runs: [{ localDate: addDays(TODAY, -1), minutes: 40, breaches: ["too_long"] }] }, [alert("run_beyond_restrictions")]),
      row("Lazy", { itemLogs: doneDays(addDays(TODAY, -2), addDays(TODAY, -1)) }),
      row("Patchy", { itemLogs: doneDays(addDays(TODAY, -5), addDays(TODAY, -1)) }),
      row("No plan", { versions: [], itemLogs: [] }),
    ];
    expect(rows.sort(byNeed).map((r) => r.name)).toEqual(["Red flag", "Overran", "Lazy", "Quiet", "Patchy", "Steady", "No plan"]);
  });

  it("an open red flag comes first whatever the weight of other alerts; an emergency one before an urgent one", () => {
    const rows = [
      row("Many alerts", {}, [alert("pain_step_back"), alert("neuro_worse"), alert("ran_while_paused"), alert("run_beyond_restrictions"), alert("pain_hold")]),
      row("Urgent flag", {}, [alert("red_flag", "urgent")]),
      row("Emergency flag", {}, [alert("red_flag", "emergency")]),
    ];
    expect(rows.sort(byNeed).map((r) => r.name)).toEqual(["Emergency flag", "Urgent flag", "Many alerts"]);
  });

  it("adds alert weights and follow-up flags: rising pain (4) outweighs a review due (1) and a plan beyond the clearance (2)", () => {
    const rows = [
      row("Review and plan", {}, [alert("review_due"), alert("plan_exceeds_clearance")]),
      row("Pain rising", { pains: [{ localDate: addDays(TODAY, -8), pain: 3 }, { localDate: addDays(TODAY, -1), pain: 5 }] }),
      row("Step back", {}, [alert("pain_step_back")]),
    ];
    expect(rows.sort(byNeed).map((r) => r.name)).toEqual(["Step back", "Pain rising", "Review and plan"]);
  });
});

describe("skip reasons for the care team", () => {
  it("lists the last week's skips newest first with the patient's words, and none once healed", () => {
    const skips = [
      { localDate: addDays(TODAY, -9), itemKey: STRETCH, status: "skipped" as const, skipReason: "Too long ago" },
      { localDate: addDays(TODAY, -3), itemKey: STRETCH, status: "skipped" as const, skipReason: "Sore back" },
      { localDate: addDays(TODAY, -1), itemKey: STRETCH, status: "skipped" as const, skipReason: null },
    ];
    const summary = summarizeActivity(activity({ itemLogs: [...doneDays("2026-10-01", addDays(TODAY, -10)), ...skips] }), TODAY);
    expect(summary.recentSkips).toEqual([
      { date: addDays(TODAY, -1), item: "Hamstring stretch", reason: "" },
      { date: addDays(TODAY, -3), item: "Hamstring stretch", reason: "Sore back" },
    ]);
    expect(summarizeActivity(activity({ itemLogs: skips, healed: true }), TODAY).recentSkips).toEqual([]);
  });
});

describe("the version of the rules lists keep the results of", () => {
  // What each version gave for the samples below. Lists keep summaries and ranks made under a
  // version (db/schema/adherence-summaries.ts, caseload-ranks.ts) and trust only their own: when
  // a rule change gives another fingerprint, raise LIST_RULES_VERSION and add its line here;
  // never edit a line that is here.
  const FINGERPRINTS: Record<number, string> = {
    1: "3575a7c21f4b2718",
  };

  it("names the rules: the same facts give the same summaries and scores under one version", () => {
    const alert = (code: CareAlertCode, severity: CareAlert["severity"] = "attention"): CareAlert => ({ code, severity, label: code, date: null });
    const samples: [PatientActivity, CareAlert[]][] = [
      [activity(), []],
      [activity({ itemLogs: doneDays(addDays(TODAY, -3), addDays(TODAY, -1)) }), [alert("review_due")]],
      [activity({ itemLogs: doneDays("2026-10-01", addDays(TODAY, -3)) }), [alert("red_flag", "urgent")]],
      [activity({ pains: [{ localDate: addDays(TODAY, -13), pain: 2 }, { localDate: addDays(TODAY, -1), pain: 7 }] }), [alert("run_beyond_restrictions"), alert("pain_step_back")]],
      [activity({ itemLogs: [...doneDays("2026-10-01", addDays(TODAY, -10)), { localDate: addDays(TODAY, -2), itemKey: STRETCH, status: "skipped", skipReason: "Sore" }] }), [alert("neuro_worse")]],
      [activity({ pains: [{ localDate: addDays(TODAY, -8), pain: 3 }, { localDate: addDays(TODAY, -1), pain: 5 }] }), []],
      [activity({ itemLogs: doneDays(addDays(TODAY, -4), addDays(TODAY, -1)) }), []],
      [activity({ itemLogs: [], healed: true }), []],
      [activity({ versions: [], itemLogs: [] }), [alert("plan_exceeds_clearance"), alert("review_overdue", "urgent")]],
    ];
    const results = samples.map(([a, alerts]) => {
      const summary = summarizeActivity(a, TODAY);
      return { summary, score: needScore({ alerts, summary }) };
    });
    const fingerprint = createHash("sha256").update(JSON.stringify(results)).digest("hex").slice(0, 16);
    expect({ version: LIST_RULES_VERSION, fingerprint }).toEqual({ version: LIST_RULES_VERSION, fingerprint: FINGERPRINTS[LIST_RULES_VERSION] });
  });
});
