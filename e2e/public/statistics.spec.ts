import { type APIRequestContext, expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";

const rows = async (request: APIRequestContext, path: string) => {
  const r = await request.get(path);
  expect(r.status()).toBe(200);
  return parse((await r.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
};
const countBy = (list: Record<string, string>[], column: string) => {
  const m = new Map<string, number>();
  for (const r of list) m.set(r[column] ?? "", (m.get(r[column] ?? "") ?? 0) + 1);
  return m;
};

// Issue 13 §4: every figure equals the open data on the same day. Another spec may publish something meanwhile,
// and the figures are cached for a minute, so both sides are read again until they agree.
test("/statistics equals the open-data CSVs: records per department, list sizes, commitments", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/statistics");
  await expect(page.getByRole("heading", { level: 1, name: "信用统计" })).toBeVisible();
  await expect(page.getByRole("table", { name: "各部门公示中的行政处罚与行政许可" })).toBeVisible();
  const req = page.request;
  await expect
    .poll(
      async () => {
        const [depts, penalties, licences, lists, red, serious, commitments] = await Promise.all([
          rows(req, "/statistics/departments.csv"),
          rows(req, "/open-data/penalties.csv"),
          rows(req, "/open-data/licences.csv"),
          rows(req, "/statistics/lists.csv"),
          rows(req, "/open-data/lists-red.csv"),
          rows(req, "/open-data/lists-serious-dishonesty.csv"),
          rows(req, "/statistics/commitments.csv"),
        ]);
        const byAuthority = countBy(penalties, "处罚机关");
        const byLicensor = countBy(licences, "许可机关");
        const wrong = depts.filter(
          (d) =>
            Number(d.行政处罚) !== (byAuthority.get(d.部门 ?? "") ?? 0) ||
            Number(d.行政许可) !== (byLicensor.get(d.部门 ?? "") ?? 0),
        );
        const listed = new Map(lists.map((l) => [l.名单, Number(l.公示中)]));
        const committed = commitments.reduce(
          (n, c) => n + Number(c.履约中) + Number(c.已履约) + Number(c.违诺),
          0,
        );
        const openCommitments = (await rows(req, "/open-data/commitments.csv")).length;
        return {
          departmentsDiffering: wrong.map((d) => d.部门),
          penaltiesTotal: depts.reduce((n, d) => n + Number(d.行政处罚), 0) === penalties.length,
          red: listed.get("守信激励对象名单（红名单）") === red.length,
          serious: listed.get("严重失信主体名单") === serious.length,
          commitments: committed === openCommitments,
        };
      },
      { timeout: 100_000, intervals: [2_000, 5_000, 10_000] },
    )
    .toEqual({ departmentsDiffering: [], penaltiesTotal: true, red: true, serious: true, commitments: true });
});

test("a city's own view: its heading, county filter and figures; the home page links it", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("region", { name: "地方信用" }).getByRole("link", { name: "九江" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("信用九江 · 九江市信用信息专栏");
  const counties = page.getByRole("navigation", { name: "按区县筛选" });
  await counties.getByRole("link", { name: "濂溪区" }).click();
  await expect(counties.getByRole("link", { name: "濂溪区" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: /九江市濂溪区最新行政处罚/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "各部门公示中的行政处罚与行政许可" })).toBeVisible();
  expect((await page.request.get("/regions/360000")).status()).toBe(404);
  const csv = await page.request.get("/statistics/lists.csv?region=360400");
  expect(await csv.text()).toContain("名单,公示中");
});
