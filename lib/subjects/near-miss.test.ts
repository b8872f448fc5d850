import { describe, expect, it } from "vitest";
import {
  NEAR_MISS_MIN_SCORE,
  nearMissGrams,
  nearMissLookup,
  nearMissScore,
  scanFinds,
  usccNeighbours,
} from "./near-miss";
import { checkUscc, withUsccCheckChar } from "./uscc";

describe("nearMissGrams — what a near miss still shares (issue 25 §1)", () => {
  it("holds the query's own grams", () => {
    expect(nearMissGrams("南昌森航")).toEqual(expect.arrayContaining(["南昌", "昌森", "森航"]));
  });
  it("holds the gram a dropped character leaves and the pair a swap reverses", () => {
    // 南昌航森 typed for 南昌森航: 昌森 (skip one) and 森航 (reversed) are the true name's
    expect(nearMissGrams("南昌航森")).toEqual(expect.arrayContaining(["昌森", "森航"]));
  });
  it("has no single characters and ignores spaces", () => {
    expect(nearMissGrams("森航 建设").every((g) => Array.from(g).length === 2)).toBe(true);
    expect(nearMissGrams("森航 建设")).toContain("航建");
  });
});

describe("nearMissScore — ranking of 「您是不是要找」", () => {
  const meant = "南昌森航建设工程有限公司";
  it.each([
    ["one character off", "南昌森航建筑"],
    ["one character dropped", "南昌森建设"],
    ["two characters swapped", "南昌航森建设"],
    ["one character added", "南昌森航宇建设"],
  ])("%s still clears the bar for the name meant", (_, typed) => {
    expect(nearMissScore(typed, meant)).toBeGreaterThanOrEqual(NEAR_MISS_MIN_SCORE);
  });
  it("the name meant scores above one that shares only common words", () => {
    expect(nearMissScore("南昌森航建筑", meant)).toBeGreaterThan(
      nearMissScore("南昌森航建筑", "南昌市红谷滩区建筑工程有限公司"),
    );
  });
  it("a dropped character's name beats a name without that character", () => {
    expect(nearMissScore("南昌森建设工程", meant)).toBeGreaterThan(
      nearMissScore("南昌森建设工程", "南昌建设工程有限公司"),
    );
  });
  it("is the share of the query's grams the name holds times the share of its characters", () => {
    // 南昌森航建筑: five own grams, four in the name (not 建筑); five of six characters (not 筑)
    expect(nearMissScore("南昌森航建筑", meant)).toBeCloseTo((4 / 5) * (5 / 6), 10);
    // 南昌航森建设: own 南昌 建设 (2 of 5) plus the swap's 森航 and the skips' 昌森 航建 at three quarters
    expect(nearMissScore("南昌航森建设", meant)).toBeCloseTo(Math.min(1, (2 + 3 * 0.75) / 5), 10);
  });
  it("a name with nothing in common scores 0; so does an empty query", () => {
    expect(nearMissScore("森航建设", "赣州稀土矿业")).toBe(0);
    expect(nearMissScore("", meant)).toBe(0);
  });
});

describe("usccNeighbours — a code with one wrong character (issue 25 §1, GB 32100)", () => {
  const code = withUsccCheckChar("91360100MA2Y1B2C3");
  it.each([0, 3, 8, 12, 16, 17])("finds the code when character %i is wrong", (i) => {
    const wrong = code.slice(0, i) + (code.charAt(i) === "7" ? "8" : "7") + code.slice(i + 1);
    expect(checkUscc(wrong).valid).toBe(false);
    const near = usccNeighbours(wrong);
    expect(near).toContain(code);
    expect(near.every((c) => checkUscc(c).valid)).toBe(true);
  });
  it("an O typed for a 0 is fixed at its place only", () => {
    const wrong = `${code.slice(0, 2)}O${code.slice(3)}`;
    expect(code.charAt(2)).toBe("3");
    expect(usccNeighbours(`${code.slice(0, 2)}O${code.slice(3)}`).length).toBeGreaterThan(0);
    expect(
      usccNeighbours(wrong).every((c) => c.slice(0, 2) === code.slice(0, 2) && c.slice(3) === code.slice(3)),
    ).toBe(true);
  });
  it("a valid code has no valid neighbour: one substitution always breaks the check", () => {
    expect(usccNeighbours(code)).toEqual([]);
  });
  it("anything but 18 characters has none", () => {
    expect(usccNeighbours(code.slice(0, 17))).toEqual([]);
  });
});

describe("nearMissLookup — which grams a near miss is looked up by (issue 25 §1)", () => {
  const names: Record<string, number> = { 公司: 90_000, 有限: 88_000, 宏航: 400, 航文: 900, 文化: 20_000 };
  const holding = (g: string) => names[g];
  it("every gram the statistics do not list, then the listed ones rarest first within the budget", () => {
    expect(nearMissLookup(["公司", "宏航", "航文", "传据", "文化"], holding, 2000)).toEqual([
      "传据",
      "宏航",
      "航文",
    ]);
  });
  it("stops at the first listed gram, rarest first, that would pass the budget", () => {
    expect(nearMissLookup(["航文", "宏航", "文化"], holding, 1000)).toEqual(["宏航"]);
  });
  it("takes at least the rarest gram when every gram is common", () => {
    expect(nearMissLookup(["公司", "有限"], holding, 2000)).toEqual(["有限"]);
  });
  it("nothing to look up by: nothing", () => {
    expect(nearMissLookup([], holding, 2000)).toEqual([]);
  });
});

describe("scanFinds — issue 24 §1: a name made of frequent grams is found by a scan that LIMIT stops", () => {
  // 1,000 names: 公司 and 有限 held by 600, 限公 by 300, 家政 by 25, 瑞川 by none listed
  const held: Record<string, number> = { 公司: 600, 有限: 600, 限公: 300, 家政: 25 };
  const namesHolding = (g: string) => held[g];
  it("scans when every two-character gram of the one fragment reaches the share", () => {
    expect(scanFinds(["有限公司"], namesHolding, 1000, 0.02)).toBe(true);
    expect(scanFinds(["家政"], namesHolding, 1000, 0.02)).toBe(true);
  });
  it("uses the index when one gram is rarer, or unlisted, or there is more than one fragment", () => {
    expect(scanFinds(["家政"], namesHolding, 1000, 0.03)).toBe(false);
    expect(scanFinds(["瑞川公司"], namesHolding, 1000, 0.02)).toBe(false);
    expect(scanFinds(["有限", "公司"], namesHolding, 1000, 0.02)).toBe(false);
    expect(scanFinds(["公"], namesHolding, 1000, 0.02)).toBe(false);
    expect(scanFinds(["公司"], namesHolding, 0, 0.02)).toBe(false);
  });
});
