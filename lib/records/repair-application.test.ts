import { describe, expect, it } from "vitest";
import { repairApplicationText } from "./repair-application";

const base = {
  subjectName: "赣江样例有限公司（演示）",
  uscc: "91360100MA3CAXE019",
  record: "行政处罚 洪罚〔2026〕1号",
  statement: "已缴清罚款。\n已完成整改。",
  contactName: "李经办",
  phone: "13907910000",
  signerName: "样例代表",
  date: "2026-12-02",
};

describe("信用修复申请书 (DOMAIN §7 materials): written from the form", () => {
  it("names the applicant with its USCC, the record, what was done, the pledge, contact, signer and date", () => {
    const text = repairApplicationText(base);
    expect(text.split("\n")[0]).toBe("信用修复申请书");
    expect(text).toContain("申请人：赣江样例有限公司（演示）（统一社会信用代码：91360100MA3CAXE019）");
    expect(text).toContain("申请修复的失信信息：行政处罚 洪罚〔2026〕1号");
    // the applicant's own line breaks are kept
    expect(text).toContain("已缴清罚款。\n已完成整改。");
    expect(text).toContain("如有虚假，自愿承担相应法律责任");
    expect(text).toContain("联系人：李经办　联系电话：13907910000");
    expect(text).toContain("申请人（签章）：样例代表");
    expect(text.trimEnd().endsWith("申请日期：2026-12-02")).toBe(true);
  });

  it("leaves the code out for an applicant without a USCC", () => {
    expect(repairApplicationText({ ...base, uscc: null })).toContain("申请人：赣江样例有限公司（演示）\n");
  });
});
