import { describe, expect, it } from "vitest";
import { feedbackProblem, measuresFor } from "./measures";

const catalogue = [
  { id: 1, listKind: "serious_dishonesty", matter: "procurement", active: true },
  { id: 2, listKind: "serious_dishonesty", matter: "bidding", active: true },
  { id: 3, listKind: "red", matter: "procurement", active: true },
  { id: 4, listKind: "serious_dishonesty", matter: "procurement", active: false },
] as const;

describe("联合奖惩 measures (2020 plan §20–21, issue 23 §1)", () => {
  it("a listed subject gets the active measures of its list for the matter", () => {
    const hits = measuresFor(
      "procurement",
      [{ id: 9, kind: "serious_dishonesty", underVerification: false }],
      catalogue,
    );
    expect(hits).toEqual([{ measureId: 1, entryId: 9, listKind: "serious_dishonesty" }]);
  });
  it("DOMAIN §8: an entry whose objection is 核实中 yields no measure", () => {
    expect(
      measuresFor("procurement", [{ id: 9, kind: "serious_dishonesty", underVerification: true }], catalogue),
    ).toEqual([]);
  });
  it("an unlisted subject, or another matter, gets nothing; a red list rewards", () => {
    expect(measuresFor("procurement", [], catalogue)).toEqual([]);
    expect(
      measuresFor("awards", [{ id: 9, kind: "serious_dishonesty", underVerification: false }], catalogue),
    ).toEqual([]);
    expect(
      measuresFor("procurement", [{ id: 5, kind: "red", underVerification: false }], catalogue),
    ).toHaveLength(1);
  });
  it("feedback only from the checking department, once, and only for returned measures", () => {
    const check = {
      deptId: 1,
      hits: [{ measureId: 1, entryId: 9, listKind: "serious_dishonesty" as const }],
      feedbackAt: null,
    };
    expect(feedbackProblem(check, { deptId: 2 }, [1], "")).toMatch(/不是本部门/);
    expect(feedbackProblem({ ...check, feedbackAt: new Date() }, { deptId: 1 }, [1], "")).toMatch(/不能重复/);
    expect(feedbackProblem(check, { deptId: 1 }, [7], "")).toMatch(/不在本次核查/);
    expect(feedbackProblem(check, { deptId: 1 }, [], "")).toMatch(/说明理由/);
    expect(feedbackProblem(check, { deptId: 1 }, [], "已撤回采购项目")).toBeNull();
    expect(feedbackProblem(check, { deptId: 1 }, [1], "")).toBeNull();
  });
});
