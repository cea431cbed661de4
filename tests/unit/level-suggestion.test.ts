import { describe, expect, it } from "vitest";
import { suggestRootLevel, type LevelFindings, type LevelSuggestion } from "@/lib/domain/level-suggestion";

type Change = [path: string, value: unknown];

/** A normal lower-limb exam (MRC 5/5, reflexes and sensation normal, femoral stretch negative) with changes. */
function findings(...changes: Change[]): LevelFindings {
  const both = <T>(value: T) => ({ left: value, right: value });
  const exam: Record<string, unknown> = {
    strength: { L2: both(5), L3: both(5), L4: both(5), L5: both(5), S1: both(5) },
    reflexes: { patellar: both("normal"), achilles: both("normal") },
    sensation: { L4: both("normal"), L5: both("normal"), S1: both("normal") },
    femoralStretch: both("negative"),
  };
  for (const [path, value] of changes) {
    const keys = path.split(".");
    let node = exam;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys.at(-1) as string] = value;
  }
  return exam as LevelFindings;
}

type Expected = Pick<LevelSuggestion, "level" | "side" | "confidence">;

describe("suggestRootLevel: classic patterns", () => {
  it.each<[string, Change[], Expected]>([
    [
      "L4 left: weak dorsiflexion 4/5, reduced patellar reflex, reduced medial lower leg, femoral stretch positive",
      [
        ["strength.L4.left", 4],
        ["reflexes.patellar.left", "reduced"],
        ["sensation.L4.left", "reduced"],
        ["femoralStretch.left", "positive"],
      ],
      { level: "L4", side: "left", confidence: "likely" },
    ],
    [
      "L4 right: weak knee extension 4/5 with an absent patellar reflex",
      [
        ["strength.L3.right", 4],
        ["reflexes.patellar.right", "absent"],
      ],
      { level: "L4", side: "right", confidence: "likely" },
    ],
    [
      "L5 left: weak great-toe extension 4/5, reduced sensation top of foot, reflexes normal",
      [
        ["strength.L5.left", 4],
        ["sensation.L5.left", "reduced"],
      ],
      { level: "L5", side: "left", confidence: "likely" },
    ],
    [
      "S1 right: weak plantarflexion 4/5, absent Achilles reflex, reduced outer foot",
      [
        ["strength.S1.right", 4],
        ["reflexes.achilles.right", "absent"],
        ["sensation.S1.right", "reduced"],
      ],
      { level: "S1", side: "right", confidence: "likely" },
    ],
    ["S1 left: reduced Achilles reflex alone", [["reflexes.achilles.left", "reduced"]], { level: "S1", side: "left", confidence: "possible" }],
    ["L5 right: absent sensation of the great toe alone", [["sensation.L5.right", "absent"]], { level: "L5", side: "right", confidence: "possible" }],
  ])("%s", (_, changes, expected) => {
    expect(suggestRootLevel(findings(...changes))).toMatchObject(expected);
  });

  it("explains each finding with its side and root", () => {
    const { reasons } = suggestRootLevel(findings(["strength.L5.left", 4], ["sensation.L5.left", "reduced"]));
    expect(reasons).toEqual([
      "Findings point to L5 on the left.",
      "Left, L5: weak great-toe extension (MRC 4/5).",
      "Left, L5: reduced sensation, top of the foot and great toe.",
    ]);
  });
});

describe("suggestRootLevel: normal, ambiguous and mixed findings", () => {
  it.each<[string, Change[], Expected, string]>([
    ["normal exam", [], { level: null, side: null, confidence: "none" }, "No motor, reflex or sensory deficit points to L4, L5 or S1."],
    [
      "femoral stretch positive on its own",
      [["femoralStretch.left", "positive"]],
      { level: null, side: null, confidence: "none" },
      "Left: positive femoral stretch test suggests an upper lumbar root (L2–L4).",
    ],
    [
      "tie: weak great-toe extension and reduced Achilles reflex",
      [
        ["strength.L5.left", 4],
        ["reflexes.achilles.left", "reduced"],
      ],
      { level: null, side: null, confidence: "none" },
      "L5 and S1 findings are equally strong; the pattern does not point to one root.",
    ],
    [
      "tie: two L5 signs and two S1 signs",
      [
        ["strength.L5.left", 4],
        ["sensation.L5.left", "reduced"],
        ["strength.S1.left", 4],
        ["reflexes.achilles.left", "reduced"],
      ],
      { level: null, side: null, confidence: "none" },
      "L5 and S1 findings are equally strong; the pattern does not point to one root.",
    ],
    [
      "three S1 signs outweigh one L5 sign",
      [
        ["strength.S1.right", 3],
        ["reflexes.achilles.right", "absent"],
        ["sensation.S1.right", "reduced"],
        ["sensation.L5.right", "reduced"],
      ],
      { level: "S1", side: "right", confidence: "likely" },
      "Does not fit S1: Right, L5: reduced sensation, top of the foot and great toe.",
    ],
    [
      "a positive femoral stretch breaks an L4/S1 tie towards L4, but only as possible",
      [
        ["reflexes.patellar.left", "reduced"],
        ["femoralStretch.left", "positive"],
        ["reflexes.achilles.left", "reduced"],
      ],
      { level: "L4", side: "left", confidence: "possible" },
      "Left, L4: positive femoral stretch test.",
    ],
    [
      "two L4 signs against two L5 signs plus a femoral stretch: L4 but only possible",
      [
        ["strength.L4.left", 4],
        ["sensation.L4.left", "reduced"],
        ["femoralStretch.left", "positive"],
        ["strength.L5.left", 4],
        ["sensation.L5.left", "reduced"],
      ],
      { level: "L4", side: "left", confidence: "possible" },
      "Findings point to L4 on the left.",
    ],
    [
      "weak knee extension and dorsiflexion count as one motor sign",
      [
        ["strength.L3.left", 4],
        ["strength.L4.left", 4],
      ],
      { level: "L4", side: "left", confidence: "possible" },
      "Left, L4: weak knee extension (MRC 4/5).",
    ],
    [
      "brisk reflexes do not fit a root lesion",
      [["reflexes.patellar.right", "brisk"]],
      { level: null, side: null, confidence: "none" },
      "Right: brisk patellar reflex does not fit a root lesion; consider an upper motor neuron cause.",
    ],
    [
      "weak hip flexion points above L4",
      [["strength.L2.left", 4]],
      { level: null, side: null, confidence: "none" },
      "Left: weak hip flexion (MRC 4/5) points above L4 (L2–L3), outside this suggestion.",
    ],
  ])("%s", (_, changes, expected, reason) => {
    const suggestion = suggestRootLevel(findings(...changes));
    expect(suggestion).toMatchObject(expected);
    expect(suggestion.reasons).toContain(reason);
  });

  it("works on a draft with nothing entered yet", () => {
    expect(suggestRootLevel({})).toMatchObject({ level: null, side: null, confidence: "none" });
  });

  it("uses the grades entered so far in a draft", () => {
    expect(suggestRootLevel({ reflexes: { achilles: { right: "absent" } } })).toMatchObject({
      level: "S1",
      side: "right",
      confidence: "possible",
    });
  });
});

describe("suggestRootLevel: both sides", () => {
  const caudaEquina = "Deficits on both sides: check for cauda equina syndrome (red flag).";

  it.each<[string, Change[], Expected]>([
    [
      "S1 on both sides",
      [
        ["strength.S1.left", 4],
        ["strength.S1.right", 4],
        ["reflexes.achilles.left", "absent"],
        ["reflexes.achilles.right", "absent"],
      ],
      { level: "S1", side: "both", confidence: "likely" },
    ],
    [
      "L5 on the left, a single S1 sign on the right",
      [
        ["strength.L5.left", 4],
        ["sensation.L5.left", "reduced"],
        ["reflexes.achilles.right", "reduced"],
      ],
      { level: "L5", side: "left", confidence: "likely" },
    ],
    [
      "L5 on the left and S1 on the right, equally strong",
      [
        ["strength.L5.left", 4],
        ["strength.S1.right", 4],
      ],
      { level: null, side: null, confidence: "none" },
    ],
  ])("%s: warns about cauda equina", (_, changes, expected) => {
    const suggestion = suggestRootLevel(findings(...changes));
    expect(suggestion).toMatchObject(expected);
    expect(suggestion.reasons).toContain(caudaEquina);
  });

  it("does not warn when every deficit is on one side", () => {
    const suggestion = suggestRootLevel(findings(["strength.S1.left", 4], ["reflexes.achilles.left", "absent"]));
    expect(suggestion.reasons).not.toContain(caudaEquina);
  });
});
