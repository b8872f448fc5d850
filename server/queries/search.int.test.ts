import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { foldText } from "@/lib/subjects/fold";
import { pinyinInitials } from "@/lib/subjects/pinyin";
import { parseSearchQuery } from "@/lib/subjects/search-query";
import { withUsccCheckChar } from "@/lib/subjects/uscc";
import { forgetGramEstimates, searchSql, searchSubjects } from "./search";

let db: TestDatabase;
const today = "2026-12-05";

const MEANT = "南昌森航建设工程有限公司";
const code = (n: number) => withUsccCheckChar(`9136010${String(n).padStart(10, "0")}`);
const NAMES = [
  MEANT,
  "江西省赣鄱建设集团有限公司",
  "ＡＢＣ（江西）物流有限公司",
  "南昌市红谷滩区建筑工程有限公司",
  "南昌建设工程有限公司",
  "赣州稀土矿业有限公司",
  "九江森林旅游开发有限公司",
];

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  for (const [i, name] of NAMES.entries())
    await db.exec(
      `INSERT INTO subjects (public_id, kind, uscc, name, name_initials, region_code)
       VALUES ($1, 'legal_person', $2, $3, $4, NULL)`,
      [`psearch${i}`, code(i + 1), name, pinyinInitials(name)],
    );
  await db.exec(
    "INSERT INTO subjects (public_id, kind, name, name_initials) VALUES ('psearchperson', 'natural_person', '南昌森航', 'ncsh')",
  );
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
});

async function search(q: string) {
  const r = await searchSubjects({ q, today });
  if (r.status !== "ok") throw new Error(`${q}: ${JSON.stringify(r)}`);
  return { hits: r.hits.map((h) => h.name), suggestions: r.suggestions.map((s) => s.name), notice: r.notice };
}

describe("a name made of frequent grams is found by reading names in order (issue 24 §1)", () => {
  it("finds exactly what the bigram index finds, and no natural person", async () => {
    await db.exec("ANALYZE subjects");
    forgetGramEstimates();
    for (const q of ["南昌", "公司", "建设", "森航", "有限公司", "建设工程"]) {
      const parsed = parseSearchQuery(q);
      const rows = async (frequent: boolean) => {
        const { text, params } = searchSql(parsed, {}, 1, frequent);
        return (await db.exec(text, params)).map((r) => String(r.name)).sort();
      };
      const byIndex = await rows(false);
      expect(byIndex.length).toBeGreaterThan(0);
      expect(await rows(true)).toEqual(byIndex);
      expect((await search(q)).hits.sort()).toEqual(byIndex);
    }
    expect((await search("南昌")).hits.sort()).toEqual(
      [MEANT, "南昌市红谷滩区建筑工程有限公司", "南昌建设工程有限公司"].sort(),
    );
  });
});

describe("a search that forgives (issue 25 §1), on the engine's own index", () => {
  it("the index and the query fold alike: fold_name() in SQL is foldText() in lib", async () => {
    const samples = ["江西省貛鄱建設集團", "ＡＢＣ（江西）", "臺灣積體電路", "南昌森航"];
    for (const s of samples) {
      const [row] = await db.exec("SELECT fold_name($1) AS f", [s]);
      expect(row?.f).toBe(foldText(s));
    }
  });

  it("two fragments separated by a space both match", async () => {
    expect((await search("森航 建设")).hits).toEqual([MEANT]);
    expect((await search("森航、工程")).hits).toEqual([MEANT]);
    expect((await search("森航 矿业")).hits).toEqual([]);
  });

  it("a traditional-character name finds the simplified one; full-width letters find half-width", async () => {
    expect((await search("江西省贛鄱建設集團")).hits).toEqual(["江西省赣鄱建设集团有限公司"]);
    expect((await search("abc(江西)")).hits).toEqual(["ＡＢＣ（江西）物流有限公司"]);
    expect((await search("ＡＢＣ物流")).hits).toEqual([]);
    expect((await search("ＡＢＣ 物流")).hits).toEqual(["ＡＢＣ（江西）物流有限公司"]);
  });

  it("one character off: no hit, the name meant under 「您是不是要找」, first", async () => {
    for (const typed of ["南昌森航建筑", "南昌航森建设", "南昌森建设工程"]) {
      const r = await search(typed);
      expect(r.hits, typed).toEqual([]);
      expect(r.suggestions[0], typed).toBe(MEANT);
    }
  });

  it("the time spent on near misses is reported apart, and only when they were looked for", async () => {
    const near = await searchSubjects({ q: "南昌森航建筑", today });
    const exact = await searchSubjects({ q: "南昌建设", today });
    if (near.status !== "ok" || exact.status !== "ok") throw new Error("search failed");
    expect(near.timing.fallbackMs).toBeGreaterThan(0);
    expect(exact.timing.fallbackMs).toBe(0);
    expect(exact.timing.exactMs).toBeGreaterThan(0);
  });

  it("exact hits are never mixed with near misses", async () => {
    const r = await search("南昌建设");
    expect(r.hits).toContain("南昌建设工程有限公司");
    expect(r.suggestions).toEqual([]);
  });

  it("pinyin initials and full pinyin, whole or in part", async () => {
    // initials match in pairs with anything between (南昌市红谷滩区建筑 too), the name meant first
    expect((await search("ncsh")).hits[0]).toBe(MEANT);
    expect((await search("nancsenhang")).hits).toEqual([MEANT]);
    expect((await search("senhang jianshe")).hits).toEqual([MEANT]);
  });

  it("a USCC with one wrong character offers the subject whose code differs only there", async () => {
    const right = code(1);
    const wrong = `${right.slice(0, 5)}${right.charAt(5) === "7" ? "8" : "7"}${right.slice(6)}`;
    const r = await search(wrong);
    expect(r.hits).toEqual([]);
    expect(r.suggestions).toEqual([MEANT]);
    expect(r.notice).toMatch(/不是有效的统一社会信用代码/);
  });

  it("a natural person is never found by name, pinyin or near miss (DOMAIN §2)", async () => {
    for (const q of ["南昌森航", "ncsh", "nancsenhang", "南昌森航建筑"]) {
      const r = await search(q);
      expect([...r.hits, ...r.suggestions]).not.toContain("南昌森航");
    }
  });

  it("only punctuation, or too long: a Chinese message, no 500", async () => {
    expect(await searchSubjects({ q: "、，。!!", today })).toMatchObject({ status: "invalid" });
    expect(await searchSubjects({ q: "森航 ".repeat(1000), today })).toMatchObject({
      status: "invalid",
      message: expect.stringMatching(/过长/),
    });
  });
});
