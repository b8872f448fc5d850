import { describe, expect, it } from "vitest";
import {
  fillTemplate,
  missingFields,
  type TemplateField,
  templateEditProblem,
  templateProblems,
  templateScopeOf,
  templateScopesFor,
} from "./commitment-text";

const BODY = "本单位就{matter}郑重承诺：于{deadline}前完成整改，整改期间{matter}不再发生同类违法行为。";
const FIELDS: TemplateField[] = [
  { key: "matter", label: "申请事项" },
  { key: "deadline", label: "整改期限" },
];

describe("fillTemplate — DOMAIN §6: a commitment is its template with the blanks filled in", () => {
  it("fills every blank, each use of a repeated one", () => {
    expect(fillTemplate(BODY, { matter: "食品经营许可", deadline: "2026年6月30日" })).toBe(
      "本单位就食品经营许可郑重承诺：于2026年6月30日前完成整改，整改期间食品经营许可不再发生同类违法行为。",
    );
  });

  it("leaves a blank with no value as it is", () => {
    expect(fillTemplate("于{deadline}前完成", {})).toBe("于{deadline}前完成");
  });

  it("inserts what the business typed literally: no second expansion, no $-patterns", () => {
    expect(fillTemplate("事项：{matter}；期限：{deadline}", { matter: "{deadline}", deadline: "六月" })).toBe(
      "事项：{deadline}；期限：六月",
    );
    expect(fillTemplate("事项：{matter}", { matter: "$& $1 $$" })).toBe("事项：$& $1 $$");
  });

  it("leaves text in braces that is not a blank alone", () => {
    expect(fillTemplate("{ matter } {}", { matter: "x" })).toBe("{ matter } {}");
  });

  it("a blank named like an Object member (constructor) is a blank like any other", () => {
    // the template form accepts any key matching ^[a-z][a-z0-9_]{0,31}$, "constructor" included
    expect(fillTemplate("依据{constructor}", {})).toBe("依据{constructor}");
  });
});

describe("missingFields — DOMAIN §6: the business fills the specifics before signing", () => {
  it("names nothing when every field is filled", () => {
    expect(missingFields(FIELDS, { matter: "食品经营许可", deadline: "2026年6月30日" })).toEqual([]);
  });

  it("names absent, empty and blank fields by their labels, in the template's order", () => {
    expect(missingFields(FIELDS, {})).toEqual(["申请事项", "整改期限"]);
    expect(missingFields(FIELDS, { matter: "", deadline: "六月" })).toEqual(["申请事项"]);
    expect(missingFields(FIELDS, { matter: "许可", deadline: " \t\n" })).toEqual(["整改期限"]);
  });

  it("ignores values for keys the template does not have", () => {
    expect(missingFields(FIELDS, { other: "x" })).toEqual(["申请事项", "整改期限"]);
  });

  it("a field keyed like an Object member (constructor) left empty is missing, not a crash", () => {
    expect(missingFields([{ key: "constructor", label: "依据" }], {})).toEqual(["依据"]);
  });
});

describe("templateProblems — issue 11 §2: reviewers keep templates whose blanks and fields agree", () => {
  it("accepts a body whose blanks are exactly the named fields", () => {
    expect(templateProblems(BODY, FIELDS)).toBeNull();
  });

  it("refuses a blank the field list does not name, naming the blank", () => {
    const p = templateProblems(`${BODY}联系人：{contact}`, FIELDS);
    expect(p).not.toBeNull();
    expect(p).toContain("{contact}");
  });

  it("refuses a named field the body never uses, naming its label", () => {
    const p = templateProblems(BODY, [...FIELDS, { key: "contact", label: "联系人" }]);
    expect(p).not.toBeNull();
    expect(p).toContain("联系人");
  });

  it("a body with no blanks and no fields is fine", () => {
    expect(templateProblems("本单位承诺依法诚信经营。", [])).toBeNull();
  });
});

describe("who keeps a template — issue 20 N10: an owner role and a scope", () => {
  const province = { roles: ["reviewer"], regionCode: "360000" };
  const nanchang = { roles: ["reviewer"], regionCode: "360100" };
  const repair = { type: "repair", scopeRegionCode: "360000" };
  it("lets a province-level reviewer keep province-wide templates, the repair one included", () => {
    expect(templateEditProblem(province, repair)).toBeNull();
    expect(templateEditProblem(province, { type: "tolerance", scopeRegionCode: "360000" })).toBeNull();
  });
  it("refuses a city reviewer the province's templates (信用修复承诺书 v2 used by every application)", () => {
    expect(templateEditProblem(nanchang, repair)).toMatch(/全省通用的模板只能由省级部门的审核员修改/);
    expect(templateEditProblem(nanchang, { type: "voluntary", scopeRegionCode: "360700" })).toMatch(
      /其他地区/,
    );
  });
  it("lets a city reviewer keep the city's own templates, but never a city-scoped repair template", () => {
    expect(templateEditProblem(nanchang, { type: "voluntary", scopeRegionCode: "360100" })).toBeNull();
    expect(templateEditProblem(nanchang, { type: "repair", scopeRegionCode: "360100" })).toMatch(/全省统一/);
    expect(templateEditProblem({ roles: ["operator"], regionCode: "360000" }, repair)).toMatch(/审核员/);
  });
  it("takes a county reviewer for the city's: their templates are their city's, used by its companies", () => {
    const county = { roles: ["reviewer"], regionCode: "360102" };
    expect(templateScopeOf("360102")).toBe("360100");
    expect(templateScopeOf("360000")).toBe("360000");
    expect(templateEditProblem(county, { type: "voluntary", scopeRegionCode: "360100" })).toBeNull();
  });
  it("offers a subject the province's templates and its own city's", () => {
    expect(templateScopesFor("360102")).toEqual(["360000", "360100"]);
    expect(templateScopesFor("360000")).toEqual(["360000"]);
    expect(templateScopesFor(null)).toEqual(["360000"]);
  });
});
