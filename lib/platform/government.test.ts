import { describe, expect, it } from "vitest";
import { govCommitmentStanding, govRecordProblem, onGovDishonestyList } from "./government";

describe("政务诚信 (2014 plan, issue 23 §6)", () => {
  it("only an organ or a public institution carries government-integrity records", () => {
    expect(govRecordProblem("legal_person", { decidedOn: "2026-01-01" }, "2026-12-05")).toMatch(
      /机关或事业单位/,
    );
    expect(govRecordProblem("government", { decidedOn: "2026-01-01" }, "2026-12-05")).toBeNull();
    expect(govRecordProblem("institution", { decidedOn: "2026-12-06" }, "2026-12-05")).toMatch(/晚于今天/);
    expect(
      govRecordProblem("institution", { decidedOn: "2026-03-01", settledOn: "2026-02-01" }, "2026-12-05"),
    ).toMatch(/早于认定/);
  });
  it("a promise past its date while still 履约中 reads 逾期未履约", () => {
    expect(govCommitmentStanding({ status: "in_progress", dueOn: "2026-12-01" }, "2026-12-05")).toBe(
      "逾期未履约",
    );
    expect(govCommitmentStanding({ status: "in_progress", dueOn: "2027-01-01" }, "2026-12-05")).toBe(
      "履约中",
    );
    expect(govCommitmentStanding({ status: "breached", dueOn: null }, "2026-12-05")).toBe("未履约");
  });
  it("a dishonesty record leaves the public list once settled", () => {
    expect(onGovDishonestyList({ settledOn: null }, "2026-12-05")).toBe(true);
    expect(onGovDishonestyList({ settledOn: "2026-12-01" }, "2026-12-05")).toBe(false);
  });
});
