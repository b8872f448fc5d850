import { describe, expect, it } from "vitest";
import { transition, type WorkflowActor } from "./machine";
import { type NameReviewEvent, type NameReviewState, nameReviewMachine } from "./name-review";

const now = new Date("2026-12-01T08:00:00Z");
const reviewer = (departmentId: number): WorkflowActor => ({ id: 7, roles: ["reviewer"], departmentId });

describe("name review (issue 9 §4): a reviewer of the raising department settles a pending review", () => {
  const pending = { state: "pending" as NameReviewState, departmentId: 2 };
  for (const [event, to] of [
    ["rename", "renamed"],
    ["keep", "kept"],
  ] as [NameReviewEvent, NameReviewState][])
    it(`pending —${event}→ ${to}`, () => {
      expect(transition(nameReviewMachine, pending, event, reviewer(2), now)).toEqual({
        ok: true,
        from: "pending",
        next: to,
      });
    });

  it("refuses another department's reviewer, and an operator of its own", () => {
    expect(transition(nameReviewMachine, pending, "rename", reviewer(1), now)).toMatchObject({
      ok: false,
      code: "actor",
    });
    const operator = { id: 3, roles: ["operator"], departmentId: 2 };
    expect(transition(nameReviewMachine, pending, "keep", operator, now)).toMatchObject({
      ok: false,
      code: "actor",
    });
  });

  it("refuses a settled review (a stale form): the state says it is done", () => {
    for (const state of ["renamed", "kept"] as NameReviewState[])
      for (const event of ["rename", "keep"] as NameReviewEvent[])
        expect(
          transition(nameReviewMachine, { state, departmentId: 2 }, event, reviewer(2), now),
        ).toMatchObject({
          ok: false,
          code: "state",
          refused: `当前状态为“${nameReviewMachine.labels[state]}”，不能再执行此操作。`,
        });
  });

  it("a review from before departments owned reviews is settled by nobody", () => {
    const orphan = { state: "pending" as NameReviewState, departmentId: null };
    expect(transition(nameReviewMachine, orphan, "keep", reviewer(2), now)).toMatchObject({
      ok: false,
      code: "actor",
    });
  });
});
