import { describe, expect, it } from "vitest";
import type { Grade } from "../policy";
import {
  confirmationDifference,
  drawCount,
  drawnFromText,
  drawnTotal,
  drawProblem,
  firstDifference,
  type PoolMember,
  prngOfSeed,
  replayPublished,
  resultHashInput,
  runDraw,
  uniform,
  xoshiro128ss,
} from "./draw";

const SEED = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const RATIOS: Record<Grade, number> = { A: 0.03, B: 0.05, C: 0.1, D: 0.3 };
const pool = (n: number): PoolMember[] =>
  Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    grade: (["A", "B", "C", "D"] as const)[i % 4] as Grade,
  }));
const INSPECTORS = [11, 12, 13, 14, 15];

describe("xoshiro128** (the named PRNG of a draw, so a third party can re-implement it)", () => {
  it("gives the reference implementation's first ten outputs for the state {1, 2, 3, 4}", () => {
    const p = xoshiro128ss([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => p.next())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });
  it("reads its state from the seed's first 32 hex digits, big-endian", () => {
    const a = prngOfSeed(`00000001000000020000000300000004${"f".repeat(32)}`);
    expect(a.next()).toBe(11520);
  });
  it("refuses a seed that is not 64 hex digits, or an all-zero state", () => {
    expect(() => prngOfSeed("abc")).toThrow();
    expect(() => prngOfSeed("0".repeat(64))).toThrow();
  });
  it("uniform(n) stays in range and reaches every value", () => {
    const p = prngOfSeed(SEED);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = uniform(p, 7);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(7);
      seen.add(x);
    }
    expect(seen.size).toBe(7);
  });
});

describe("runDraw — DOMAIN §9 双随机: subjects per grade at its ratio, two distinct inspectors each", () => {
  it("draws ⌈n × ratio⌉ of each grade (A 3 %, B 5 %, C 10 %, D 30 %)", () => {
    const r = runDraw({ seed: SEED, ratios: RATIOS, pool: pool(4000), inspectors: INSPECTORS });
    expect(r.perGrade).toEqual({
      A: { pool: 1000, drawn: 30 },
      B: { pool: 1000, drawn: 50 },
      C: { pool: 1000, drawn: 100 },
      D: { pool: 1000, drawn: 300 },
    });
    expect(r.drawn).toHaveLength(480);
    expect(new Set(r.drawn.map((d) => d.id)).size).toBe(480);
  });
  it("gives each drawn subject two different inspectors from the pool", () => {
    const r = runDraw({ seed: SEED, ratios: RATIOS, pool: pool(400), inspectors: INSPECTORS });
    for (const d of r.drawn) {
      expect(d.inspectors[0]).not.toBe(d.inspectors[1]);
      expect(INSPECTORS).toContain(d.inspectors[0]);
      expect(INSPECTORS).toContain(d.inspectors[1]);
    }
  });
  it("is reproducible from the seed whatever order the pool and inspectors come in", () => {
    const a = runDraw({ seed: SEED, ratios: RATIOS, pool: pool(400), inspectors: INSPECTORS });
    const b = runDraw({
      seed: SEED,
      ratios: RATIOS,
      pool: pool(400).reverse(),
      inspectors: [...INSPECTORS].reverse(),
    });
    expect(firstDifference(a.drawn, b.drawn)).toBeNull();
  });
  it("draws the same from a stored snapshot (ids and their grade letters) as from its members", () => {
    const members = pool(400);
    const snapshot = { ids: members.map((m) => m.id), grades: members.map((m) => m.grade).join("") };
    const a = runDraw({ seed: SEED, ratios: RATIOS, pool: members, inspectors: INSPECTORS });
    const b = runDraw({ seed: SEED, ratios: RATIOS, pool: snapshot, inspectors: INSPECTORS });
    expect(b).toEqual(a);
    // a snapshot whose two parts do not line up is no pool
    const short = { ids: snapshot.ids.slice(1), grades: snapshot.grades };
    expect(drawProblem({ ratios: RATIOS, pool: short, inspectors: INSPECTORS })).toMatch(/不对应/);
    expect(drawProblem({ ratios: RATIOS, pool: { ids: [1], grades: "E" }, inspectors: INSPECTORS })).toMatch(
      /不对应/,
    );
    expect(drawProblem({ ratios: RATIOS, pool: { ids: [], grades: "" }, inspectors: INSPECTORS })).toMatch(
      /为空/,
    );
  });
  it("a different seed draws differently, and firstDifference says where", () => {
    const a = runDraw({ seed: SEED, ratios: RATIOS, pool: pool(400), inspectors: INSPECTORS });
    const b = runDraw({ seed: `f${SEED.slice(1)}`, ratios: RATIOS, pool: pool(400), inspectors: INSPECTORS });
    expect(firstDifference(a.drawn, b.drawn)).toMatch(/^第 \d+ 位/);
  });
  it("a grade with ratio 0 is not drawn; ratio 1 draws all", () => {
    const r = runDraw({
      seed: SEED,
      ratios: { A: 0, B: 1, C: 0, D: 0 },
      pool: pool(40),
      inspectors: INSPECTORS,
    });
    expect(r.drawn.map((d) => d.grade)).toEqual(Array(10).fill("B"));
  });
  it("drawCount rounds up and never exceeds the group", () => {
    expect(drawCount(10, 0.03)).toBe(1);
    expect(drawCount(100, 0.03)).toBe(3);
    expect(drawCount(0, 0.3)).toBe(0);
    expect(drawCount(5, 1)).toBe(5);
  });
});

describe("drawProblem — issue 12 bad input", () => {
  it("refuses a ratio outside 0–100 %", () => {
    expect(drawProblem({ ratios: { ...RATIOS, C: 1.2 }, pool: pool(4), inspectors: INSPECTORS })).toContain(
      "0%–100%",
    );
    expect(drawProblem({ ratios: { ...RATIOS, A: -0.1 }, pool: pool(4), inspectors: INSPECTORS })).toContain(
      "A 级",
    );
  });
  it("refuses an empty pool", () => {
    expect(drawProblem({ ratios: RATIOS, pool: [], inspectors: INSPECTORS })).toContain("对象库为空");
  });
  it("refuses fewer than 2 distinct inspectors", () => {
    expect(drawProblem({ ratios: RATIOS, pool: pool(4), inspectors: [11, 11] })).toContain("至少选择 2 名");
  });
});

describe("a draw against its confirmation's audit row — issue 20 N16: a consistent re-forge is still told", () => {
  const drawn = [
    { id: 7, grade: "D" as Grade, inspectors: [1, 2] as [number, number] },
    { id: 3, grade: "A" as Grade, inspectors: [2, 1] as [number, number] },
  ];
  const stored = {
    drawNo: "CC2026000001",
    seed: "a".repeat(64),
    poolHash: "b".repeat(64),
    drawn: 2,
    resultHash: "c".repeat(64),
  };
  it("hashes the result line by line, in drawn order, with both inspectors", () => {
    expect(resultHashInput(drawn)).toBe("1:7:D:1,2\n2:3:A:2,1");
    expect(resultHashInput([...drawn].reverse())).not.toBe(resultHashInput(drawn));
  });
  it("reads the stored result text back, in drawn order, as far as asked (a preview keeps its result so)", () => {
    const result = runDraw({ seed: SEED, ratios: RATIOS, pool: pool(400), inspectors: [4, 9, 11] });
    const text = resultHashInput(result.drawn);
    expect(drawnFromText(text)).toEqual(result.drawn);
    expect(drawnFromText(text, 5)).toEqual(result.drawn.slice(0, 5));
    expect(drawnTotal(result.perGrade)).toBe(result.drawn.length);
    expect(drawnFromText("")).toEqual([]);
  });
  it("refuses a stored result that is not the hashed text: a line out of order, a grade or an inspector missing", () => {
    expect(drawnFromText("2:7:D:1,2")).toBeNull();
    expect(drawnFromText("1:7:E:1,2")).toBeNull();
    expect(drawnFromText("1:7:D:1")).toBeNull();
    expect(drawnFromText("1:7:D:1,2\n")).toBeNull();
  });
  it("passes a draw that is what was recorded", () => {
    expect(confirmationDifference({ ...stored }, stored)).toBeNull();
  });
  it("names every field that differs from the record: a new seed and pool; an older record without a result hash", () => {
    expect(
      confirmationDifference({ ...stored, seed: "d".repeat(64), poolHash: "e".repeat(64) }, stored),
    ).toBe("与确认时的审计记录不符（随机种子、对象库哈希）：抽查记录在确认后被改动过。");
    // a confirmation recorded before the result hash was: held to what it does record
    const legacy = { drawNo: stored.drawNo, seed: stored.seed, poolHash: stored.poolHash, drawn: 2 };
    expect(confirmationDifference(legacy, stored)).toBeNull();
    expect(confirmationDifference({ ...legacy, drawn: 3 }, stored)).toMatch(/（抽中户数）/);
  });
});

describe("replayPublished — issue 21: anyone re-runs a published draw from its inputs file alone", () => {
  // the pool published as USCCs in the stored (ascending id) order, as /supervision/draws/{no}/inputs does
  const members = pool(400);
  const usccOf = (id: number) => `91360100MA${String(id).padStart(8, "0")}`;
  const { drawn } = runDraw({ seed: SEED, ratios: RATIOS, pool: members, inspectors: INSPECTORS });
  const published = {
    seed: SEED,
    ratios: RATIOS,
    inspectors: INSPECTORS,
    pool: { usccs: members.map((m) => usccOf(m.id)), grades: members.map((m) => m.grade).join("") },
    result: drawn.map((d, i) => ({
      seq: i + 1,
      uscc: usccOf(d.id),
      grade: d.grade,
      inspectors: d.inspectors,
    })),
  };

  it("the file's own pool, seed and ratios give its result", () => {
    expect(drawn.length).toBeGreaterThan(10);
    expect(replayPublished(published)).toBeNull();
  });

  it("a result with one subject swapped for another, or a reordered pool, is told at its position", () => {
    const other = members.find((m) => !drawn.some((d) => d.id === m.id) && m.grade === drawn[0]?.grade);
    const swapped = {
      ...published,
      result: published.result.map((r, i) => (i === 0 && other ? { ...r, uscc: usccOf(other.id) } : r)),
    };
    expect(replayPublished(swapped)).toMatch(/^第 1 位/);
    const reordered = {
      ...published,
      pool: {
        usccs: [...published.pool.usccs].reverse(),
        grades: [...published.pool.grades].reverse().join(""),
      },
    };
    expect(replayPublished(reordered)).not.toBeNull();
  });
});
