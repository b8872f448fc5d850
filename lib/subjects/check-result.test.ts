import { describe, expect, it } from "vitest";
import { describeOddCharacters, fail, ok } from "./check-result";

describe("check results — a reason a person can read, never an exception", () => {
  it("ok carries warnings, fail a reason", () => {
    expect(ok()).toEqual({ valid: true, warnings: [] });
    expect(ok(["注意"])).toEqual({ valid: true, warnings: ["注意"] });
    expect(fail("错误")).toEqual({ valid: false, reason: "错误" });
  });
  it("names full-width characters and whitespace a user cannot see", () => {
    expect(describeOddCharacters("９１360100")).toBe("含有全角字符，请改用半角字母和数字");
    expect(describeOddCharacters("913601\u300000")).toBe("含有全角字符，请改用半角字母和数字");
    expect(describeOddCharacters("913601 00")).toBe("含有空格或换行");
    expect(describeOddCharacters("91360100MA3CAXE01")).toBeNull();
  });
});
