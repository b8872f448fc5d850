import { expect, signIn, test } from "./fixtures";

test("a sysadmin marks a day as a holiday, sees it in the year's calendar, and restores it (issue 14 §3)", async ({
  page,
}) => {
  await signIn(page, "sysadmin");
  await page.goto("/admin/calendar?year=2031");
  await expect(page.getByRole("status")).toContainText("2031 年尚未录入节假日安排");
  await page.getByLabel("日期").fill("2031-01-01");
  await page.getByLabel("类型").selectOption("holiday");
  await page.getByLabel("名称").fill("元旦");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已将 2031-01-01 设为法定节假日")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "2031-01-01" });
  await expect(row).toContainText("元旦");
  await expect(row).toContainText("周三");
  // a weekday is never a 调休 workday
  await page.getByLabel("日期").fill("2031-01-02");
  await page.getByLabel("类型").selectOption("workday");
  await page.getByLabel("名称").fill("调休");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("2031-01-02 是工作日（周一至周五），无需设为调休上班日。")).toBeVisible();
  page.on("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "恢复为普通日期" }).click();
  await expect(page.getByRole("row").filter({ hasText: "2031-01-01" })).toHaveCount(0);
});

test("the calendar is the sysadmin's: an operator gets 403", async ({ page }) => {
  await signIn(page, "operator");
  const r = await page.goto("/admin/calendar");
  expect(r?.status()).toBe(403);
});
