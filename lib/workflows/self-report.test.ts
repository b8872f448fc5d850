import { describe, expect, it } from "vitest";
import { SYSTEM, transition, type WorkflowActor } from "./machine";
import {
  SELF_REPORT_CATEGORY_LABELS,
  SELF_REPORT_INITIAL,
  SELF_REPORT_STATES,
  type SelfReportEvent,
  type SelfReportState,
  selfReportMachine,
} from "./self-report";

const now = new Date("2026-12-01T08:00:00Z");
const DEPT = 4;
const reviewer = (departmentId: number): WorkflowActor => ({ id: 7, roles: ["reviewer"], departmentId });
const at = (state: SelfReportState) => ({ state, deptId: DEPT });

/*
 * 2020 plan §11: a business reports its own credit information with a truthfulness commitment; a reviewer of
 * the department it names verifies (核验) or rejects it, once. Written out from the rule.
 */
const ALLOWED: [SelfReportState, SelfReportEvent, SelfReportState][] = [
  ["submitted", "verify", "verified"],
  ["submitted", "reject", "rejected"],
];
const EVENTS: SelfReportEvent[] = ["verify", "reject"];

describe("self-report (2020 plan §11): the allowed steps, by a reviewer of the named department", () => {
  it("starts as submitted (待核验)", () => {
    expect(SELF_REPORT_INITIAL).toBe("submitted");
  });

  for (const [from, event, to] of ALLOWED)
    it(`${from} —${event}→ ${to}`, () => {
      expect(transition(selfReportMachine, at(from), event, reviewer(DEPT), now)).toEqual({
        ok: true,
        from,
        next: to,
      });
    });

  it("reports the four categories of 2020 plan §11: 证照资质, 表彰评优, 公益慈善, 履约践诺", () => {
    expect(Object.values(SELF_REPORT_CATEGORY_LABELS).sort()).toEqual(
      ["证照资质", "表彰评优", "公益慈善", "履约践诺"].sort(),
    );
  });
});

describe("self-report (2020 plan §11): a settled report cannot be settled again — code state", () => {
  for (const state of SELF_REPORT_STATES)
    for (const event of EVENTS) {
      if (ALLOWED.some(([from, e]) => from === state && e === event)) continue;
      it(`${state} —${event}→ refused`, () => {
        expect(transition(selfReportMachine, at(state), event, reviewer(DEPT), now)).toEqual({
          ok: false,
          code: "state",
          refused: `当前状态为“${selfReportMachine.labels[state]}”，不能再执行此操作。`,
        });
      });
    }

  it("the final states are exactly those no event leaves (verified, rejected)", () => {
    const leaving = new Set(ALLOWED.map(([from]) => from));
    expect([...selfReportMachine.final].sort()).toEqual(
      SELF_REPORT_STATES.filter((s) => !leaving.has(s)).sort(),
    );
    expect([...selfReportMachine.final].sort()).toEqual(["rejected", "verified"]);
  });
});

describe("self-report (2020 plan §11, DOMAIN §11): only a reviewer of the named department — code actor", () => {
  const others: [string, WorkflowActor][] = [
    ["another department's reviewer", reviewer(DEPT + 1)],
    ["an operator of the same department", { id: 8, roles: ["operator"], departmentId: DEPT }],
    ["a supervisor of the same department", { id: 9, roles: ["supervisor"], departmentId: DEPT }],
    ["the reporting business", { id: 10, roles: ["business"], departmentId: null }],
    ["a reviewer with no department", { id: 11, roles: ["reviewer"], departmentId: null }],
    ["the system", SYSTEM],
  ];
  for (const [from, event] of ALLOWED)
    for (const [who, actor] of others)
      it(`${from} —${event}→ refused for ${who}`, () => {
        const r = transition(selfReportMachine, at(from), event, actor, now);
        expect(r).toMatchObject({ ok: false, code: "actor" });
        if (!r.ok) expect(r.refused).toMatch(/审核员/);
      });
});
