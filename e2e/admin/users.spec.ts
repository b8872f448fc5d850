import { withUsccCheckChar } from "../../lib/subjects/uscc";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

test("the sysadmin creates an account; role changes and disabling apply on the user's next request", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000); // two accounts, a password change, a role change and a disable
  await signIn(page, "sysadmin");
  await expect(page).toHaveURL(/\/admin\/users/);
  const form = page.locator("form", { has: page.getByRole("button", { name: "创建用户" }) });
  await form.getByLabel("用户名").fill("e2e_new_op");
  await form.getByLabel("姓名").fill("新录入员");
  await form.getByLabel("初始密码").fill("Temp#2026abcd");
  await form.getByLabel("所属部门").selectOption({ label: "江西省市场监督管理局" });
  await form.getByLabel("管辖区域").selectOption("360000");
  await form.getByRole("checkbox", { name: "录入员" }).check();
  await form.getByRole("checkbox", { name: "安全审计员" }).check();
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText(/三员分立/).first()).toBeVisible();
  await form.getByRole("checkbox", { name: "安全审计员" }).uncheck();
  await form.getByLabel("初始密码").fill("Temp#2026abcd");
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(page.getByText("用户已创建")).toBeVisible();
  const userUrl = page.url().replace(/\?.*$/, "");

  // the new operator signs in, must change the initial password, then works
  const ctx = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.201" } });
  const them = await ctx.newPage();
  await signIn(them, "e2e_new_op", "Temp#2026abcd");
  await expect(them).toHaveURL(/\/admin\/password/);
  await them.getByLabel("当前密码").fill("Temp#2026abcd");
  await them.getByLabel(/^新密码/).fill(DEMO_PASSWORD);
  await them.getByLabel("确认新密码").fill(DEMO_PASSWORD);
  await them.getByRole("button", { name: "修改密码" }).click();
  await expect(them.getByRole("heading", { name: /工作台/ })).toBeVisible();
  expect((await them.goto("/admin/records/new?type=penalty"))?.status()).toBe(200);

  // operator → reviewer: the very next request sees the new role
  await page.goto(userUrl);
  await page.getByRole("checkbox", { name: "录入员" }).uncheck();
  await page.getByRole("checkbox", { name: "审核员" }).check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。新的角色")).toBeVisible();
  expect((await them.goto("/admin/records/new?type=penalty"))?.status()).toBe(403);

  // disabled: the session ends at once
  page.once("dialog", (d) => {
    expect(d.message()).toContain("确定停用账号 e2e_new_op 吗");
    void d.accept();
  });
  await page.getByRole("button", { name: "停用账号" }).click();
  await expect(page.getByText("账号已停用")).toBeVisible();
  await them.goto("/admin/records");
  await expect(them).toHaveURL(/\/admin\/login\?reason=disabled/);
  await expect(them.locator("main").getByRole("alert")).toContainText("已被停用");
  await ctx.close();

  // the sysadmin has no business data
  expect((await page.goto("/admin/records"))?.status()).toBe(403);
});

test("a provider API key, shown once, lets a department push a batch with a result per row; revoked, it stops", async ({
  page,
  request,
}) => {
  await signIn(page, "sysadmin");
  await page.goto("/admin/api-keys");
  await page.getByLabel("部门").selectOption({ label: "江西省市场监督管理局" });
  await page.getByLabel("用途说明").fill("e2e 报送");
  await page.getByRole("button", { name: "创建密钥" }).click();
  const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(key).toMatch(/^cjx_[0-9a-f]{8}_/);
  await page.reload();
  await expect(page.locator("body")).not.toContainText(key);
  await expect(page.getByRole("cell", { name: `${key.slice(0, 12)}_…` })).toBeVisible();

  const push = (records: unknown[], auth = `Bearer ${key}`) =>
    request.post("/api/v1/provider/penalties", { headers: { authorization: auth }, data: { records } });
  const first = await push([
    penalty(1),
    penalty(2),
    penalty(3, { fineAmount: "-1", decisionDate: "2999-01-01" }),
  ]);
  expect(first.status()).toBe(200);
  const r = await first.json();
  expect(r.summary).toEqual({ received: 3, new: 2, updated: 0, unchanged: 0, rejected: 1 });
  expect(r.results[2].errors.map((e: { field: string }) => e.field)).toEqual([
    "罚款金额（万元）",
    "处罚决定日期",
  ]);
  const again = await (await push([penalty(1), penalty(2)])).json();
  expect(again.summary).toMatchObject({ new: 0, unchanged: 2 });
  expect((await push([penalty(4)], "Bearer cjx_00000000_notavalidkeynotavalidkeynotava")).status()).toBe(401);
  expect((await push(Array.from({ length: 5001 }, (_, i) => penalty(i)))).status()).toBe(400);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "吊销" }).first().click();
  await expect(page.getByRole("cell", { name: /^已吊销/ })).toBeVisible();
  expect((await push([penalty(5)])).status()).toBe(401);
});

const penalty = (i: number, overrides: Record<string, unknown> = {}) => ({
  counterpartName: `接口报送测试${i}有限公司（演示）`,
  counterpartCategory: "legal_entity",
  uscc: withUsccCheckChar(`91360100MAE2EAP${String(i % 100).padStart(2, "0")}`),
  decisionNo: `赣接口罚〔2026〕${i}号`,
  violationType: "未按规定公示年度报告",
  violationFacts: "经查，当事人未按规定公示年度报告。",
  legalBasis: "《企业信息公示暂行条例》第十八条",
  penaltyTypes: ["罚款"],
  penaltyContent: "罚款 2 万元",
  fineAmount: "2",
  decisionDate: "2026-05-01",
  ...overrides,
});

// issue 10: the 状态 column held only a 停用 button and the region read 360000
test("the departments page shows each department's state and region by name, the action apart", async ({
  page,
}) => {
  await signIn(page, "sysadmin");
  await page.goto("/admin/departments");
  const row = page.getByRole("row", { name: /南昌市市场监督管理局/ }).first();
  await expect(row.getByRole("cell").nth(3)).toHaveText("南昌市");
  await expect(row.getByRole("cell").nth(4)).toHaveText("启用中");
  await expect(row.getByRole("button", { name: "停用" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/\b3601\d\d\b/);
});
