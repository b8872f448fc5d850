import { describe, expect, it } from "vitest";
import {
  IMPORT_JOB_ACTIVE,
  IMPORT_JOB_MAX_RUNS,
  type ImportJobEvent,
  type ImportJobState,
  importJobMachine,
  runsExhausted,
} from "./import-job";
import { SYSTEM, transition } from "./machine";

const now = new Date("2026-12-01T08:00:00Z");

describe("import job (DOMAIN §12): only the runner moves it, along queued → validating → writing → done", () => {
  const allowed: [ImportJobState, ImportJobEvent, ImportJobState][] = [
    ["queued", "validate", "validating"],
    ["validating", "validate", "validating"],
    ["validating", "write", "writing"],
    ["validating", "finish", "done"],
    ["writing", "finish", "done"],
    ["queued", "fail", "failed"],
    ["validating", "fail", "failed"],
    ["writing", "fail", "failed"],
  ];
  for (const [from, event, to] of allowed)
    it(`${from} —${event}→ ${to}`, () => {
      expect(transition(importJobMachine, { state: from }, event, SYSTEM, now)).toEqual({
        ok: true,
        from,
        next: to,
      });
    });

  it("refuses every other transition, naming the state", () => {
    const events = Object.keys(importJobMachine.events) as ImportJobEvent[];
    for (const state of importJobMachine.states)
      for (const event of events) {
        if (allowed.some(([f, e]) => f === state && e === event)) continue;
        const t = transition(importJobMachine, { state }, event, SYSTEM, now);
        expect(t, `${state} ${event}`).toMatchObject({ ok: false, code: "state" });
      }
  });

  it("refuses a person, even a sysadmin: the job is the runner's", () => {
    const t = transition(
      importJobMachine,
      { state: "queued" },
      "validate",
      { id: 1, roles: ["sysadmin"], departmentId: 1 },
      now,
    );
    expect(t).toMatchObject({ ok: false, code: "actor" });
  });

  it("the active states are the ones a restarted runner resumes", () => {
    expect(IMPORT_JOB_ACTIVE).toEqual(["queued", "validating", "writing"]);
  });
});

describe("runs of a job — issue 20 N2: a job that kept killing its runner is failed, never resumed", () => {
  it("allows the first run and one resumption, then fails the job with a message", () => {
    expect(runsExhausted(0)).toBeNull();
    expect(runsExhausted(1)).toBeNull();
    expect(runsExhausted(IMPORT_JOB_MAX_RUNS)).toMatch(/已中断 2 次，为保护系统不再自动续传/);
  });
});
