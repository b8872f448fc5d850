import { describe, expect, it } from "vitest";
import { gradeCounts, membersOf, poolHashInput, snapshotOf } from "./pool";

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
