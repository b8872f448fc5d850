import { describe, expect, it } from "vitest";
import { type DisclosureJobEvent, type DisclosureJobState, disclosureJobMachine } from "./disclosure-job";
import { SYSTEM, transition } from "./machine";

const now = new Date("2026-12-02T08:00:00Z");
const ALLOWED: [DisclosureJobState, DisclosureJobEvent, DisclosureJobState][] = [
  ["queued", "start", "running"],
  ["running", "finish", "done"],
  ["queued", "fail", "failed"],
  ["running", "fail", "failed"],
];

describe("disclosure recount job (issue 14 §4): only its runner moves it", () => {
  for (const [from, event, to] of ALLOWED)
    it(`${from} —${event}→ ${to}`, () => {
      expect(transition(disclosureJobMachine, { state: from }, event, SYSTEM, now)).toEqual({
        ok: true,
        from,
        next: to,
      });
    });

  it("every other step is refused by state", () => {
    for (const state of disclosureJobMachine.states)
      for (const event of ["start", "finish", "fail"] as DisclosureJobEvent[]) {
        if (ALLOWED.some(([f, e]) => f === state && e === event)) continue;
        expect(transition(disclosureJobMachine, { state }, event, SYSTEM, now)).toMatchObject({
          ok: false,
          code: "state",
        });
      }
  });

  it("no person fires its events, not even a sysadmin", () => {
    const sysadmin = { id: 1, roles: ["sysadmin"], departmentId: null };
    expect(transition(disclosureJobMachine, { state: "queued" }, "start", sysadmin, now)).toMatchObject({
      ok: false,
      code: "actor",
    });
  });
});
