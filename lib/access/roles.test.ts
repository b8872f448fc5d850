import { describe, expect, it } from "vitest";
import { roleCombinationProblem } from "./roles";

describe("roleCombinationProblem (DOMAIN §11 三员分立)", () => {
  it("allows business roles together", () => {
    expect(roleCombinationProblem(["operator", "reviewer"])).toBeNull();
    expect(roleCombinationProblem(["sysadmin"])).toBeNull();
  });
  it("keeps the sysadmin and the auditor apart, and both away from business data", () => {
    expect(roleCombinationProblem(["sysadmin", "auditor"])).toContain("三员分立");
    expect(roleCombinationProblem(["auditor", "operator"])).toContain("三员分立");
    expect(roleCombinationProblem(["sysadmin", "reviewer"])).toContain("三员分立");
  });
  it("requires a role and leaves business accounts to their own sign-up", () => {
    expect(roleCombinationProblem([])).toContain("至少");
    expect(roleCombinationProblem(["business"])).toContain("企业账号");
  });
});

describe("the editor role (issue 13 §3): content only, apart from the system administrator and the auditor", () => {
  it("refuses editor with sysadmin or auditor, allows it alone", () => {
    expect(roleCombinationProblem(["editor", "sysadmin"])).toMatch(/内容编辑/);
    expect(roleCombinationProblem(["editor", "auditor"])).toMatch(/内容编辑/);
    expect(roleCombinationProblem(["editor"])).toBeNull();
  });
});
