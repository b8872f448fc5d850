import { describe, expect, it } from "vitest";
import { gradeCounts, membersOf, poolHashInput, poolsOverlap, snapshotOf } from "./pool";

describe("pool snapshot — issue 12 §3: a changed or altered pool is told by its hash", () => {
  const pool = [
    { id: 9, grade: "D" as const },
    { id: 2, grade: "A" as const },
    { id: 5, grade: "B" as const },
  ];
  it("ids ascending with their grades in the same order; order of input does not matter", () => {
    const s = snapshotOf(pool);
    expect(s).toEqual({ ids: [2, 5, 9], grades: "ABD" });
    expect(snapshotOf([...pool].reverse())).toEqual(s);
    expect(membersOf(s.ids, s.grades)).toEqual([...pool].sort((a, b) => a.id - b.id));
  });
  it("the hashed text names every id and grade, so one changed id or grade changes it", () => {
    const s = snapshotOf(pool);
    expect(poolHashInput(s.ids, s.grades)).toBe("2,5,9|ABD");
    expect(poolHashInput(s.ids, "ABC")).not.toBe(poolHashInput(s.ids, s.grades));
    expect(poolHashInput([2, 5, 10], s.grades)).not.toBe(poolHashInput(s.ids, s.grades));
  });
  it("a snapshot whose parts do not line up is refused", () => {
    expect(membersOf([1, 2], "A")).toBeNull();
    expect(membersOf([1], "E")).toBeNull();
    expect(gradeCounts("AABD")).toEqual({ A: 2, B: 1, C: 0, D: 1 });
  });
});

describe("previews counted against a draw — issue 20 N6: every preview over a pool that shares subjects", () => {
  it("overlaps whenever a region lies within the other and kind and industry do not differ", () => {
    expect(poolsOverlap({ regionCode: "360100" }, { regionCode: "360100" })).toBe(true);
    expect(poolsOverlap({ regionCode: "360100" }, { regionCode: "360102" })).toBe(true);
    expect(poolsOverlap({}, { regionCode: "360702", industry: "F" })).toBe(true);
    expect(poolsOverlap({ regionCode: "360000" }, { regionCode: "360100" })).toBe(true);
    expect(poolsOverlap({ regionCode: "360100", kind: "legal_person" }, { regionCode: "3601" })).toBe(true);
  });
  it("does not overlap across cities, kinds or industries", () => {
    expect(poolsOverlap({ regionCode: "360100" }, { regionCode: "360700" })).toBe(false);
    expect(poolsOverlap({ regionCode: "360102" }, { regionCode: "360103" })).toBe(false);
    expect(poolsOverlap({ kind: "legal_person" }, { kind: "individual_business" })).toBe(false);
    expect(poolsOverlap({ industry: "F" }, { industry: "G" })).toBe(false);
  });
});
