import { describe, expect, it } from "vitest";
import { computeGrade, DEFAULT_GRADING, type GradeFacts, type GradingRules, gradeForScore } from "./grading";

// Builders for DOMAIN §9 facts.
let nextId = 1;
const general = () => ({ id: nextId++, severity: "general" as const, decisionNo: `赣罚〔2026〕${nextId}号` });
const serious = () => ({ id: nextId++, severity: "serious" as const, decisionNo: `赣罚〔2026〕${nextId}号` });
const red = () => ({ id: nextId++, listName: "A级纳税人" });
const keyAttention = () => ({ id: nextId++, listName: "经营异常名录" });
const dishonest = () => ({ id: nextId++, listName: "失信被执行人" });
const commitment = (fulfilment: "in_progress" | "fulfilled" | "breached") => ({
  id: nextId++,
  title: "信用承诺书",
  fulfilment,
});
const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

function facts(p: Partial<GradeFacts> = {}): GradeFacts {
  return { penalties: [], redEntries: [], keyAttention: [], seriousDishonesty: [], commitments: [], ...p };
}

const sumPoints = (r: ReturnType<typeof computeGrade>) => r.contributions.reduce((s, c) => s + c.points, 0);

describe("DEFAULT_GRADING (DOMAIN §9 default values)", () => {
  it("start 100; 一般 −5, 严重 −20, 红名单 +5, 违诺 −10, 已履约 +2; A ≥ 90, B ≥ 75, C ≥ 60", () => {
    expect(DEFAULT_GRADING).toMatchObject({
      start: 100,
      generalPenalty: -5,
      seriousPenalty: -20,
      redListEntry: 5,
      breachedCommitment: -10,
      fulfilledCommitment: 2,
      bands: { A: 90, B: 75, C: 60 },
    });
  });
});

describe("gradeForScore — DOMAIN §9 bands: A ≥ 90, B 75–89, C 60–74, D < 60", () => {
  it.each([
    [200, "A"],
    [100, "A"],
    [90, "A"],
    [89, "B"],
    [75, "B"],
    [74, "C"],
    [60, "C"],
    [59, "D"],
    [0, "D"],
    [-40, "D"],
  ] as const)("%d → %s", (score, grade) => {
    expect(gradeForScore(score)).toBe(grade);
  });

  it("DOMAIN §9 (configurable): custom bands are used when passed", () => {
    const rules: GradingRules = { ...DEFAULT_GRADING, bands: { A: 95, B: 80, C: 50 } };
    expect(gradeForScore(94, rules)).toBe("B");
    expect(gradeForScore(95, rules)).toBe("A");
    expect(gradeForScore(79, rules)).toBe("C");
    expect(gradeForScore(50, rules)).toBe("C");
    expect(gradeForScore(49, rules)).toBe("D");
  });
});

describe("computeGrade — clean subject (DOMAIN §9: start at 100)", () => {
  it("no facts → A, score 100, no contributions, ruleVersion of the rules", () => {
    expect(computeGrade(facts())).toEqual({
      grade: "A",
      score: 100,
      contributions: [],
      ruleVersion: DEFAULT_GRADING.version,
    });
  });

  it("in-progress commitments do not move the score and add no contribution", () => {
    const r = computeGrade(facts({ commitments: times(3, () => commitment("in_progress")) }));
    expect(r.score).toBe(100);
    expect(r.grade).toBe("A");
    expect(r.contributions).toEqual([]);
  });
});

describe("computeGrade — points per fact (DOMAIN §9)", () => {
  it.each([
    ["一般 penalty −5", facts({ penalties: [general()] }), 95, -5],
    ["严重 penalty −20", facts({ penalties: [serious()] }), 80, -20],
    ["red-list entry +5", facts({ redEntries: [red()] }), 105, 5],
    ["违诺 −10", facts({ commitments: [commitment("breached")] }), 90, -10],
    ["已履约 +2", facts({ commitments: [commitment("fulfilled")] }), 102, 2],
  ])("%s", (_label, f, score, points) => {
    const r = computeGrade(f);
    expect(r.score).toBe(score);
    expect(r.contributions).toHaveLength(1);
    expect(r.contributions[0]?.points).toBe(points);
    expect(r.contributions[0]?.cap ?? null).toBeNull();
    expect(r.contributions[0]?.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it("each fact counts: one contribution per fact, score = 100 + Σ points", () => {
    const f = facts({
      penalties: [general(), serious()],
      redEntries: [red()],
      commitments: [
        commitment("breached"),
        commitment("fulfilled"),
        commitment("fulfilled"),
        commitment("in_progress"),
      ],
    });
    const r = computeGrade(f);
    // 100 − 5 − 20 + 5 − 10 + 2 + 2 = 74
    expect(r.score).toBe(74);
    expect(r.grade).toBe("C");
    expect(r.contributions).toHaveLength(6);
    expect(r.contributions.map((c) => c.points).sort((a, b) => a - b)).toEqual([-20, -10, -5, 2, 2, 5]);
    expect(r.score).toBe(100 + sumPoints(r));
    for (const c of r.contributions) expect(c.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it("many penalties can take the score below zero → D", () => {
    const r = computeGrade(facts({ penalties: times(6, serious) }));
    expect(r.score).toBe(-20);
    expect(r.grade).toBe("D");
    expect(r.contributions).toHaveLength(6);
  });
});

describe("computeGrade — band edges reached from facts (DOMAIN §9)", () => {
  it.each([
    ["90 → A (2 × 一般)", facts({ penalties: times(2, general) }), 90, "A"],
    [
      "89 → B (3 × 一般, 2 × 已履约)",
      facts({ penalties: times(3, general), commitments: times(2, () => commitment("fulfilled")) }),
      89,
      "B",
    ],
    ["75 → B (严重 + 一般)", facts({ penalties: [serious(), general()] }), 75, "B"],
    [
      "74 → C (严重 + 违诺 + 2 × 已履约)",
      facts({
        penalties: [serious()],
        commitments: [commitment("breached"), commitment("fulfilled"), commitment("fulfilled")],
      }),
      74,
      "C",
    ],
    ["60 → C (2 × 严重)", facts({ penalties: times(2, serious) }), 60, "C"],
    [
      "59 → D (2 × 严重 + 一般 + 2 × 已履约)",
      facts({
        penalties: [serious(), serious(), general()],
        commitments: times(2, () => commitment("fulfilled")),
      }),
      59,
      "D",
    ],
  ] as const)("%s", (_label, f, score, grade) => {
    const r = computeGrade(f);
    expect(r.score).toBe(score);
    expect(r.grade).toBe(grade);
    expect(r.score).toBe(100 + sumPoints(r));
  });
});

describe("computeGrade — DOMAIN §9: 重点关注 caps at C", () => {
  it("a score of 100 with a key-attention entry is C; the score itself is unchanged", () => {
    const r = computeGrade(facts({ keyAttention: [keyAttention()] }));
    expect(r.grade).toBe("C");
    expect(r.score).toBe(100);
    expect(r.contributions).toHaveLength(1);
    expect(r.contributions[0]).toMatchObject({ points: 0, cap: "C" });
    expect(r.contributions[0]?.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a B score (80) is capped to C", () => {
    const r = computeGrade(facts({ penalties: [serious()], keyAttention: [keyAttention()] }));
    expect(r.score).toBe(80);
    expect(r.grade).toBe("C");
  });

  it("a C score stays C", () => {
    const r = computeGrade(facts({ penalties: times(2, serious), keyAttention: [keyAttention()] }));
    expect(r.score).toBe(60);
    expect(r.grade).toBe("C");
  });

  it("a worse grade stays: a D score with a key-attention entry is D", () => {
    const r = computeGrade(facts({ penalties: times(3, serious), keyAttention: [keyAttention()] }));
    expect(r.score).toBe(40);
    expect(r.grade).toBe("D");
  });

  it("each key-attention entry is listed as a 0-point cap contribution", () => {
    const r = computeGrade(facts({ keyAttention: [keyAttention(), keyAttention()] }));
    const caps = r.contributions.filter((c) => c.cap === "C");
    expect(caps).toHaveLength(2);
    for (const c of caps) expect(c.points).toBe(0);
    expect(r.score).toBe(100 + sumPoints(r));
  });
});

describe("computeGrade — DOMAIN §9: 严重失信名单 forces D", () => {
  it("a score of 100 with a serious-dishonesty entry is D; score unchanged; a 0-point cap D contribution", () => {
    const r = computeGrade(facts({ seriousDishonesty: [dishonest()] }));
    expect(r.grade).toBe("D");
    expect(r.score).toBe(100);
    expect(r.contributions).toHaveLength(1);
    expect(r.contributions[0]).toMatchObject({ points: 0, cap: "D" });
    expect(r.contributions[0]?.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it("forces D even when red-list entries lift the score above 100", () => {
    const r = computeGrade(facts({ redEntries: times(4, red), seriousDishonesty: [dishonest()] }));
    expect(r.score).toBe(120);
    expect(r.grade).toBe("D");
  });

  it("serious dishonesty together with key attention is D", () => {
    const r = computeGrade(facts({ keyAttention: [keyAttention()], seriousDishonesty: [dishonest()] }));
    expect(r.grade).toBe("D");
    expect(r.contributions.filter((c) => c.cap === "C")).toHaveLength(1);
    expect(r.contributions.filter((c) => c.cap === "D")).toHaveLength(1);
  });
});

describe("computeGrade — custom rules as 2nd argument (DOMAIN §9: rule set is ours, configurable)", () => {
  const rules: GradingRules = {
    version: "test-rules-7",
    start: 100,
    generalPenalty: -30,
    seriousPenalty: -50,
    redListEntry: 1,
    breachedCommitment: -1,
    fulfilledCommitment: 10,
    bands: { A: 95, B: 60, C: 40 },
  };

  it("uses the custom points and bands and reports the custom version", () => {
    const r = computeGrade(facts({ penalties: [general()] }), rules);
    expect(r.score).toBe(70);
    expect(r.grade).toBe("B"); // default bands would give C
    expect(r.ruleVersion).toBe("test-rules-7");
    expect(r.contributions[0]?.points).toBe(-30);
  });

  it("every custom point value is applied", () => {
    const r = computeGrade(
      facts({
        penalties: [serious()],
        redEntries: [red()],
        commitments: [commitment("breached"), commitment("fulfilled"), commitment("in_progress")],
      }),
      rules,
    );
    // 100 − 50 + 1 − 1 + 10 = 60
    expect(r.score).toBe(60);
    expect(r.grade).toBe("B");
    expect(r.contributions.map((c) => c.points).sort((a, b) => a - b)).toEqual([-50, -1, 1, 10]);
  });

  it("a custom start changes the base score", () => {
    const r = computeGrade(facts({ penalties: [general()] }), { ...rules, start: 80 });
    expect(r.score).toBe(50);
    expect(r.grade).toBe("C");
  });

  it("caps still apply under custom rules", () => {
    expect(computeGrade(facts({ keyAttention: [keyAttention()] }), rules).grade).toBe("C");
    expect(computeGrade(facts({ seriousDishonesty: [dishonest()] }), rules).grade).toBe("D");
  });
});

describe("computeGrade — DOMAIN §8: a record under objection (核实中) counts against nothing", () => {
  it("a serious penalty being verified takes no points, and says why", () => {
    const p = { ...serious(), underVerification: true };
    const r = computeGrade(facts({ penalties: [p] }));
    expect(r.score).toBe(100);
    expect(r.grade).toBe("A");
    expect(r.contributions).toEqual([
      expect.objectContaining({ rule: "under_verification", refId: p.id, points: 0, cap: null }),
    ]);
  });

  it("a 严重失信 entry being verified does not force D; once verification ends it does", () => {
    const e = dishonest();
    expect(computeGrade(facts({ seriousDishonesty: [{ ...e, underVerification: true }] })).grade).toBe("A");
    expect(computeGrade(facts({ seriousDishonesty: [e] })).grade).toBe("D");
  });

  it("a 重点关注 entry being verified does not cap at C", () => {
    const e = { ...keyAttention(), underVerification: true };
    expect(computeGrade(facts({ keyAttention: [e], redEntries: [red()] })).grade).toBe("A");
  });
});
