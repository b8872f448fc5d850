import { describe, expect, it } from "vitest";
import { withUsccCheckChar } from "../subjects/uscc";
import { PENALTY_HEADERS, penaltyInputSchema, rowToInput, subjectKindOf } from "./record-input";

const TODAY = "2026-11-23";
const uscc = withUsccCheckChar("91360102MA35ABCD1");
const valid = {
  counterpartName: "南昌某某建材有限公司",
  counterpartCategory: "legal_entity",
  uscc,
  decisionNo: "洪市监罚〔2026〕12号",
  violationType: "销售不合格产品",
  violationFacts: "经抽检，该公司销售的钢筋不合格。",
  legalBasis: "《中华人民共和国产品质量法》第四十九条",
  penaltyTypes: "罚款；没收违法所得",
  penaltyContent: "罚款 2 万元，没收违法所得 0.5 万元",
  fineAmount: "2",
  confiscatedAmount: "0.5",
  decisionDate: "2026-11-20",
};
const errorsOf = (input: Record<string, unknown>) => {
  const r = penaltyInputSchema(TODAY).safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("penalty input (DOMAIN §3: the national 行政处罚 field set)", () => {
  it("accepts a complete record, splitting 处罚类别 on Chinese separators and defaulting to 一般失信", () => {
    const r = penaltyInputSchema(TODAY).parse(valid);
    expect(r.penaltyTypes).toEqual(["罚款", "没收违法所得"]);
    expect(r.severity).toBe("general");
    expect(r.uscc).toBe(uscc);
  });
  it("enforces the USCC check character (GB 32100)", () => {
    const wrong = uscc.slice(0, 17) + (uscc.endsWith("0") ? "1" : "0");
    expect(errorsOf({ ...valid, uscc: wrong }).uscc).toContain("统一社会信用代码校验位错误");
  });
  it("refuses future decision dates, impossible dates, negative or non-numeric fines", () => {
    expect(errorsOf({ ...valid, decisionDate: "2026-11-24" }).decisionDate).toContain("不能晚于今天");
    expect(errorsOf({ ...valid, decisionDate: "2026-02-30" }).decisionDate).toContain("有效日期");
    expect(errorsOf({ ...valid, fineAmount: "-1" }).fineAmount).toContain("不小于 0");
    expect(errorsOf({ ...valid, fineAmount: "两万" }).fineAmount).toContain("不小于 0");
  });
  it("names the field when it is missing or too long", () => {
    expect(errorsOf({ ...valid, decisionNo: "" }).decisionNo).toBe("行政处罚决定书文号必填");
    expect(errorsOf({ ...valid, violationFacts: "字".repeat(10_000) }).violationFacts).toContain(
      "不能超过 5000 个字",
    );
  });
  it("requires a fine amount when 罚款 is among the penalty types, and known types only", () => {
    expect(errorsOf({ ...valid, fineAmount: "" }).fineAmount).toContain("罚款金额必填");
    expect(errorsOf({ ...valid, penaltyTypes: "罚款；打板子" }).penaltyTypes).toContain("处罚类别应取自");
  });
  it("identifies a natural person by a valid ID number instead of a USCC (DOMAIN §1)", () => {
    const person = { ...valid, counterpartCategory: "natural_person", uscc: "" };
    expect(errorsOf(person).idNumber).toContain("自然人须填写证件号码");
    expect(errorsOf({ ...person, idNumber: "360102199001011230" }).idNumber).toContain("身份证号码");
  });
  it("reads the Chinese labels of a file's 类别 and 严重程度 columns", () => {
    const input = rowToInput(PENALTY_HEADERS, { 行政相对人类别: "法人及非法人组织", 失信严重程度: "严重" });
    expect(input).toMatchObject({ counterpartCategory: "legal_entity", severity: "serious" });
  });
});

describe("subjectKindOf (GB 32100 登记管理部门码 + 机构类别码)", () => {
  it("maps 91 to an enterprise, 92 to an individual business, 12 to an institution", () => {
    expect(subjectKindOf("legal_entity", "91360102MA35ABCD1X")).toBe("legal_person");
    expect(subjectKindOf("legal_entity", "92360102MA35ABCD1X")).toBe("individual_business");
    expect(subjectKindOf("legal_entity", "12360000MA35ABCD1X")).toBe("institution");
    expect(subjectKindOf("natural_person", null)).toBe("natural_person");
  });
});

// issue 10: a bad USCC used to appear only once every other field of the row was right
describe("every error of a row at once", () => {
  it("reports a bad USCC together with a missing 文号, a bad date and a mistyped amount", () => {
    const r = penaltyInputSchema("2026-11-30").safeParse({
      counterpartName: "赣江建工有限公司（演示）",
      counterpartCategory: "legal_entity",
      uscc: "91360100MA35NR5X3X",
      decisionNo: "",
      violationType: "虚假宣传",
      violationFacts: "经查……",
      legalBasis: "《广告法》",
      // a field of the wrong type (as a JSON batch may send) makes zod skip the object's own checks
      fineAmount: 2,
      penaltyContent: "警告",
      decisionDate: "2026-02-30",
    });
    const fields = r.success ? [] : r.error.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["uscc", "decisionNo", "decisionDate", "fineAmount"]));
  });
});
