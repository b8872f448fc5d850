import { describe, expect, it } from "vitest";
import {
  LIST_DECISION_STATES,
  type ListDecisionCase,
  type ListDecisionEvent,
  listProposalState,
  listDecisionMachine as m,
  proposalAuthorityProblem,
  validityOf,
} from "./list-decision";
import { transition, type WorkflowActor } from "./machine";

const NOW = new Date("2026-12-02T02:00:00Z");
const proposer: WorkflowActor = { id: 1, roles: ["operator"], departmentId: 7 };
const reviewer: WorkflowActor = { id: 2, roles: ["reviewer"], departmentId: 7 };
const reviewerWhoProposed: WorkflowActor = { id: 1, roles: ["operator", "reviewer"], departmentId: 7 };
const otherDept: WorkflowActor = { id: 3, roles: ["reviewer"], departmentId: 8 };
const business: WorkflowActor = { id: 9, roles: ["business"], departmentId: null, subjectId: 40 };

const entry = (p: Partial<ListDecisionCase> = {}): ListDecisionCase => ({
  state: "notified",
  kind: "serious_dishonesty",
  deptId: 7,
  subjectId: 40,
  proposedBy: 1,
  servedOn: "2026-11-24",
  statementDeadline: "2026-12-01",
  statementReceived: false,
  today: "2026-12-02",
  ...p,
});

describe("list decisions — DOMAIN §5: which step each state allows", () => {
  const allowedFrom: Record<ListDecisionEvent, string[]> = {
    publish: ["case_opened", "notified"],
    drop: ["case_opened", "notified"],
    remove: ["published"],
    state: ["notified"],
  };
  for (const [event, from] of Object.entries(allowedFrom) as [ListDecisionEvent, string[]][])
    for (const state of LIST_DECISION_STATES)
      it(`${event} from ${state}: ${from.includes(state) ? "allowed" : "refused"}`, () => {
        const t =
          event === "state"
            ? transition(m, entry({ state, statementDeadline: "2026-12-05" }), event, business, NOW)
            : transition(m, entry({ state }), event, reviewer, NOW);
        if (from.includes(state)) expect(t).toMatchObject({ ok: true, next: m.events[event].to });
        else expect(t).toMatchObject({ ok: false, code: "state" });
      });
});

describe("list decisions — who decides (DOMAIN §10: never a case they created)", () => {
  it("the proposer may not decide their own proposal, even holding the reviewer role", () => {
    for (const event of ["publish", "drop"] as const)
      expect(transition(m, entry(), event, reviewerWhoProposed, NOW)).toMatchObject({
        ok: false,
        code: "actor",
        refused: expect.stringContaining("审录分离"),
      });
  });
  it("an operator does not decide; another department's reviewer does not decide or remove", () => {
    expect(transition(m, entry(), "publish", proposer, NOW)).toMatchObject({ ok: false, code: "actor" });
    expect(transition(m, entry(), "publish", otherDept, NOW)).toMatchObject({ ok: false, code: "actor" });
    expect(transition(m, entry({ state: "published" }), "remove", otherDept, NOW)).toMatchObject({
      ok: false,
      code: "actor",
    });
  });
  it("removal may be done by the department's reviewer who proposed it (not a decision on their own proposal)", () => {
    expect(transition(m, entry({ state: "published" }), "remove", reviewerWhoProposed, NOW)).toMatchObject({
      ok: true,
      next: "removed",
    });
  });
});

describe("list decisions — the defence period (DOMAIN §5: 告知 at least 5 working days before the decision)", () => {
  it("认定 is refused on or before the deadline while the subject has not spoken, naming the deadline", () => {
    const t = transition(m, entry({ statementDeadline: "2026-12-02" }), "publish", reviewer, NOW);
    expect(t).toMatchObject({ ok: false, code: "guard", refused: expect.stringContaining("2026-12-02") });
  });
  it("认定 is allowed the day after the deadline", () => {
    expect(transition(m, entry({ statementDeadline: "2026-12-01" }), "publish", reviewer, NOW).ok).toBe(true);
  });
  it("认定 is allowed once the subject has stated its defence, even before the deadline", () => {
    const c = entry({ statementDeadline: "2026-12-09", statementReceived: true });
    expect(transition(m, c, "publish", reviewer, NOW).ok).toBe(true);
  });
  it("不予认定 need not wait: dropping a proposal harms no one", () => {
    expect(transition(m, entry({ statementDeadline: "2026-12-09" }), "drop", reviewer, NOW).ok).toBe(true);
  });
  it("a red-list proposal has no notice and no period", () => {
    const c = entry({ kind: "red", state: "case_opened", statementDeadline: null });
    expect(transition(m, c, "publish", reviewer, NOW).ok).toBe(true);
    expect(listProposalState("red")).toBe("case_opened");
    expect(listProposalState("key_attention")).toBe("notified");
  });
});

describe("validityOf — 有效期 from the decision day", () => {
  it("36 months from 2026-12-02 ends on 2029-12-01", () => {
    expect(validityOf("2026-12-02", 36)).toEqual({ validFrom: "2026-12-02", validUntil: "2029-12-01" });
  });
  it("12 months from 2024-02-29 ends on 2025-02-27 (the month has no 29th)", () => {
    expect(validityOf("2024-02-29", 12).validUntil).toBe("2025-02-27");
  });
});

describe("who may propose on a list — issue 20 N4 (DOMAIN §5 认定单位)", () => {
  const list = { name: "A级纳税人名单", ownerDeptId: 2 };
  const province = (id: number) => ({ id, regionCode: "360000" });
  it("lets the list's owner propose for any subject of the province", () => {
    expect(
      proposalAuthorityProblem({
        list,
        dept: province(2),
        competentDeptIds: [],
        subjectRegionCode: "360702",
      }),
    ).toBeNull();
  });
  it("refuses another authority's list: the market regulator on the tax bureau's list", () => {
    expect(
      proposalAuthorityProblem({
        list,
        dept: province(1),
        competentDeptIds: [],
        subjectRegionCode: "360102",
      }),
    ).toBe("本部门不是“A级纳税人名单”的认定单位，不能提出列入该名单的建议。");
  });
  it("lets a department made competent propose, within its own region only", () => {
    const nc = { id: 21, regionCode: "360100" };
    expect(
      proposalAuthorityProblem({ list, dept: nc, competentDeptIds: [21], subjectRegionCode: "360102" }),
    ).toBeNull();
    expect(
      proposalAuthorityProblem({ list, dept: nc, competentDeptIds: [21], subjectRegionCode: "360702" }),
    ).toMatch(/不在本部门所在地区/);
    expect(
      proposalAuthorityProblem({ list, dept: nc, competentDeptIds: [22], subjectRegionCode: "360102" }),
    ).toMatch(/不是“A级纳税人名单”的认定单位/);
  });
});

describe("陈述申辩 — DOMAIN §5: the subject itself, once, before its deadline", () => {
  const open = entry({ statementDeadline: "2026-12-05" });
  it("the notified business states its defence", () => {
    expect(transition(m, open, "state", business, NOW)).toMatchObject({ ok: true, next: "notified" });
  });
  it("another subject's account, or a regulator, may not", () => {
    const other: WorkflowActor = { ...business, subjectId: 41 };
    for (const a of [other, reviewer])
      expect(transition(m, open, "state", a, NOW)).toMatchObject({ ok: false, code: "actor" });
  });
  it("only once, and not after the deadline", () => {
    expect(transition(m, { ...open, statementReceived: true }, "state", business, NOW)).toMatchObject({
      code: "guard",
      refused: "您已提交过陈述申辩，每件告知只能提交一次。",
    });
    expect(transition(m, entry({ statementDeadline: "2026-12-01" }), "state", business, NOW)).toMatchObject({
      code: "guard",
      refused: "陈述申辩期已于 2026-12-01 届满，不能再提交。",
    });
  });
  it("after the decision it is refused by state", () => {
    expect(transition(m, { ...open, state: "published" }, "state", business, NOW)).toMatchObject({
      code: "state",
    });
  });
});

describe("list decisions — issue 22 §3: the defence period runs from the 告知's service", () => {
  it("an unserved 告知 blocks the decision and says why", () => {
    const t = transition(m, entry({ servedOn: null, statementDeadline: null }), "publish", reviewer, NOW);
    expect(t).toMatchObject({ ok: false });
    if (!t.ok) expect(t.refused).toContain("告知书尚未送达");
  });
  it("and the subject cannot state its case before it is served", () => {
    const t = transition(m, entry({ servedOn: null, statementDeadline: null }), "state", business, NOW);
    expect(t).toMatchObject({ ok: false });
  });
  it("不予认定 needs no service: it takes nothing from the subject", () => {
    const t = transition(m, entry({ servedOn: null, statementDeadline: null }), "drop", reviewer, NOW);
    expect(t.ok).toBe(true);
  });
  it("a red-list proposal has no notice to serve", () => {
    const t = transition(
      m,
      entry({ kind: "red", state: "case_opened", servedOn: null, statementDeadline: null }),
      "publish",
      reviewer,
      NOW,
    );
    expect(t.ok).toBe(true);
  });
});
