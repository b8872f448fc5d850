import { expect, signIn, test } from "./fixtures";

// CVE-2025-29927: a forged x-middleware-subrequest once skipped middleware entirely. The proxy here is only a
// convenience; the pages call the guard themselves, so skipping it must still yield nothing.
const FORGED = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" };

test("no session, with or without a forged x-middleware-subrequest, gets the sign-in page and no data", async ({
  page,
  request,
}) => {
  for (const path of ["/admin", "/admin/audit", "/admin/account"]) {
    for (const headers of [{}, FORGED]) {
      await page.setExtraHTTPHeaders(headers);
      await page.goto(path);
      await expect(page).toHaveURL(/\/admin\/login/);
      await expect(page.locator("body")).not.toContainText("哈希链");
      const r = await request.get(path, { headers, maxRedirects: 0 });
      expect([302, 303, 307]).toContain(r.status());
      expect(await r.text()).not.toContain("哈希链");
    }
  }
});

test("an operator gets 403 on the audit log, and the refusal is audited", async ({ page }) => {
  await signIn(page, "operator");
  const r = await page.goto("/admin/audit");
  expect(r?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "无权访问（403）" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("哈希链");
  await page.goto("/admin/account");
  await page.getByRole("button", { name: "退出" }).click();
  await signIn(page, "auditor");
  await page.goto("/admin/audit?actor=operator");
  await expect(page.getByRole("cell", { name: "越权访问被拒绝" }).first()).toBeVisible();
});

test("the auditor only reads the audit log; the sysadmin sees no audit log and no business data", async ({
  page,
}) => {
  await signIn(page, "auditor");
  await expect(page).toHaveURL(/\/admin\/audit/);
  const nav = page.getByRole("navigation", { name: "后台导航" });
  await expect(nav.getByRole("link")).toHaveText(["审计日志", "消息", "账号安全"]);
  await expect(page.getByText("哈希链完整")).toBeVisible();
  // issue 9 §3: the latest checkpoint is there to copy out
  await expect(page.getByTestId("audit-checkpoint")).toContainText(/第 \d+ 行 · 共 \d+ 行 · [0-9a-f]{64}/);
  // issue 9 §9: a NUL in a filter is dropped, not a 500
  expect((await page.goto("/admin/audit?actor=%00&action=a%00b"))?.status()).toBe(200);
  await page.getByRole("button", { name: "退出" }).click();

  await signIn(page, "sysadmin");
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
  await page.goto("/admin");
  await expect(page).not.toHaveURL(/\/admin$/);
  await expect(page.locator("body")).not.toContainText("有效行政处罚");
});

// issue 10: 近 12 个月 showed 13 months, and the city chart mixed in the province's own departments
test("the supervisor's dashboard: twelve months, cities only in the city chart, provincial departments apart", async ({
  page,
}) => {
  await signIn(page, "supervisor");
  await page.goto("/admin");
  const months = page.getByRole("table", { name: "近 12 个月行政处罚与行政许可数量" }).locator("tbody tr");
  await expect(months).toHaveCount(12);
  const cities = page.getByRole("table", { name: "按设区市统计" });
  await expect(cities).toContainText("南昌市");
  await expect(cities).not.toContainText("省直部门");
  await expect(page.getByTestId("provincial-counts")).toContainText("省直部门");
});
