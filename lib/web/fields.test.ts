import { describe, expect, it } from "vitest";
import { withUsccCheckChar } from "../subjects/uscc";
import {
  choiceField,
  idField,
  mustTick,
  phoneField,
  submissionKeyField,
  textField,
  usccField,
} from "./fields";

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe("shared form fields: each refusal is a Chinese message naming what is wrong (issue 11 Bad input)", () => {
  it("usccField folds case and spaces, then checks GB 32100", () => {
    const code = withUsccCheckChar("91360100MA3CAXE01");
    expect(usccField().parse(` ${code.toLowerCase().slice(0, 8)} ${code.slice(8)}`)).toBe(code);
    const wrong = code.slice(0, 17) + (code.endsWith("1") ? "2" : "1");
    expect(message(usccField().safeParse(wrong))).toContain("校验位错误");
  });

  it("textField names the field when empty, too long, or carrying control characters", () => {
    const f = textField("事项名称", 10);
    expect(message(f.safeParse("  "))).toBe("请填写事项名称");
    expect(message(f.safeParse("一二三四五六七八九十一"))).toBe("事项名称不能超过 10 个字");
    expect(message(f.safeParse("证书\u202Egpj.exe"))).toContain("事项名称");
    expect(message(textField("情况", 100, { min: 10 }).safeParse("太短"))).toBe("情况至少 10 个字");
    expect(textField("内容", 100, { multiline: true }).parse("第一行\n第二行")).toBe("第一行\n第二行");
  });

  it("phoneField takes a mobile or a landline with its area code", () => {
    for (const ok of ["13907910000", "0791-88888888", "079188888888"])
      expect(phoneField().safeParse(ok).success).toBe(true);
    for (const bad of ["12345", "23907910000", "88888888"])
      expect(message(phoneField().safeParse(bad))).toContain("11 位手机号码");
  });

  it("choiceField asks to choose when the select was left at 请选择", () => {
    expect(message(choiceField("受理部门").safeParse(""))).toBe("请选择受理部门");
    expect(choiceField("受理部门").parse("3")).toBe(3);
  });

  it("mustTick refuses an unticked pledge with its own message; submissionKeyField wants the form's uuid", () => {
    expect(message(mustTick("请勾选真实性承诺").safeParse(undefined))).toBe("请勾选真实性承诺");
    expect(mustTick("x").parse("on")).toBe("on");
    expect(message(submissionKeyField().safeParse("not-a-uuid"))).toBe("表单已失效，请刷新页面后重新填写");
  });
});

describe("idField — issue 20 N12: an id past PostgreSQL's integer is refused with the field's message", () => {
  it("takes ids up to 2147483647 and refuses beyond", () => {
    expect(idField("注册申请").safeParse("2147483647").success).toBe(true);
    const r = idField("注册申请").safeParse("99999999999");
    expect(r.success ? null : r.error.issues[0]?.message).toBe("注册申请无效");
  });
});
