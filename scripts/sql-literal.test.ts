import { describe, expect, it } from "vitest";
import { inline, literal } from "./sql-literal";

// issue 24 §1: pgbench must run the very statements the app sends, so every parameter becomes an equal literal
describe("literal", () => {
  it("doubles single quotes in strings and leaves numbers bare", () => {
    expect(literal("南昌'市")).toBe("'南昌''市'");
    expect(literal(20)).toBe("20");
    expect(literal(null)).toBe("NULL");
    expect(literal(true)).toBe("true");
  });
  it("writes arrays as array literals, quoting each element", () => {
    expect(literal(["南昌", 'a"b', "c\\d"])).toBe(`'{"南昌","a\\"b","c\\\\d"}'`);
  });
});

describe("inline", () => {
  it("replaces $10 as a whole, not as $1 followed by 0", () => {
    const params = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inline({ text: "SELECT $1, $10", params })).toBe("SELECT 1, 10");
  });
  it("keeps the cast after a parameter", () => {
    expect(inline({ text: "WHERE g @> $1::text[]", params: [["南昌"]] })).toBe(
      `WHERE g @> '{"南昌"}'::text[]`,
    );
  });
});
