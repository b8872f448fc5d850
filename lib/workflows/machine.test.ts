import { describe, expect, it } from "vitest";
import {
  availableEvents,
  type Machine,
  missingReason,
  onlySystem,
  personEvents,
  SYSTEM,
  transition,
  type WorkflowActor,
} from "./machine";

// A two-state case with a guard, to check the order in which transition() judges: state, then actor, then guard.
type S = "open" | "closed";
type C = { state: S; dueOn: string };
const m: Machine<S, "close" | "sweep", C> = {
  name: "test",
  states: ["open", "closed"],
  labels: { open: "办理中", closed: "已办结" },
  final: ["closed"],
  events: {
    close: {
      from: ["open"],
      to: "closed",
      who: (a) => (a.roles.includes("reviewer") ? null : "只有审核员可以办结。"),
      guard: (c, now) => (now.toISOString().slice(0, 10) > c.dueOn ? "已超过期限。" : null),
      label: "办结",
      reason: "办结意见",
    },
    sweep: { from: ["open"], to: "closed", who: onlySystem, label: "清理" },
  },
};
const reviewer: WorkflowActor = { id: 1, roles: ["reviewer"], departmentId: 1 };
const operator: WorkflowActor = { id: 2, roles: ["operator"], departmentId: 1 };
const before = new Date("2026-12-01T00:00:00Z");
const after = new Date("2026-12-09T00:00:00Z");

describe("transition — the one judge of every case step (README Workflows)", () => {
  it("allows a step from its state, by its actor, when the guard agrees", () => {
    expect(transition(m, { state: "open", dueOn: "2026-12-05" }, "close", reviewer, before)).toEqual({
      ok: true,
      from: "open",
      next: "closed",
    });
  });

  it("refuses by state first, naming the state in Chinese", () => {
    expect(transition(m, { state: "closed", dueOn: "2026-12-05" }, "close", operator, after)).toEqual({
      ok: false,
      code: "state",
      refused: "当前状态为“已办结”，不能再执行此操作。",
    });
  });

  it("then by actor, then by guard", () => {
    expect(transition(m, { state: "open", dueOn: "2026-12-05" }, "close", operator, after)).toMatchObject({
      code: "actor",
      refused: "只有审核员可以办结。",
    });
    expect(transition(m, { state: "open", dueOn: "2026-12-05" }, "close", reviewer, after)).toMatchObject({
      code: "guard",
      refused: "已超过期限。",
    });
  });

  it("a step only the process takes refuses every person", () => {
    expect(transition(m, { state: "open", dueOn: "2026-12-05" }, "sweep", reviewer, before)).toMatchObject({
      code: "actor",
    });
    expect(transition(m, { state: "open", dueOn: "2026-12-05" }, "sweep", SYSTEM, before)).toMatchObject({
      ok: true,
    });
  });
});

describe("availableEvents — the machine tells the page (issue 21 §2)", () => {
  it("offers the steps leaving the state, with the machine's verdict for this actor now", () => {
    expect(availableEvents(m, { state: "open", dueOn: "2026-12-05" }, reviewer, before)).toEqual([
      { event: "close", label: "办结", reason: "办结意见", confirm: null, refused: null },
    ]);
    expect(availableEvents(m, { state: "open", dueOn: "2026-12-05" }, operator, before)).toEqual([
      { event: "close", label: "办结", reason: "办结意见", confirm: null, refused: "只有审核员可以办结。" },
    ]);
    expect(availableEvents(m, { state: "open", dueOn: "2026-12-05" }, reviewer, after)[0]?.refused).toBe(
      "已超过期限。",
    );
  });
  it("offers nothing from a final state, and never a step only the process takes", () => {
    expect(availableEvents(m, { state: "closed", dueOn: "2026-12-05" }, reviewer, before)).toEqual([]);
    expect(personEvents(m)).toEqual(["close"]);
  });
  it("a step that needs a reason refuses an empty one in the rule's words", () => {
    expect(missingReason(m, "close", " ")).toBe("请填写办结意见。");
    expect(missingReason(m, "close", "已办")).toBeNull();
    expect(missingReason(m, "sweep", "")).toBeNull();
  });
});
