import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./admin/fixtures";

// Issue 10: no link leads to a 404 or a 500. Every link of the header, the footer and the home page, and of
// each console menu for each role, is requested; a section that does not exist yet must not be linked.

async function linksOf(page: Page, scope: string): Promise<string[]> {
  const hrefs = await page
    .locator(scope)
    .locator("a[href]")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => h.startsWith("/") && !h.startsWith("//")))];
}

async function expectAllAnswer(page: Page, hrefs: string[]) {
  for (const href of hrefs) {
    const res = await page.request.get(href, { maxRedirects: 5 });
    expect(res.status(), href).not.toBe(404);
    expect(res.status(), href).toBeLessThan(500);
  }
}

test("every link of the header, the footer and the home page answers", async ({ page }) => {
  await page.goto("/");
  const hrefs = await linksOf(page, "header, footer, main");
  expect(hrefs.length).toBeGreaterThan(15);
  await expectAllAnswer(page, hrefs);
  // what a browser asks for by itself (public/, app/robots.ts)
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/");
  expect(await (await page.request.get("/robots.txt")).text()).toContain("Disallow: /admin");
});

/** One link per shape: ids and query values aside, /admin/records/penalty/12 and …/13 are one page to try. */
const shapeOf = (href: string) => {
  const u = new URL(href, "http://x");
  return `${u.pathname.replace(/\/\d+(?=\/|$)/g, "/:id")}?${[...u.searchParams.keys()].sort().join("&")}`;
};

// Issue 21: a console link is shown only to a role that may open it. Each role's menu pages are opened and every
// link in their main area (one of each shape) must answer — never 403, 404 or a 5xx.
for (const role of ["operator", "reviewer", "supervisor", "sysadmin", "auditor", "editor"]) {
  test(`every console menu link of the ${role} answers 200, and no link on those pages is refused`, async ({
    browser,
  }) => {
    // every menu page and every link shape on it: well past the default 30 s on a busy CI machine
    test.setTimeout(90_000);
    const ctx = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": `198.18.0.${role.length * 7}` },
    });
    const page = await ctx.newPage();
    await page.goto("/admin/login");
    await page.getByLabel("用户名").fill(role);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
    const hrefs = await linksOf(page, 'nav[aria-label="后台导航"], header');
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) {
      const res = await page.request.get(href);
      expect(res.status(), `${role} ${href}`).toBe(200);
    }
    const tried = new Set(hrefs.map(shapeOf));
    for (const menu of hrefs.filter((h) => h.startsWith("/admin"))) {
      await page.goto(menu);
      for (const href of await linksOf(page, "main")) {
        // 退出 and downloads aside: pages only
        if (tried.has(shapeOf(href)) || /\.(csv|pdf|xlsx|json)(\?|$)|\/(export|template|file)/.test(href))
          continue;
        tried.add(shapeOf(href));
        const res = await page.request.get(href);
        expect(res.status(), `${role}: ${menu} links to ${href}`).toBeLessThan(400);
      }
    }
    await ctx.close();
  });
}
