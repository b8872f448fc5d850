import { expect, test } from "@playwright/test";
import { FIXTURE } from "../../scripts/seed/fixtures";

const NAV = [
  "信用查询",
  "信用动态",
  "政策法规",
  "双公示",
  "红黑名单",
  "信用承诺",
  "政务诚信",
  "信用修复",
  "异议申诉",
  "双随机抽查",
  "信用统计",
  "开放数据",
  "企业服务",
];

test.describe("home page", () => {
  for (const width of [1280, 375]) {
    test(`shows the search box, headline counts and latest lists at ${width} px`, async ({ page }, info) => {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto("/");
      expect(response?.status()).toBe(200);

      await expect(page.getByRole("heading", { level: 1, name: "查信用，上信用江西" })).toBeVisible();
      const search = page.getByRole("searchbox", { name: "主体名称、统一社会信用代码或拼音首字母" });
      await expect(search).toBeVisible();
      await expect(page.getByRole("button", { name: "查询" })).toBeVisible();
      await expect(page.getByText("演示数据", { exact: true })).toBeVisible();

      // headline counts come from the seeded database: 3,000 demo subjects + 2 fixtures + 3 business-portal fixtures
      // + 1 objection fixture + 1 list-decision fixture
      // (other specs running alongside add subjects through imports and records: at least the seeded set)
      const subjects = await page.getByRole("link", { name: /^信用主体\s*[\d,]+$/ }).textContent();
      expect(Number(subjects?.replace(/\D/g, ""))).toBeGreaterThanOrEqual(3007);
      const latest = page.getByRole("region", { name: "最新名单公布" }).getByRole("listitem");
      await expect(latest).toHaveCount(10);
      // among the newest publications is the fixture person: masked, never by name (DOMAIN §2); the list-decision
      // walk may have published one more meanwhile
      await expect(latest.filter({ hasText: FIXTURE.person.masked })).toHaveCount(1);
      await expect(page.locator("main")).not.toContainText(FIXTURE.person.name);
      await expect(latest.filter({ hasText: "（演示）" }).first()).toBeVisible();
      // issue 10: each entry opens its own entry page, not the list
      await expect(latest.first().getByRole("link").first()).toHaveAttribute(
        "href",
        /^\/lists\/[a-z-]+\/\d+$/,
      );

      const nav = page.getByRole("navigation", { name: "主导航" });
      for (const label of NAV) await expect(nav.getByRole("link", { name: label })).toBeVisible();

      // nothing wider than the viewport
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      const shot = await page.screenshot({ fullPage: true, path: info.outputPath(`home-${width}.png`) });
      await info.attach(`home-${width}`, { body: shot, contentType: "image/png" });
    });
  }

  test("the search box submits to /search with the query", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox").fill("南昌");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/\/search\?q=%E5%8D%97%E6%98%8C/);
  });

  test("every search example the home page offers finds something (issue 21)", async ({ page }) => {
    await page.goto("/");
    const examples = page.getByTestId("search-examples").getByRole("link");
    await expect(examples).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await page.goto("/");
      const q = (await examples.nth(i).textContent()) ?? "";
      await examples.nth(i).click();
      await expect(
        page.getByRole("heading", {
          name: new RegExp(`查询“${q}”，共 [1-9]\\d* 个结果|按统一社会信用代码查询`),
        }),
      ).toBeVisible();
      await expect(page.locator("main").getByRole("link", { name: /公司/ }).first()).toBeVisible();
    }
  });

  test("no navigation link answers with a server error", async ({ page, request }) => {
    await page.goto("/");
    const hrefs = await page
      .getByRole("navigation", { name: "主导航" })
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
    expect(hrefs).toHaveLength(NAV.length);
    for (const href of hrefs) {
      const res = await request.get(href);
      expect(res.status(), href).toBeLessThan(500);
    }
  });

  test("an unknown page answers 404 in Chinese with a search box", async ({ page }) => {
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page.getByRole("searchbox")).toBeVisible();
    // one main landmark, also when a section's page answers not found
    await expect(page.locator("main")).toHaveCount(1);
    expect((await page.goto("/news/999999999"))?.status()).toBe(404);
    await expect(page.locator("main")).toHaveCount(1);
    expect((await page.goto("/subjects/91360100MA3CAXE0XX"))?.status()).toBe(404);
    await expect(page.locator("main")).toHaveCount(1);
  });
});
