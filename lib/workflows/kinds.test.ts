import { describe, expect, it } from "vitest";
import { CASE_KIND, CASE_KINDS, caseKindOf } from "./kinds";
import { personEvents } from "./machine";

describe("the case-kind registry (issue 21 §3): each kind registered once, consistent with its machine", () => {
  it("registers every kind, and only those, by its URL segment", () => {
    expect(Object.keys(CASE_KIND).sort()).toEqual([...CASE_KINDS].sort());
    expect(caseKindOf("repairs")).toBe("repairs");
    expect(caseKindOf("list-entries")).toBeUndefined();
  });
  it("counts as waiting only states its machine can leave, and names each state", () => {
    for (const kind of CASE_KINDS) {
      const { machine, waiting } = CASE_KIND[kind];
      expect(waiting.length, kind).toBeGreaterThan(0);
      for (const s of waiting) {
        expect(machine.states, kind).toContain(s);
        expect(machine.final, kind).not.toContain(s);
      }
      for (const s of machine.states) expect(machine.labels[s], `${kind} ${s}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it("every step a person takes has its button's Chinese label", () => {
    for (const kind of CASE_KINDS) {
      const { machine } = CASE_KIND[kind];
      for (const e of personEvents(machine))
        expect(machine.events[e]?.label, `${kind} ${e}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
