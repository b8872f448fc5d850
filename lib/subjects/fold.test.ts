import { readFileSync } from "node:fs";
import { Converter } from "opencc-js";
import { describe, expect, it } from "vitest";
import { foldFunctionSql, foldTable, foldText } from "./fold";

describe("foldText — one folding for names and queries (issue 25 §1)", () => {
  it("traditional characters fold to simplified by OpenCC's tables", () => {
    expect(foldText("江西省贛鄱建設集團")).toBe("江西省赣鄱建设集团");
  });
  it("full-width letters, digits and brackets fold to half-width, ASCII to lower case", () => {
    expect(foldText("ＡＢＣ１２３（演示）")).toBe("abc123(演示)");
  });
  it("Hong Kong and Taiwan variant forms fold as their standard traditional form does", () => {
    expect(foldText("僞")).toBe("伪");
    expect(foldText("偽")).toBe("伪");
  });
  it("simplified text is left as it is", () => {
    expect(foldText("南昌森航建设工程有限公司")).toBe("南昌森航建设工程有限公司");
  });
  it("character by character it agrees with OpenCC's own converter on a name", () => {
    const t2cn = Converter({ from: "tw", to: "cn" });
    for (const name of ["臺灣積體電路製造股份有限公司", "江西銀行股份有限公司", "贛州稀土礦業"])
      expect(foldText(name)).toBe(t2cn(name));
  });
  it("is the table OpenCC ships (thousands of characters), not a hand-written list", () => {
    expect(foldTable().size).toBeGreaterThan(3000);
  });
});

describe("fold_name() in SQL is the same fold (issue 25 §1: the same function at index and query time)", () => {
  it("migration 0033 defines fold_name() with exactly the table foldFunctionSql() prints", () => {
    const migration = readFileSync(
      new URL("../../db/migrations/0033_search_fold.sql", import.meta.url),
      "utf8",
    );
    expect(migration).toContain(foldFunctionSql());
  });
});
