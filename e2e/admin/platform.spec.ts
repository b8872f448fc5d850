import { withUsccCheckChar } from "@/lib/subjects/uscc";
import { expect, listedCompany, signIn, test } from "./fixtures";

/** Issue 23: the platform between departments, driven as its people and systems use it. */

const USCC = /[0-9A-HJ-NPQRTUWXY]{18}/;

/** The statistics row of a department: checks, hits, feedback given, feedback missing. */
async function checkFigures(page: import("@playwright/test").Page, dept: string) {
  await page.goto("/admin/platform/checks/statistics");
  const row = page.locator(`tr[data-dept="${dept}"]`);
  if ((await row.count()) === 0) return [0, 0, 0, 0];
  return (await row.locator("td").allTextContents()).slice(1).map(Number);
}

test("a department checks a listed subject, reports what it applied, and the console statistics count it", async ({
  page,
  browser,
  baseURL,
}) => {
  // a subject on the serious-dishonesty list, as the public list shows it
  const { uscc } = await listedCompany(page);

  const sup = await (
    await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.99.7" } })
  ).newPage();
  await signIn(sup, "supervisor");
  const before = await checkFigures(sup, "省市场监管局");

  await signIn(page, "operator");
  await page.goto("/admin/platform/checks");
  await page.getByLabel("统一社会信用代码").fill(uscc);
  await page.getByLabel("核查事项").selectOption({ label: "政府采购" });
  await page.getByRole("button", { name: "核查" }).click();
  await expect(page.getByRole("heading", { name: /^核查结果 LH\d{14}$/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "依法限制参与政府采购活动" })).toBeVisible();
  await page.getByRole("button", { name: "提交反馈" }).click();
  // the page now shows the feedback as recorded, in place of the form
  await expect(page.getByRole("heading", { name: /成效反馈（/ })).toBeVisible();
  await expect(page.getByRole("region", { name: /成效反馈（/ })).toContainText("CJ-001");

  const after = await checkFigures(sup, "省市场监管局");
  // checks, hits and feedback each one more; nothing newly missing
  const [checks = 0, hits = 0, given = 0, missing = 0] = before;
  expect(after).toEqual([checks + 1, hits + 1, given + 1, missing]);
});

test("a department's system checks through its key; a second feedback and an unknown matter are refused", async ({
  page,
  request,
}) => {
  const { uscc } = await listedCompany(page);

  await signIn(page, "sysadmin");
  await page.goto("/admin/api-keys");
  await page.getByLabel("部门").selectOption({ label: "江西省市场监督管理局" });
  await page.getByLabel("用途说明").fill("e2e 联合奖惩核查");
  await page.getByLabel("报送行政许可、行政处罚数据").uncheck();
  await page.getByLabel("联合奖惩核查与反馈").check();
  await page.getByRole("button", { name: "创建密钥" }).click();
  const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
  const auth = { authorization: `Bearer ${key}` };

  const check = await request.post("/api/v1/checks", {
    headers: auth,
    data: { uscc, matter: "procurement" },
  });
  expect(check.status()).toBe(201);
  const r = await check.json();
  expect(r.measures.map((m: { code: string }) => m.code)).toContain("CJ-001");
  const feedback = (applied: number[]) =>
    request.post(`/api/v1/checks/${r.checkId}/feedback`, { headers: auth, data: { applied } });
  expect((await feedback([r.measures[0].measureId])).status()).toBe(200);
  const twice = await feedback([r.measures[0].measureId]);
  expect(twice.status()).toBe(409);
  expect((await twice.json()).error.message).toMatch(/不能重复反馈/);
  const unknown = await request.post("/api/v1/checks", { headers: auth, data: { uscc, matter: "lottery" } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error.message).toMatch(/不在措施清单的事项中/);
  // this key may check, not report records
  expect(
    (await request.post("/api/v1/provider/penalties", { headers: auth, data: { records: [{}] } })).status(),
  ).toBe(403);
});

test("an institution's key reads an 授权查询 item the public API hides, and the company sees the query in its portal", async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const biz = await (
    await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.98.9" } })
  ).newPage();
  await biz.goto("/business/login");
  await biz.getByLabel("统一社会信用代码").fill("business");
  await biz.getByLabel("密码").fill("Jiangxi@2026");
  await biz.getByRole("button", { name: "登录" }).click();
  await expect(biz.getByRole("heading", { level: 1 })).not.toHaveText("企业登录");
  const uscc = (await biz.locator("main").textContent())?.match(USCC)?.[0] ?? "";
  expect(uscc).toMatch(USCC);

  await signIn(page, "sysadmin");
  await page.goto("/admin/platform/institutions");
  const bank = `e2e 样例银行${Date.now() % 100000}`;
  await page.getByLabel("机构名称").fill(bank);
  await page.getByLabel("机构类别").selectOption({ label: "银行业金融机构" });
  await page
    .getByLabel("统一社会信用代码")
    .fill(withUsccCheckChar(`91360100MA35E${String(Date.now() % 10_000).padStart(4, "0")}`));
  await page.getByLabel("授权文件文号").fill("赣信用授〔2026〕99号");
  await page.getByLabel("授权有效期至").fill("2027-12-31");
  await page.getByLabel("不予公示的行政处罚信息（简易程序、小额罚款）").check();
  await page.getByLabel("贷款审批").check();
  await page.getByRole("button", { name: "登记并签发密钥" }).click();
  const message = page.getByRole("alert").or(page.getByRole("status"));
  await expect(message.first()).toBeVisible();
  const key =
    (await page
      .getByTestId("new-api-key")
      .textContent()
      .catch(() => "")) ?? "";
  expect(key, (await message.first().textContent()) ?? "").toMatch(/^cjx_/);

  const query = await request.post("/api/v1/queries", {
    headers: { authorization: `Bearer ${key}` },
    data: { uscc, purpose: "loan" },
  });
  expect(query.status()).toBe(200);
  const body = await query.json();
  const hidden = body.authorised.filter((r: { dataClass: string }) => r.dataClass === "penalty_undisclosed");
  expect(hidden.length).toBeGreaterThan(0);
  const publicView = await (await request.get(`/api/v1/subjects/${uscc}`)).json();
  const publicNos = publicView.penalties.map((p: { decisionNo: string }) => p.decisionNo);
  for (const r of hidden) expect(publicNos).not.toContain(r.decisionNo);

  // a purpose the authorisation does not name
  const other = await request.post("/api/v1/queries", {
    headers: { authorization: `Bearer ${key}` },
    data: { uscc, purpose: "tender" },
  });
  expect(other.status()).toBe(403);

  await biz.goto("/business/queries");
  await expect(biz.getByRole("row").filter({ hasText: bank })).toContainText("贷款审批");
});

test("an item made 内部 leaves the profile, the CSV and the API at once, after the editor confirms", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "sysadmin");
  await page.goto("/admin/platform/catalogue");
  const deptId = await page
    .getByLabel("部门")
    .locator("option", { hasText: "江西省林业局" })
    .getAttribute("value");
  const list = await (await request.get(`/api/v1/licences?dept=${deptId}`)).json();
  const found = (list.results as { decisionNo: string; subjectUscc: string | null }[]).find(
    (r) => r.subjectUscc,
  );
  const licence = { decisionNo: found?.decisionNo ?? "", uscc: found?.subjectUscc ?? "" };
  expect(licence.uscc).toMatch(USCC);
  const onProfile = async () => (await request.get(`/subjects/${licence.uscc}`)).text();
  const inCsv = async () => (await request.get("/open-data/licences.csv")).text();
  const apiOf = async () =>
    (await (await request.get(`/api/v1/subjects/${licence.uscc}`)).json()) as {
      licences: { current: { decisionNo: string }[]; history: { decisionNo: string }[] };
    };
  const apiNos = async () => {
    const a = await apiOf();
    return [...a.licences.current, ...a.licences.history].map((l) => l.decisionNo);
  };
  expect(await onProfile()).toContain(licence.decisionNo);
  expect(await inCsv()).toContain(licence.decisionNo);
  expect(await apiNos()).toContain(licence.decisionNo);

  await page.goto(`/admin/platform/catalogue?dept=${deptId}`);
  const card = page.locator('[data-item="licence"]');
  const setTo = async (label: string, confirm: boolean) => {
    await card.locator('select[name="classification"]').selectOption({ label });
    if (confirm) await card.getByLabel(/我已知晓/).check();
    await card.getByRole("button", { name: "保存" }).click();
  };
  try {
    await setTo("内部", false);
    await expect(card.getByText(/条记录在公开页面、开放数据文件和公开接口中提供.*立即撤下/)).toBeVisible();
    expect(await apiNos()).toContain(licence.decisionNo);
    await setTo("内部", true);
    await expect(card.getByText("已保存")).toBeVisible();
    expect(await onProfile()).not.toContain(licence.decisionNo);
    expect(await inCsv()).not.toContain(licence.decisionNo);
    expect(await apiNos()).not.toContain(licence.decisionNo);
    expect((await (await request.get(`/api/v1/licences?dept=${deptId}`)).json()).total).toBe(0);
    await page.goto("/catalogue");
    await expect(page.locator(`[data-item="${deptId}:licence"]`)).toContainText("内部");
  } finally {
    await page.goto(`/admin/platform/catalogue?dept=${deptId}`);
    await setTo("公开", false);
    await expect(card.getByText("已保存")).toBeVisible();
  }
  expect(await apiNos()).toContain(licence.decisionNo);
});
