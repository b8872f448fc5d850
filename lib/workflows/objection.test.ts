import { describe, expect, it } from "vitest";
import { SYSTEM, transition, type WorkflowActor } from "./machine";
import {
  contactKey,
  OBJECTION_INITIAL,
  OBJECTION_OPEN,
  OBJECTION_STATES,
  type ObjectionEvent,
  type ObjectionState,
  objectionMachine,
} from "./objection";

const now = new Date("2026-12-02T08:00:00Z");
const DEPT = 4;
const ENTERED_BY = 31;
const reviewer = (departmentId: number, id = 7): WorkflowActor => ({ id, roles: ["reviewer"], departmentId });
const at = (state: ObjectionState, recordEnteredBy: number | null = ENTERED_BY) => ({
  state,
  deptId: DEPT,
  recordEnteredBy,
});

/* DOMAIN §8: 已提交 → 核实中 → 更正 / 撤销 / 维持. Written out from the rule. */
const ALLOWED: [ObjectionState, ObjectionEvent, ObjectionState][] = [
  ["submitted", "verify", "verifying"],
  ["verifying", "correct", "corrected"],
  ["verifying", "revoke", "revoked"],
  ["verifying", "uphold", "upheld"],
];
const EVENTS: ObjectionEvent[] = ["verify", "correct", "revoke", "uphold"];

describe("objection (DOMAIN §8): the allowed steps, by a reviewer of the record's department", () => {
  it("starts as submitted (已提交), and is open until answered", () => {
    expect(OBJECTION_INITIAL).toBe("submitted");
    expect([...OBJECTION_OPEN]).toEqual(["submitted", "verifying"]);
  });

  for (const [from, event, to] of ALLOWED)
    it(`${from} —${event}→ ${to}`, () => {
      expect(transition(objectionMachine, at(from), event, reviewer(DEPT), now)).toEqual({
        ok: true,
        from,
        next: to,
      });
    });

  it("shows DOMAIN §8's names: 已提交, 核实中, and the three answers 更正 / 撤销 / 维持", () => {
    expect(OBJECTION_STATES.map((s) => objectionMachine.labels[s])).toEqual([
      "已提交",
      "核实中",
      "已更正",
      "已撤销",
      "维持原记录",
    ]);
  });

  it("an imported record (no entering operator known) may be verified by any reviewer of the department", () => {
    for (const [from, event, to] of ALLOWED)
      expect(transition(objectionMachine, at(from, null), event, reviewer(DEPT), now)).toMatchObject({
        ok: true,
        next: to,
      });
  });
});

describe("objection (DOMAIN §8): every event from a state it may not leave is refused with code state", () => {
  for (const state of OBJECTION_STATES)
    for (const event of EVENTS) {
      if (ALLOWED.some(([from, e]) => from === state && e === event)) continue;
      it(`${state} —${event}→ refused`, () => {
        expect(transition(objectionMachine, at(state), event, reviewer(DEPT), now)).toEqual({
          ok: false,
          code: "state",
          refused: `当前状态为“${objectionMachine.labels[state]}”，不能再执行此操作。`,
        });
      });
    }

  it("an answer cannot skip verification: 更正, 撤销 and 维持 need 核实中 first", () => {
    for (const event of ["correct", "revoke", "uphold"] as const)
      expect(transition(objectionMachine, at("submitted"), event, reviewer(DEPT), now)).toMatchObject({
        ok: false,
        code: "state",
      });
  });

  it("the final states are exactly the three answers", () => {
    const leaving = new Set(ALLOWED.map(([from]) => from));
    expect([...objectionMachine.final].sort()).toEqual(
      OBJECTION_STATES.filter((s) => !leaving.has(s)).sort(),
    );
  });
});

describe("objection (DOMAIN §11): only a reviewer of the record's department, never the one who entered it", () => {
  const others: [string, WorkflowActor][] = [
    ["another department's reviewer", reviewer(DEPT + 1)],
    ["an operator of the same department", { id: 8, roles: ["operator"], departmentId: DEPT }],
    ["a supervisor of the same department", { id: 9, roles: ["supervisor"], departmentId: DEPT }],
    ["a business account", { id: 10, roles: ["business"], departmentId: null }],
    ["a sysadmin", { id: 12, roles: ["sysadmin"], departmentId: null }],
    ["the system", SYSTEM],
  ];
  for (const [from, event] of ALLOWED)
    for (const [who, actor] of others)
      it(`${from} —${event}→ refused for ${who}`, () => {
        expect(transition(objectionMachine, at(from), event, actor, now)).toMatchObject({
          ok: false,
          code: "actor",
        });
      });

  for (const [from, event] of ALLOWED)
    it(`${from} —${event}→ refused for the department's reviewer who entered the record (审录分离)`, () => {
      const r = transition(objectionMachine, at(from), event, reviewer(DEPT, ENTERED_BY), now);
      expect(r).toMatchObject({ ok: false, code: "actor" });
      if (!r.ok) expect(r.refused).toContain("审录分离");
    });
});

describe("contactKey — the same objector's contact however typed (a second objection joins the first)", () => {
  it("ignores spaces, dashes, case, full-width forms and a +86 prefix", () => {
    expect(contactKey("138 0000-1234")).toBe("13800001234");
    expect(contactKey("+86 13800001234")).toBe("13800001234");
    expect(contactKey("８６13800001234")).toBe("13800001234");
    expect(contactKey(" Li.Ming@Example.COM ")).toBe("li.ming@example.com");
  });
  it("keeps different contacts apart", () => {
    expect(contactKey("13800001234")).not.toBe(contactKey("13800001235"));
  });
});
