import { describe, expect, it } from "vitest";
import { SYSTEM, transition, type WorkflowActor } from "./machine";
import {
  REPAIR_INITIAL,
  REPAIR_OPEN,
  REPAIR_REFUSED,
  REPAIR_STATES,
  type RepairEvent,
  type RepairState,
  repairMachine,
  repairRefusalNote,
} from "./repair";

const now = new Date("2026-12-01T08:00:00Z");
const DEPT = 3;
const ENTERED_BY = 21; // the operator who entered the record under repair
const reviewer = (departmentId: number, id = 7): WorkflowActor => ({ id, roles: ["reviewer"], departmentId });
const at = (state: RepairState, recordEnteredBy: number | null = ENTERED_BY) => ({
  state,
  deptId: DEPT,
  recordEnteredBy,
});

/*
 * DOMAIN §7: 已提交 → 已受理 / 不予受理 → (from 已受理) 同意修复 / 不予修复. Written out from the rule.
 */
const ALLOWED: [RepairState, RepairEvent, RepairState][] = [
  ["submitted", "accept", "accepted"],
  ["submitted", "not_accept", "not_accepted"],
  ["accepted", "approve", "approved"],
  ["accepted", "deny", "denied"],
];
const EVENTS: RepairEvent[] = ["accept", "not_accept", "approve", "deny"];

describe("repair (DOMAIN §7): the allowed steps, by a reviewer of the department that made the record", () => {
  it("starts as submitted (已提交)", () => {
    expect(REPAIR_INITIAL).toBe("submitted");
  });

  for (const [from, event, to] of ALLOWED)
    it(`${from} —${event}→ ${to}`, () => {
      expect(transition(repairMachine, at(from), event, reviewer(DEPT), now)).toEqual({
        ok: true,
        from,
        next: to,
      });
    });

  it("shows DOMAIN §7's state names: 已提交, 已受理, 不予受理, 同意修复, 不予修复", () => {
    expect(REPAIR_STATES.map((s) => repairMachine.labels[s]).sort()).toEqual(
      ["已提交", "已受理", "不予受理", "同意修复", "不予修复"].sort(),
    );
  });

  it("a record with no known entering operator (e.g. imported) may be handled by any reviewer of the department", () => {
    for (const [from, event, to] of ALLOWED)
      expect(transition(repairMachine, at(from, null), event, reviewer(DEPT), now)).toMatchObject({
        ok: true,
        next: to,
      });
  });
});

describe("repair (DOMAIN §7): every event from a state it may not leave is refused with code state", () => {
  for (const state of REPAIR_STATES)
    for (const event of EVENTS) {
      if (ALLOWED.some(([from, e]) => from === state && e === event)) continue;
      it(`${state} —${event}→ refused`, () => {
        expect(transition(repairMachine, at(state), event, reviewer(DEPT), now)).toEqual({
          ok: false,
          code: "state",
          refused: `当前状态为“${repairMachine.labels[state]}”，不能再执行此操作。`,
        });
      });
    }

  it("the final states are exactly those no event leaves (不予受理, 同意修复, 不予修复)", () => {
    const leaving = new Set(ALLOWED.map(([from]) => from));
    expect([...repairMachine.final].sort()).toEqual(REPAIR_STATES.filter((s) => !leaving.has(s)).sort());
    expect([...repairMachine.final].sort()).toEqual(["approved", "denied", "not_accepted"]);
  });
});

describe("repair (DOMAIN §7, §11): only a reviewer of the record's department — code actor", () => {
  const others: [string, WorkflowActor][] = [
    ["another department's reviewer", reviewer(DEPT + 1)],
    ["an operator of the same department", { id: 8, roles: ["operator"], departmentId: DEPT }],
    ["a supervisor of the same department", { id: 9, roles: ["supervisor"], departmentId: DEPT }],
    ["the applying business", { id: 10, roles: ["business"], departmentId: null }],
    ["a reviewer with no department", { id: 11, roles: ["reviewer"], departmentId: null }],
    ["the system", SYSTEM],
  ];
  for (const [from, event] of ALLOWED)
    for (const [who, actor] of others)
      it(`${from} —${event}→ refused for ${who}`, () => {
        expect(transition(repairMachine, at(from), event, actor, now)).toMatchObject({
          ok: false,
          code: "actor",
        });
      });
});

describe("repair (DOMAIN §11 four eyes, 审录分离): never handled by whoever entered the record", () => {
  for (const [from, event] of ALLOWED)
    it(`${from} —${event}→ refused for the department's reviewer who entered the record`, () => {
      const r = transition(repairMachine, at(from), event, reviewer(DEPT, ENTERED_BY), now);
      expect(r).toMatchObject({ ok: false, code: "actor" });
      // the refusal tells them why, not merely that they are the wrong department
      const wrongDept = transition(repairMachine, at(from), event, reviewer(DEPT + 1, ENTERED_BY), now);
      if (!r.ok && !wrongDept.ok) expect(r.refused).not.toBe(wrongDept.refused);
    });

  it("holding the operator role too does not help: the same person entered the record", () => {
    const both = { id: ENTERED_BY, roles: ["operator", "reviewer"], departmentId: DEPT };
    for (const [from, event] of ALLOWED)
      expect(transition(repairMachine, at(from), event, both, now)).toMatchObject({
        ok: false,
        code: "actor",
      });
  });

  it("another reviewer of the same department may take the very same case", () => {
    for (const [from, event, to] of ALLOWED)
      expect(transition(repairMachine, at(from), event, reviewer(DEPT, ENTERED_BY + 1), now)).toMatchObject({
        ok: true,
        next: to,
      });
  });
});

describe("REPAIR_OPEN / REPAIR_REFUSED (DOMAIN §7: one open case per record; retry after a refusal)", () => {
  it("open cases are 已提交 and 已受理 — the states a decision is still to come from", () => {
    expect([...REPAIR_OPEN].sort()).toEqual(["accepted", "submitted"]);
    const final = new Set<RepairState>(repairMachine.final);
    for (const s of REPAIR_OPEN) expect(final.has(s), s).toBe(false);
  });

  it("DOMAIN §7: only 不予修复 (a refusal on the merits) holds the record back; 不予受理 does not", () => {
    expect([...REPAIR_REFUSED]).toEqual(["denied"]);
    expect(REPAIR_OPEN).not.toContain("approved");
    expect(REPAIR_REFUSED).not.toContain("not_accepted");
  });

  it("the applicant is told with each refusal whether and when it may apply again", () => {
    expect(repairRefusalNote("not_accepted", 6)).toContain("可随时就同一记录重新申请");
    expect(repairRefusalNote("denied", 6)).toContain("6 个月内不能就同一记录再次申请");
    expect(repairRefusalNote("approved", 6)).toBeNull();
  });

  it("every state is exactly one of open, final without a wait, refused on the merits, or 同意修复", () => {
    for (const s of REPAIR_STATES) {
      const kinds = [
        REPAIR_OPEN.includes(s),
        REPAIR_REFUSED.includes(s),
        s === "approved",
        s === "not_accepted",
      ].filter(Boolean);
      expect(kinds, s).toHaveLength(1);
    }
  });
});
