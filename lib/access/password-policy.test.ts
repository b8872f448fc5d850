import { describe, expect, it } from "vitest";
import { checkPassword } from "./password-policy";

describe("DOMAIN §11 password policy: ≥ 10 characters of ≥ 3 kinds", () => {
  it("accepts the demo password and other strong ones", () => {
    expect(checkPassword("Jiangxi@2026")).toEqual({ ok: true });
    expect(checkPassword("abcdefgh12!")).toEqual({ ok: true });
  });
  it("refuses 9 characters, with the count", () => {
    const r = checkPassword("Abcdef12!");
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toContain("至少 10 个字符");
  });
  it("refuses only two kinds", () => {
    const r = checkPassword("abcdefghij12");
    expect(!r.ok && r.message).toContain("当前只有 2 类");
  });
  it("counts characters, not UTF-16 units, and treats Chinese as a symbol kind", () => {
    expect(checkPassword("信用江西abc12")).toMatchObject({ ok: false }); // 9 characters
    expect(checkPassword("信用江西abc123")).toEqual({ ok: true });
  });
  it("refuses a password containing the username", () => {
    expect(checkPassword("Operator#2026", { username: "operator" })).toMatchObject({
      ok: false,
      message: "密码不能包含用户名。",
    });
  });
});
