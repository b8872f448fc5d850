import { describe, expect, it } from "vitest";
import { allowedClassifications, DEFAULT_CLASSIFICATION, mayRead, narrowingWarning } from "./catalogue";

const bank = { kind: "institution", classes: ["penalty_undisclosed"] } as const;

describe("resource catalogue (2020 plan §9, issue 23 §3): one rule for every surface", () => {
  it("公开 is read by everyone, 内部 by no outside reader", () => {
    expect(mayRead("public", "penalty", { kind: "public" })).toBe(true);
    expect(mayRead("internal", "penalty", { kind: "public" })).toBe(false);
    expect(mayRead("internal", "penalty_undisclosed", bank)).toBe(false);
  });
  it("授权查询 is read only by an institution whose authorisation names the class", () => {
    expect(mayRead("authorised", "penalty_undisclosed", { kind: "public" })).toBe(false);
    expect(mayRead("authorised", "penalty_undisclosed", bank)).toBe(true);
    expect(mayRead("authorised", "licence", bank)).toBe(false);
  });
  it("DOMAIN §3: a penalty below the disclosure threshold is never public, by default or by edit", () => {
    expect(DEFAULT_CLASSIFICATION.penalty_undisclosed).toBe("authorised");
    expect(allowedClassifications("penalty_undisclosed")).not.toContain("public");
    expect(allowedClassifications("penalty")).toEqual(["public", "authorised", "internal"]);
  });
  it("narrowing what is already published warns with the count; widening or an empty item does not", () => {
    expect(narrowingWarning("public", "internal", 12)).toMatch(/12 条.*立即撤下/);
    expect(narrowingWarning("authorised", "internal", 3)).toMatch(/授权查询接口/);
    expect(narrowingWarning("internal", "public", 12)).toBeNull();
    expect(narrowingWarning("public", "authorised", 0)).toBeNull();
  });
});
