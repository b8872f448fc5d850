import { FIXTURE } from "../../scripts/seed/fixtures";
import { expect, test } from "../admin/fixtures";

// Issue 20 N11, N13: cheap abuse — each test comes from its own client address (fixtures), so limits are its own.

test("guessing report codes on /verify is limited per address, with a Chinese message", async ({ page }) => {
  test.setTimeout(60_000);
  const answers: string[] = [];
  // 30 for a limit of 20: the refill (one every 3 s) must not make up the difference on a slow machine
  for (let i = 0; i < 30; i++)
    answers.push(
      await (
        await page.request.get(`/verify?no=XY20261201${String(i).padStart(6, "0")}&code=AAAA-AAAA`)
      ).text(),
    );
  const limited = answers.filter((t) => t.includes("报告核验过于频繁：同一网络地址每分钟最多 20 次"));
  expect(limited.length).toBeGreaterThanOrEqual(4);
  // the stored original is behind the same allowance
  const originals: number[] = [];
  for (let i = 0; i < 3; i++)
    originals.push((await page.request.get("/verify/original?no=XY20261201000001&code=AAAA-AAAA")).status());
  expect(originals).toContain(429);
});

test("proof-of-work challenges are limited per address (429 with Retry-After)", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 35; i++) statuses.push((await request.get("/objections/challenge")).status());
  expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
  const last = await request.get("/objections/challenge");
  expect(last.status()).toBe(429);
  expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await last.json()).error.message).toMatch(/防滥用校验请求过于频繁/);
});

test("a subject's public report is made once a day for the same content, and downloads are limited apart", async ({
  request,
}) => {
  test.setTimeout(60_000);
  const url = `/subjects/${FIXTURE.company.uscc}/report.pdf`;
  const numbers = new Set<string>();
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const r = await request.get(url);
    statuses.push(r.status());
    if (r.ok()) numbers.add(r.headers()["x-report-no"] ?? "");
  }
  // one report for all the downloads of the day, and the eleventh within the minute refused
  expect(numbers.size).toBe(1);
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(11);
  expect(statuses.at(-1)).toBe(429);
});

test("objection posts without a proof-of-work do not use up the address's objection quota", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/penalties");
  const href = (await page.locator('a[href^="/penalties/"]').first().getAttribute("href")) ?? "";
  // junk: the browser gets no challenge, so every post goes without a solution — held back before the page loads,
  // or a challenge fetched at once may be solved after the field below is cleared, and the post is accepted
  await page.route("**/objections/challenge", () => {});
  await page.goto(`/objections?type=penalty&id=${href.split("/").pop()}`);
  await page.getByLabel("异议人姓名或单位名称").fill("配额测试人");
  await page.getByLabel("联系方式").fill("13900000000");
  await page.getByLabel("异议理由").fill("用于检验没有防滥用校验的提交不占用本地址的异议配额。");
  for (let i = 0; i < 11; i++) {
    await page.locator('input[name="pow"]').evaluate((el) => {
      (el as HTMLInputElement).value = "";
    });
    await page.getByRole("button", { name: "提交异议" }).click();
    await expect(page.locator("main").getByRole("alert").first()).toContainText("防滥用校验");
  }
  // the real one, solved in the browser, is still accepted
  await page.unroute("**/objections/challenge");
  await page.reload();
  await page.getByLabel("异议人姓名或单位名称").fill("配额测试人");
  await page.getByLabel("联系方式").fill("13900000000");
  await page.getByLabel("异议理由").fill("用于检验没有防滥用校验的提交不占用本地址的异议配额。");
  await expect(page.getByText("✓ 防滥用校验已完成。")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByRole("status").filter({ hasText: "异议已提交" })).toBeVisible();
});
