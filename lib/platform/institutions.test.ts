import { describe, expect, it } from "vitest";
import { authorisedClasses, queryProblem } from "./institutions";

const a = {
  active: true,
  authorisedUntil: "2027-12-31",
  purposes: ["loan"],
  dataClasses: ["penalty_undisclosed", "bogus"],
};

describe("authorised query access (Jilin plan 查询权限, issue 23 §2)", () => {
  it("queries only for a purpose the authorisation names, while it runs", () => {
    expect(queryProblem(a, "loan", "2026-12-05")).toBeNull();
    expect(queryProblem(a, "tender", "2026-12-05")).toMatch(/授权范围不含查询用途“招标投标资格审查”/);
    expect(queryProblem(a, "loan", "2028-01-01")).toMatch(/已于 2027-12-31 到期/);
    expect(queryProblem({ ...a, active: false }, "loan", "2026-12-05")).toMatch(/已撤销/);
  });
  it("reads only the catalogue's classes", () => {
    expect(authorisedClasses(a)).toEqual(["penalty_undisclosed"]);
  });
});
