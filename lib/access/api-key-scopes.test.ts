import { describe, expect, it } from "vitest";
import { API_KEY_SCOPE_LABEL, bearerToken, DEPARTMENT_SCOPES, SCOPE_OWNER } from "./api-key-scopes";

describe("API-key scopes and the bearer token (issue 21 §7)", () => {
  it("every scope has the name the key page shows", () => {
    for (const label of Object.values(API_KEY_SCOPE_LABEL)) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
  it("an institution's key only queries; a department's key reports and checks (issue 23 §2)", () => {
    for (const s of DEPARTMENT_SCOPES) expect(SCOPE_OWNER[s]).toBe("department");
    expect(SCOPE_OWNER.query).toBe("institution");
  });
  it("takes the key from Authorization: Bearer, else from X-Api-Key; nothing when neither is given", () => {
    expect(bearerToken("Bearer cjx_1_abc", null)).toBe("cjx_1_abc");
    expect(bearerToken("bearer   cjx_1_abc ", "other")).toBe("cjx_1_abc");
    expect(bearerToken(null, " cjx_2_def ")).toBe("cjx_2_def");
    expect(bearerToken(null, null)).toBe("");
  });
});
