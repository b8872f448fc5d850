import { describe, expect, it } from "vitest";
import { fieldsOf, MissingField, message, render, TEMPLATES, type TemplateName } from "./templates";

const names = Object.keys(TEMPLATES) as TemplateName[];
const sample = (name: TemplateName) => Object.fromEntries(fieldsOf(name).map((f) => [f, `〈${f}〉`]));

describe("message templates (issue 22 §2, 'a template lacking a field is refused')", () => {
  it.each(names)("%s renders every field it names, and nothing is left unfilled", (name) => {
    const text = render(name, sample(name));
    for (const part of Object.values(text)) expect(part).not.toMatch(/[{}]/);
    expect(text.body).toMatch(/[\u4e00-\u9fff]/);
    expect(text.sms).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(names)("%s refuses a payload missing any one of its fields", (name) => {
    for (const f of fieldsOf(name)) {
      const { [f]: _, ...rest } = sample(name);
      expect(() => render(name, rest)).toThrow(MissingField);
    }
  });

  it.each(names)(
    "%s: the SMS is signed 【信用江西】, names the case number and stays within two SMS (134 characters)",
    (name) => {
      const sms = render(name, sample(name)).sms;
      expect(sms.startsWith("【信用江西】")).toBe(true);
      // a message about a case names it (a digest by its lines); a verification code is about no case
      const caseless = name === "verify_code" || name === "webhook_paused";
      if (!caseless) expect(TEMPLATES[name].sms).toContain("{caseNo}");
      // a digest's body lists its cases line by line
      const digest = name === "deadline_digest" || name === "check_feedback_due";
      if (!caseless && !digest) expect(TEMPLATES[name].body).toContain("{caseNo}");
      // a realistic case number and list name
      const real = render(name, {
        ...sample(name),
        caseNo: "MD20261202000123",
        listName: "市场监督管理严重违法失信名单",
        deptName: "江西省市场监督管理局",
        kindTitle: "信用修复",
        stateLabel: "同意修复",
        days: 5,
        validUntil: "2029-12-01",
        account: "江西省市场监督管理局 审核员",
        subjectName: "江西省赣江新区样例建设工程有限公司",
        what: "新增行政处罚",
        failures: 10,
      }).sms;
      expect(real.length).toBeLessThanOrEqual(134);
    },
  );

  it("the 告知's texts name the defence period counted from service (DOMAIN §5, issue 22 §3)", () => {
    const t = render("list_notice", sample("list_notice"));
    expect(t.body).toContain("送达之日起 〈days〉 个工作日内");
    expect(t.sms).toContain("送达之日起〈days〉个工作日内");
  });

  it("an unknown template is refused, not sent empty", () => {
    expect(() => render("no_such_template", {})).toThrow(MissingField);
  });

  it("message() carries the template's name and its payload as given", () => {
    const m = message("public_step", {
      kindTitle: "异议",
      caseNo: "YY1",
      on: "2026-12-02",
      stateLabel: "已受理",
      note: "",
    });
    expect(m).toEqual({
      template: "public_step",
      payload: { kindTitle: "异议", caseNo: "YY1", on: "2026-12-02", stateLabel: "已受理", note: "" },
    });
  });
});
