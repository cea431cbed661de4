import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/schedule";
import {
  describeRunEffect,
  LAST_STAGE,
  returnToTraining,
  stageCap,
  walkRunProgramme,
  type ProgrammeInput,
  type ProgrammeRunFact,
} from "@/lib/domain/walk-run";

const TODAY = "2026-12-02";
const EPISODE = { id: "e1", status: "active", reopenedSeq: null };
const at = (date: string) => new Date(`${date}T18:00:00Z`);
const SIGNED = "2026-11-01";

let n = 0;
/** A run at `date` logged at `stage`: calm (pain 2, settled) unless told otherwise. */
function run(date: string, stage: number, pain: Partial<ProgrammeRunFact> = {}): ProgrammeRunFact {
  n += 1;
  return { id: `r${n}`, localDate: date, createdAt: at(date), programmeStage: stage, painBefore: 2, painDuring: 2, painAfter: 2, morningPain: 2, newNumbnessOrWeakness: false, ...pain };
}

function input(runs: ProgrammeRunFact[], change: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    facts: { signoff: { episodeId: "e1", seq: 10, signedAt: at(SIGNED), localDate: SIGNED }, stageChange: null, runs },
    episode: EPISODE,
    latestRedFlagSeq: null,
    today: TODAY,
    cleared: true,
    restrictions: null,
    baselineFor: () => 2,
    ...change,
  };
}

const stageAfter = (runs: ProgrammeRunFact[], change: Partial<ProgrammeInput> = {}) => walkRunProgramme(input(runs, change))!;

describe("who is in the programme", () => {
  it("no one without a sign-off in the current episode, after the latest red flag and reopening, while under care", () => {
    expect(walkRunProgramme(input([], { facts: { signoff: null, stageChange: null, runs: [] } }))).toBeNull();
    expect(walkRunProgramme(input([], { episode: { ...EPISODE, id: "e2" } }))).toBeNull();
    expect(walkRunProgramme(input([], { latestRedFlagSeq: 11 }))).toBeNull();
    expect(walkRunProgramme(input([], { episode: { ...EPISODE, reopenedSeq: 12 } }))).toBeNull();
    expect(walkRunProgramme(input([], { episode: { ...EPISODE, status: "healed" } }))).toBeNull();
    expect(stageAfter([])).toMatchObject({ status: "active", stage: 1, countedAtStage: 0, lastChange: { kind: "started" } });
  });
  it("is paused, not ended, while no clearance is in force", () => {
    expect(stageAfter([], { cleared: false })).toMatchObject({ status: "paused", stage: 1 });
  });
});

describe("the stage rule (DOMAIN.md §6)", () => {
  it("advances after two good runs with a rest day between", () => {
    const p = stageAfter([run("2026-11-03", 1), run("2026-11-05", 1)]);
    expect(p).toMatchObject({ stage: 2, countedAtStage: 0, lastChange: { kind: "advance", stage: 2 } });
    expect(p.runs.map((r) => r.effect)).toEqual(["counted_advanced", "counted"]);
  });
  it("does not count a good run the day after the last counted one", () => {
    const p = stageAfter([run("2026-11-03", 1), run("2026-11-04", 1)]);
    expect(p).toMatchObject({ stage: 1, countedAtStage: 1 });
    expect(p.runs[0]!.effect).toBe("too_soon");
  });
  it("holds at pain 4–5 and starts the count again", () => {
    const p = stageAfter([run("2026-11-03", 1), run("2026-11-05", 1, { painDuring: 4 }), run("2026-11-07", 1)]);
    expect(p).toMatchObject({ stage: 1, countedAtStage: 1 });
    expect(p.runs.map((r) => r.effect).reverse()).toEqual(["counted", "hold", "counted"]);
  });
  it("holds when the pain had not settled by the next morning", () => {
    expect(stageAfter([run("2026-11-03", 1, { morningPain: 5 })]).runs[0]!.effect).toBe("hold");
  });
  it("steps back one stage at pain above 5, and at new numbness or weakness, never below stage 1", () => {
    const up = [run("2026-11-03", 1), run("2026-11-05", 1), run("2026-11-07", 2), run("2026-11-09", 2)];
    expect(stageAfter(up).stage).toBe(3);
    const back = stageAfter([...up, run("2026-11-11", 3, { painDuring: 6 })]);
    expect(back).toMatchObject({ stage: 2, countedAtStage: 0, lastChange: { kind: "step_back", stage: 2 } });
    expect(stageAfter([run("2026-11-03", 1, { newNumbnessOrWeakness: true })])).toMatchObject({ stage: 1, lastChange: { kind: "step_back", stage: 1 } });
  });
  it("waits for the next-morning pain before a run counts", () => {
    const p = stageAfter([run("2026-11-03", 1, { morningPain: null })]);
    expect([p.countedAtStage, p.runs[0]!.effect]).toEqual([0, "pending"]);
  });
  it("does not count a run logged below the stage in force", () => {
    const p = stageAfter([run("2026-11-03", 1), run("2026-11-05", 1), run("2026-11-07", 1)]);
    expect([p.stage, p.runs[0]!.effect]).toEqual([2, "below_stage"]);
  });
  it("starts from the stage a clinician set, counting only the runs after it", () => {
    const facts = {
      signoff: { episodeId: "e1", seq: 10, signedAt: at(SIGNED), localDate: SIGNED },
      stageChange: { episodeId: "e1", stage: 5, reason: "Tolerated stage 4 at the clinic.", seq: 11, setAt: at("2026-11-04"), localDate: "2026-11-04" },
      runs: [run("2026-11-03", 1), run("2026-11-06", 5)],
    };
    expect(walkRunProgramme(input([], { facts }))).toMatchObject({ stage: 5, countedAtStage: 1, lastChange: { kind: "set_by_clinician", stage: 5 } });
  });
  it("stays at the last stage once reached", () => {
    const facts = {
      signoff: { episodeId: "e1", seq: 10, signedAt: at(SIGNED), localDate: SIGNED },
      stageChange: { episodeId: "e1", stage: LAST_STAGE, reason: "Running 30 minutes already.", seq: 11, setAt: at("2026-11-02"), localDate: "2026-11-02" },
      runs: [run("2026-11-03", LAST_STAGE), run("2026-11-05", LAST_STAGE)],
    };
    expect(walkRunProgramme(input([], { facts }))).toMatchObject({ stage: LAST_STAGE, countedAtStage: 2 });
  });
});

describe("never above the clearance in force (DOMAIN.md §10.6)", () => {
  it("caps the stage by the longest run the clearance allows", () => {
    expect(stageCap(null)).toBe(LAST_STAGE);
    const limits = { maxRunMinutes: 15 } as never;
    expect(stageCap(limits)).toBe(3); // 3 min × 5 = 15 min of running
    const p = stageAfter([run("2026-11-03", 1), run("2026-11-05", 1), run("2026-11-07", 2), run("2026-11-09", 2), run("2026-11-11", 3), run("2026-11-13", 3)], { restrictions: limits });
    expect(p).toMatchObject({ stage: 3, heldByClearance: true, clearanceCap: 3 });
    expect(p.runs[0]!.effect).toBe("held_by_clearance");
    expect(describeRunEffect(p, p.runs[0]!.runId)).toMatch(/clearance holds you at stage 3/);
  });
});

describe("today for the patient", () => {
  it("is a rest day after a run yesterday", () => {
    expect(stageAfter([run(addDays(TODAY, -1), 1)])).toMatchObject({ restDay: true, ranToday: false });
  });
});

describe("back to training after healing", () => {
  it("climbs from the week before healing to the usual volume, at most 10 % a week", () => {
    const back = returnToTraining({ healedOn: "2026-11-18", weeklyKmAtHealing: 20 }, 30, TODAY)!;
    expect(back.week).toBe(3);
    expect(back.weeks[0]).toEqual({ week: 1, km: 22 });
    for (let i = 1; i < back.weeks.length; i++) expect(back.weeks[i]!.km).toBeLessThanOrEqual(Math.round(back.weeks[i - 1]!.km * 1.1 * 10) / 10);
    expect(back.weeks.at(-1)!.km).toBe(30);
    expect(returnToTraining(null, 30, TODAY)).toBeNull();
  });
});
