import { describe, expect, it } from "vitest";
import { gradeCounts, membersOf, parsePoolIds, poolHashInput, poolMembersText, poolsOverlap } from "./pool";

describe("pool snapshot — issue 12 §3: a changed or altered pool is told by its hash", () => {
  it("the hashed text is the members as stored, '|', the grades: one changed member or grade changes it", () => {
    const ids = poolMembersText([2, 5, 9]);
    expect(poolHashInput(ids, "ABD")).toBe("2,5,9|ABD");
    expect(poolHashInput(ids, "ABC")).not.toBe(poolHashInput(ids, "ABD"));
    expect(poolHashInput(poolMembersText([2, 5, 10]), "ABD")).not.toBe(poolHashInput(ids, "ABD"));
    // the published pool is hashed the same way over its USCCs
    expect(poolHashInput(poolMembersText(["91360100A", "91360100B"]), "AD")).toBe("91360100A,91360100B|AD");
  });
  it("a snapshot whose parts do not line up is refused", () => {
    expect(membersOf([1, 2], "A")).toBeNull();
    expect(membersOf([1], "E")).toBeNull();
    expect(membersOf([2, 5], "AB")).toEqual([
      { id: 2, grade: "A" },
      { id: 5, grade: "B" },
    ]);
    expect(gradeCounts("AABD")).toEqual({ A: 2, B: 1, C: 0, D: 1 });
  });
});

describe("a stored snapshot read back — issue 12 §3: the ids exactly as they were stored", () => {
  it("reads what poolMembersText wrote, and nothing else as an id", () => {
    const ids = [1, 9, 10, 4_600_083, 9_007_199_254_740_991];
    expect(parsePoolIds(poolMembersText(ids))).toEqual(ids);
    expect(parsePoolIds("")).toEqual([]);
    expect(parsePoolIds("7")).toEqual([7]);
    // an altered snapshot gives NaN where it was altered, so it cannot line up with a real pool
    expect(parsePoolIds("1,,3")).toEqual([1, Number.NaN, 3]);
    expect(parsePoolIds("1,2x,3")).toEqual([1, Number.NaN, 3]);
    expect(parsePoolIds("1, 2")).toEqual([1, Number.NaN]);
    expect(parsePoolIds("1,2,")).toEqual([1, 2, Number.NaN]);
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
