import {
  LIMB_SIDES,
  sensationAreas,
  strengthTests,
  type ExamDraft,
  type LimbSide,
  type SensationRoot,
  type StrengthRoot,
} from "@/lib/domain/exam";

export const ROOT_LEVELS = ["L4", "L5", "S1"] as const;
export type RootLevel = (typeof ROOT_LEVELS)[number];
export type SuggestionConfidence = "none" | "possible" | "likely";

/** Works on a draft as well as a signed exam, so the suggestion can update while the form is filled. */
export type LevelFindings = Pick<ExamDraft, "strength" | "reflexes" | "sensation" | "femoralStretch">;

export interface LevelSuggestion {
  level: RootLevel | null;
  side: "left" | "right" | "both" | null;
  reasons: string[];
  confidence: SuggestionConfidence;
}

type SignKind = "motor" | "reflex" | "sensory" | "supporting";

interface Sign {
  level: RootLevel;
  side: LimbSide;
  kind: SignKind;
  finding: string;
}

const sideName: Record<LimbSide, string> = { left: "Left", right: "Right" };

function muscleOf(root: StrengthRoot): string {
  return (strengthTests.find((test) => test.root === root)?.muscle ?? root).toLowerCase();
}

function areaOf(root: SensationRoot): string {
  return (sensationAreas.find((area) => area.root === root)?.area ?? root).toLowerCase();
}

// The dermatome/myotome map of DOMAIN.md §3. Knee extension (L3–L4) counts towards L4 as the
// same motor sign as dorsiflexion, so one weak L4 myotome is not counted twice.
function signsOn(findings: LevelFindings, side: LimbSide): Sign[] {
  const signs: Sign[] = [];
  const add = (level: RootLevel, kind: SignKind, finding: string) => signs.push({ level, side, kind, finding });

  const weak = (root: StrengthRoot, level: RootLevel) => {
    const grade = findings.strength?.[root]?.[side];
    if (grade !== undefined && grade < 5) add(level, "motor", `weak ${muscleOf(root)} (MRC ${grade}/5)`);
  };
  weak("L3", "L4");
  weak("L4", "L4");
  weak("L5", "L5");
  weak("S1", "S1");

  const patellar = findings.reflexes?.patellar?.[side];
  if (patellar === "reduced" || patellar === "absent") add("L4", "reflex", `${patellar} patellar reflex`);
  // The Achilles reflex is the S1 reflex; L5 has no reliable reflex, so a normal one is expected.
  const achilles = findings.reflexes?.achilles?.[side];
  if (achilles === "reduced" || achilles === "absent") add("S1", "reflex", `${achilles} Achilles reflex`);

  for (const root of ["L4", "L5", "S1"] as const) {
    const grade = findings.sensation?.[root]?.[side];
    if (grade === "reduced" || grade === "absent") add(root, "sensory", `${grade} sensation, ${areaOf(root)}`);
  }

  if (findings.femoralStretch?.[side] === "positive") add("L4", "supporting", "positive femoral stretch test");
  return signs;
}

function primaryCount(signs: Sign[], level: RootLevel, side: LimbSide): number {
  const primary = signs.filter((s) => s.level === level && s.side === side && s.kind !== "supporting");
  return new Set(primary.map((s) => s.kind)).size;
}

// A supporting sign only breaks ties between levels that already have a deficit: a positive
// femoral stretch on its own fits L2–L4 and does not point to one root.
function score(signs: Sign[], level: RootLevel, side: LimbSide): number {
  const primary = primaryCount(signs, level, side);
  const supported = signs.some((s) => s.level === level && s.side === side && s.kind === "supporting");
  return primary === 0 ? 0 : primary + (supported ? 0.5 : 0);
}

function describe(sign: Sign): string {
  return `${sideName[sign.side]}, ${sign.level}: ${sign.finding}.`;
}

function cautions(findings: LevelFindings, signs: Sign[]): string[] {
  const notes: string[] = [];
  const primarySides = new Set(signs.filter((s) => s.kind !== "supporting").map((s) => s.side));
  if (primarySides.size === 2) notes.push("Deficits on both sides: check for cauda equina syndrome (red flag).");
  for (const side of LIMB_SIDES) {
    const hip = findings.strength?.L2?.[side];
    if (hip !== undefined && hip < 5) {
      notes.push(`${sideName[side]}: weak hip flexion (MRC ${hip}/5) points above L4 (L2–L3), outside this suggestion.`);
    }
    for (const reflex of ["patellar", "achilles"] as const) {
      if (findings.reflexes?.[reflex]?.[side] === "brisk") {
        const name = reflex === "patellar" ? "patellar" : "Achilles";
        notes.push(
          `${sideName[side]}: brisk ${name} reflex does not fit a root lesion; consider an upper motor neuron cause.`,
        );
      }
    }
    if (findings.femoralStretch?.[side] === "positive" && score(signs, "L4", side) === 0) {
      notes.push(`${sideName[side]}: positive femoral stretch test suggests an upper lumbar root (L2–L4).`);
    }
  }
  return notes;
}

/**
 * Suggests the lumbar root that best explains the deficit pattern (DOMAIN.md §3). It is a prompt
 * for the physician, who decides the level: it scores one point per kind of deficit (motor,
 * reflex, sensory) for each root and side, and gives no level when two roots score the same.
 * "likely" needs two kinds of deficit agreeing on one root with at most one stray sign elsewhere.
 */
export function suggestRootLevel(findings: LevelFindings): LevelSuggestion {
  const signs = LIMB_SIDES.flatMap((side) => signsOn(findings, side));
  const ranked = ROOT_LEVELS.map((level) => {
    const left = score(signs, level, "left");
    const right = score(signs, level, "right");
    return { level, left, right, best: Math.max(left, right) };
  }).sort((a, b) => b.best - a.best);
  const [top, second] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
  const extra = cautions(findings, signs);

  if (top.best === 0) {
    return {
      level: null,
      side: null,
      reasons: ["No motor, reflex or sensory deficit points to L4, L5 or S1.", ...extra],
      confidence: "none",
    };
  }

  if (second.best === top.best) {
    const tied = ranked.filter((r) => r.best === top.best).map((r) => r.level);
    return {
      level: null,
      side: null,
      reasons: [
        `${tied.join(" and ")} findings are equally strong; the pattern does not point to one root.`,
        ...signs.filter((s) => s.kind !== "supporting").map(describe),
        ...extra,
      ],
      confidence: "none",
    };
  }

  const side = top.left > 0 && top.right > 0 ? "both" : top.left > 0 ? "left" : "right";
  const topPrimary = Math.max(primaryCount(signs, top.level, "left"), primaryCount(signs, top.level, "right"));
  const strayPrimary = Math.max(
    0,
    ...ranked.slice(1).flatMap((r) => LIMB_SIDES.map((s) => primaryCount(signs, r.level, s))),
  );
  const confidence = topPrimary >= 2 && strayPrimary <= 1 ? "likely" : "possible";

  const onTop = signs.filter((s) => s.level === top.level);
  const elsewhere = signs.filter((s) => s.level !== top.level && s.kind !== "supporting");
  const sideText = side === "both" ? "on both sides" : `on the ${side}`;
  return {
    level: top.level,
    side,
    reasons: [
      `Findings point to ${top.level} ${sideText}.`,
      ...onTop.map(describe),
      ...elsewhere.map((s) => `Does not fit ${top.level}: ${describe(s)}`),
      ...extra,
    ],
    confidence,
  };
}
