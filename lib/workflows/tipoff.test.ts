import { describe, expect, it } from "vitest";
import { transition } from "./machine";
import { tipoffMachine } from "./tipoff";

const reviewer = { id: 5, roles: ["reviewer" as const], departmentId: 3 };
const at = new Date("2026-12-05T02:00:00Z");
const c = (state: "submitted" | "accepted") => ({ state, deptId: 3, recordEnteredBy: null });

describe("失信举报 (2020 plan §31, issue 23 §5)", () => {
  it("the competent department's reviewer accepts, then finds it true or without basis", () => {
    expect(transition(tipoffMachine, c("submitted"), "accept", reviewer, at)).toMatchObject({
      ok: true,
      next: "accepted",
    });
    expect(transition(tipoffMachine, c("accepted"), "substantiate", reviewer, at)).toMatchObject({
      ok: true,
      next: "substantiated",
    });
    expect(transition(tipoffMachine, c("accepted"), "dismiss", reviewer, at)).toMatchObject({
      ok: true,
      next: "unsubstantiated",
    });
  });
  it("another department's reviewer, or an operator, is refused", () => {
    const t = transition(tipoffMachine, c("submitted"), "accept", { ...reviewer, departmentId: 4 }, at);
    expect(t).toMatchObject({ ok: false, code: "actor" });
    expect(
      transition(tipoffMachine, c("submitted"), "accept", { ...reviewer, roles: ["operator"] }, at).ok,
    ).toBe(false);
  });
  it("a finding needs acceptance first, and every closing step asks its reason", () => {
    expect(transition(tipoffMachine, c("submitted"), "substantiate", reviewer, at).ok).toBe(false);
    for (const e of ["reject", "substantiate", "dismiss"] as const)
      expect(tipoffMachine.events[e].reason).toBeTruthy();
  });
});
