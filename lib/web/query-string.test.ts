import { describe, expect, it } from "vitest";
import { firstParam } from "./query-string";

describe("firstParam (issue 9 §9: a NUL in a filter never reaches the database)", () => {
  it("takes the first value and drops control and direction-override characters", () => {
    expect(firstParam(["甲\u0000乙", "丙"])).toBe("甲乙");
    expect(firstParam("a\u202eb\u0001")).toBe("ab");
    expect(firstParam("南昌 建工")).toBe("南昌 建工");
    expect(firstParam(undefined)).toBeUndefined();
  });
});
