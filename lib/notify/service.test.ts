import { describe, expect, it } from "vitest";
import { PAPER_METHODS, paperServiceProblem, SERVICE_METHOD_LABEL } from "./service";

describe("recording a paper service (issue 22 §3)", () => {
  it("accepts a day between the notice's issue and today", () => {
    expect(paperServiceProblem("2026-12-03", "2026-12-02", "2026-12-04")).toBeNull();
    expect(paperServiceProblem("2026-12-02", "2026-12-02", "2026-12-02")).toBeNull();
  });
  it("refuses a service before the notice was issued, or in the future", () => {
    expect(paperServiceProblem("2026-12-01", "2026-12-02", "2026-12-04")).toContain("不能早于");
    expect(paperServiceProblem("2026-12-05", "2026-12-02", "2026-12-04")).toBe("送达日期不能晚于今天。");
  });
  it("offers officers the paper methods only; the electronic ones are the system's", () => {
    expect(PAPER_METHODS.map((m) => SERVICE_METHOD_LABEL[m])).toEqual(["直接送达", "邮寄送达", "留置送达"]);
  });
});
