import { describe, expect, it } from "vitest";
import {
  COMMITMENT_INITIAL,
  COMMITMENT_STATES,
  type CommitmentEvent,
  type CommitmentState,
  commitmentColumns,
  commitmentMachine,
  commitmentState,
} from "./commitment";
import { SYSTEM, transition, type WorkflowActor } from "./machine";

const now = new Date("2026-12-01T08:00:00Z");
const DEPT = 2;
const reviewer = (departmentId: number): WorkflowActor => ({ id: 7, roles: ["reviewer"], departmentId });
const at = (state: CommitmentState) => ({ state, deptId: DEPT });

/*
 * DOMAIN §6: a business signs; a reviewer of the receiving department approves (通过 → 履约中) or returns
 * (退回) it; an approved commitment is then found 已履约 or 违诺 by that department. Written out here
 * from the rule, not read back from the machine.
 */
const ALLOWED: [CommitmentState, CommitmentEvent, CommitmentState][] = [
  ["submitted", "approve", "in_progress"],
  ["submitted", "return", "returned"],
  ["in_progress", "fulfil", "fulfilled"],
  ["in_progress", "breach", "breached"],
];
const EVENTS: CommitmentEvent[] = ["approve", "return", "fulfil", "breach"];

describe("commitment (DOMAIN §6): the allowed steps, by a reviewer of the receiving department", () => {
  it("starts as submitted (待审核): a signed commitment waits for review", () => {
    expect(COMMITMENT_INITIAL).toBe("submitted");
  });

  for (const [from, event, to] of ALLOWED)
    it(`${from} —${event}→ ${to}`, () => {
      expect(transition(commitmentMachine, at(from), event, reviewer(DEPT), now)).toEqual({
        ok: true,
        from,
        next: to,
      });
    });

  it("shows the public 履约 statuses with DOMAIN §6's words: 履约中, 已履约, 违诺", () => {
    expect(commitmentMachine.labels.in_progress).toBe("履约中");
    expect(commitmentMachine.labels.fulfilled).toBe("已履约");
    expect(commitmentMachine.labels.breached).toBe("违诺");
  });
});

describe("commitment (DOMAIN §6): every event from a state it may not leave is refused with code state", () => {
  for (const state of COMMITMENT_STATES)
    for (const event of EVENTS) {
      if (ALLOWED.some(([from, e]) => from === state && e === event)) continue;
      it(`${state} —${event}→ refused`, () => {
        expect(transition(commitmentMachine, at(state), event, reviewer(DEPT), now)).toEqual({
          ok: false,
          code: "state",
          refused: `当前状态为“${commitmentMachine.labels[state]}”，不能再执行此操作。`,
        });
      });
    }

  it("the final states (已退回, 已履约, 违诺) are exactly those no event leaves", () => {
    const leaving = new Set(ALLOWED.map(([from]) => from));
    expect([...commitmentMachine.final].sort()).toEqual(
      COMMITMENT_STATES.filter((s) => !leaving.has(s)).sort(),
    );
    expect([...commitmentMachine.final].sort()).toEqual(["breached", "fulfilled", "returned"]);
  });
});

describe("commitment (DOMAIN §6, §11): only a reviewer of the receiving department acts — code actor", () => {
  const others: [string, WorkflowActor][] = [
    ["another department's reviewer", reviewer(DEPT + 1)],
    ["an operator of the same department", { id: 8, roles: ["operator"], departmentId: DEPT }],
    ["a supervisor of the same department", { id: 9, roles: ["supervisor"], departmentId: DEPT }],
    ["the business that signed it", { id: 10, roles: ["business"], departmentId: null }],
    ["a reviewer with no department", { id: 11, roles: ["reviewer"], departmentId: null }],
    ["the system", SYSTEM],
  ];
  for (const [from, event] of ALLOWED)
    for (const [who, actor] of others)
      it(`${from} —${event}→ refused for ${who}`, () => {
        const r = transition(commitmentMachine, at(from), event, actor, now);
        expect(r).toMatchObject({ ok: false, code: "actor" });
        if (!r.ok) expect(r.refused).toMatch(/审核员/);
      });

  it("an operator who is also a reviewer of the department may act (the reviewer role is what counts)", () => {
    const both = { id: 12, roles: ["operator", "reviewer"], departmentId: DEPT };
    expect(transition(commitmentMachine, at("submitted"), "approve", both, now)).toMatchObject({ ok: true });
  });
});

describe("commitmentState / commitmentColumns: the review status + public 履约 columns (DOMAIN §6)", () => {
  it.each(COMMITMENT_STATES)("round-trips %s", (state) => {
    expect(commitmentState(commitmentColumns(state))).toBe(state);
  });

  it("only an approved commitment carries a 履约 status: approved rows store status approved", () => {
    for (const state of ["in_progress", "fulfilled", "breached"] as const)
      expect(commitmentColumns(state)).toEqual({ status: "approved", fulfilment: state });
    expect(commitmentColumns("submitted").status).toBe("submitted");
    expect(commitmentColumns("returned").status).toBe("returned");
  });

  it("a row not approved is read by its review status, whatever the fulfilment column says", () => {
    expect(commitmentState({ status: "returned", fulfilment: "breached" })).toBe("returned");
    expect(commitmentState({ status: "submitted", fulfilment: "fulfilled" })).toBe("submitted");
  });

  it("an approved row is read by its 履约 status", () => {
    expect(commitmentState({ status: "approved", fulfilment: "in_progress" })).toBe("in_progress");
    expect(commitmentState({ status: "approved", fulfilment: "fulfilled" })).toBe("fulfilled");
    expect(commitmentState({ status: "approved", fulfilment: "breached" })).toBe("breached");
  });
});
