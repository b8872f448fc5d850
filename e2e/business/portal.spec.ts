import { withUsccCheckChar } from "../../lib/subjects/uscc";
import { FIXTURE } from "../../scripts/seed/fixtures";
import {
  DEMO_PASSWORD,
  decide,
  expect,
  openCase,
  signIn,
  signInBusiness,
  submitRepairApplication,
  test,
} from "./fixtures";

const B = FIXTURE.business;

test("a company registers, a regulator of its region issues the code, the company activates and signs in", async ({
  page,
  regulator,
}) => {
  test.setTimeout(90_000);
  const fill = async (o: { uscc: string; name: string }, contact = "李经办", password = "Business#2026") => {
    await page.goto("/business/register");
    await page.getByLabel("统一社会信用代码").fill(o.uscc);
    await page.getByLabel("企业名称（与营业执照一致）").fill(o.name);
    await page.getByLabel("联系人姓名").fill(contact);
    await page.getByLabel("联系电话").fill("13907910000");
    await page.getByLabel("登录密码").fill(password);
    await page.getByLabel("确认密码").fill(password);
    await page.getByRole("button", { name: "注册" }).click();
  };
  // a name that is not the registered one, and a USCC nobody holds: refused, nothing created
  await fill({ uscc: B.register.uscc, name: "吉安试点农业有限公司" });
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "企业名称与该统一社会信用代码的登记名称不一致",
  );
  await fill({ uscc: withUsccCheckChar("91360802MAE2E0999"), name: B.register.name });
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "未找到该统一社会信用代码对应的市场主体",
  );

  // issue 20 N7: a stranger who knows the public name and code registers first; it claims nothing
  await fill(B.register, "冒名者", "Squatter#2026");
  await expect(page).toHaveURL(/\/business\/activate\?registered=1/);
  const answer = (await page.getByRole("status").textContent()) ?? "";
  expect(answer).toContain("注册申请已提交");
  await fill(B.register);
  await expect(page).toHaveURL(/\/business\/activate\?registered=1/);
  await expect(page.getByRole("status")).toHaveText(answer);
  // not active yet: no sign-in
  await page.goto("/business/login");
  await page.getByLabel("统一社会信用代码").fill(B.register.uscc);
  await page.getByLabel("密码").fill("Business#2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("用户名或密码错误");

  // the regulator issues a code; issuing again revokes the first
  await signIn(regulator, "operator");
  await regulator.goto(`/admin/business-accounts?uscc=${B.register.uscc}`);
  // both registrations are there; the stranger's is rejected, with the reason
  const squatter = regulator.getByRole("row").filter({ hasText: "冒名者" });
  await expect(squatter).toContainText("待激活");
  await expect(regulator.getByRole("row").filter({ hasText: "李经办" })).toContainText("待激活");
  await squatter.getByLabel("驳回理由").fill("经核实非本企业经办人");
  await squatter.getByRole("button", { name: "驳回" }).click();
  await expect(regulator.getByRole("row").filter({ hasText: "冒名者" })).toContainText("已驳回");
  regulator.on("dialog", (d) => d.accept());
  await regulator.getByRole("button", { name: "签发激活码" }).click();
  const first = (await regulator.getByTestId("activation-code").textContent())?.trim() ?? "";
  await regulator.getByRole("button", { name: "签发激活码" }).click();
  await expect(regulator.getByTestId("activation-code")).not.toHaveText(first);
  const code = (await regulator.getByTestId("activation-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const activate = async (c: string) => {
    await page.goto("/business/activate");
    await page.getByLabel("统一社会信用代码").fill(B.register.uscc);
    await page.getByLabel("登录密码").fill("Business#2026");
    await page.getByLabel("激活码").fill(c);
    await page.getByRole("button", { name: "激活" }).click();
  };
  await activate(first);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("该激活码已作废");
  await activate("AAAA-AAAA");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("激活码不正确");
  await activate(code);
  await expect(page).toHaveURL(/\/business\/login\?reason=activated/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("账号已激活");
  // the code is used up, and the answer does not tell that the company now has an account
  await activate(code);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "统一社会信用代码、密码或激活码不正确，或没有待激活的注册申请",
  );

  await signInBusiness(page, B.register.uscc, "Business#2026");
  await expect(page.getByRole("heading", { name: B.register.name })).toBeVisible();
  // a business session is no way into the console
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/business$/);
});

test("commitment: signed by the company, approved by the reviewer, public at once, then found 违诺 and shown as a negative record", async ({
  page,
  regulator,
}) => {
  test.setTimeout(90_000);
  await signInBusiness(page, B.active.uscc);
  await page.goto("/business/commitments/new");
  await page
    .getByLabel("承诺类型与模板")
    .selectOption({ label: "审批替代型 — 证明事项告知承诺书（第 1 版）" });
  await page.getByLabel("受理部门").selectOption({ label: "江西省市场监督管理局" });
  await page.getByLabel("申请事项").fill("食品经营许可");
  await expect(page.getByTestId("commitment-preview")).toContainText("本单位已知晓食品经营许可所需证明事项");
  await page.getByLabel("签署人（法定代表人或授权代表）").fill("样例代表");
  // unsigned: refused with the checkbox's own message
  await page.getByRole("button", { name: "签署并提交" }).click();
  await expect(page.getByText("请勾选“本单位已阅读并自愿作出上述承诺”")).toBeVisible();
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "签署并提交" }).click();
  await expect(page.getByText("待审核").first()).toBeVisible();

  await signIn(regulator, "reviewer");
  await openCase(regulator, "commitments", B.active.name);
  await expect(regulator.getByText("本单位已知晓食品经营许可所需证明事项")).toBeVisible();
  await decide(regulator, "审核通过");

  await page.goto(`/commitments?q=${encodeURIComponent("九江试点家具")}`);
  await expect(page.getByText("证明事项告知承诺书").first()).toBeVisible();
  await page.goto(`/subjects/${B.active.uscc}`);
  await expect(page.locator("#commitments")).toContainText("本单位已知晓食品经营许可所需证明事项");
  await expect(page.locator("#breaches")).toContainText("没有公示中的违诺记录");

  await decide(regulator, "认定违诺", "经核查，承诺人提交的健康证明系伪造，构成违诺。");
  await page.goto(`/subjects/${B.active.uscc}`);
  await expect(page.locator("#breaches")).toContainText("承诺人提交的健康证明系伪造");
  await expect(page.locator("#breaches")).toContainText("公示截止");
  await expect(page.getByRole("status").first()).toContainText("条公示中的失信信息");
  // the company reads the step in its notices
  await page.goto("/business");
  await expect(page.locator("#notices")).toContainText("违诺");
});

test("self-report: submitted with its material, verified, shown on the profile labelled as self-reported", async ({
  page,
  regulator,
}) => {
  test.setTimeout(90_000);
  await signInBusiness(page, B.active.uscc);
  await page.goto("/business/self-reports/new");
  await page.getByLabel("申报类别").selectOption({ label: "表彰评优" });
  await page.getByLabel("事项名称").fill("九江市文明单位");
  await page.getByLabel("颁发或认定单位").fill("九江市精神文明建设委员会");
  await page.getByLabel("取得日期").fill("2026-05-20");
  await page.getByLabel("具体内容").fill("九文明委〔2026〕3号，有效期三年。");
  await page.getByLabel("核验部门").selectOption({ label: "江西省市场监督管理局" });
  await page.getByLabel("承诺人（法定代表人或授权代表）").fill("样例代表");
  await page.getByRole("checkbox").check();
  // a file that says PNG but is text: refused, judged from its content
  await page
    .getByLabel("证明材料")
    .setInputFiles({ name: "证书.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("的内容不是 PDF、JPG 或 PNG");
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );
  await page
    .getByLabel("证明材料")
    .setInputFiles({ name: "文明单位证书.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByText("待核验").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "文明单位证书.png" })).toBeVisible();

  await signIn(regulator, "reviewer");
  await openCase(regulator, "self-reports", B.active.name);
  // the material opens for the reviewer, and is never cached publicly
  const href = await regulator.getByRole("link", { name: "文明单位证书.png" }).getAttribute("href");
  const file = await regulator.request.get(String(href));
  expect(file.status()).toBe(200);
  expect(file.headers()["cache-control"]).toBe("private, no-store");
  // nobody else gets it
  const anonymous = await page.context().browser()?.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous?.request.get(String(href)))?.status()).toBe(401);
  await anonymous?.close();
  await decide(regulator, "核验通过");

  await page.goto(`/subjects/${B.active.uscc}`);
  await expect(page.locator("#self-reports")).toContainText("九江市文明单位");
  await expect(page.locator("#self-reports")).toContainText("主体自主申报，经 江西省市场监督管理局 核验");
});

test("repair: applied for by the company, accepted and approved by another reviewer than the one who entered it; the penalty leaves every public surface", async ({
  page,
  regulator,
  request,
}) => {
  test.setTimeout(120_000);
  const no = B.repair.penalty;
  // public before
  await page.goto(`/subjects/${B.repair.uscc}`);
  await expect(page.locator("#penalties")).toContainText(no);
  await page.getByRole("link", { name: /可申请信用修复 自/ }).click();
  await expect(page).toHaveURL(/\/business\/login\?callbackUrl=/);

  // issue 21: the USCC the page asks for, typed as people type it, signs in, and the form is where it returns
  const typed = `${B.repair.uscc.slice(0, 6).toLowerCase()} ${B.repair.uscc.slice(6).toLowerCase()}`;
  await page.getByLabel("统一社会信用代码").fill(typed);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/business\/repairs\/new\?type=penalty&id=\d+$/);
  await expect(page.locator("main")).toContainText(no);
  await submitRepairApplication(page, Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
  await expect(page.getByText("信用修复申请书").first()).toBeVisible();
  await expect(page.getByText("已提交").first()).toBeVisible();
  const caseUrl = page.url();

  await signIn(regulator, "reviewer");
  await openCase(regulator, "repairs", B.repair.name);
  await expect(regulator.getByText("已于 2026 年 9 月缴清罚款").first()).toBeVisible();
  await decide(regulator, "受理");
  await decide(regulator, "同意修复");

  // gone from the profile, the 双公示 list, the CSV export and the API at once
  await page.goto(`/subjects/${B.repair.uscc}`);
  await expect(page.locator("#penalties")).not.toContainText(no);
  await page.goto(`/penalties?q=${encodeURIComponent("赣州试点物流")}`);
  await expect(page.locator("main")).not.toContainText(no);
  const csv = await request.get("/open-data/penalties.csv");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).not.toContain(no);
  const api = await request.get(`/api/v1/subjects/${B.repair.uscc}`);
  expect(await api.text()).not.toContain(no);
  // the company sees the outcome
  await page.goto(caseUrl);
  await expect(page.getByText("同意修复").first()).toBeVisible();
  await page.goto("/business");
  await expect(page.locator("#penalties li").filter({ hasText: no })).toContainText("已修复");
});

test("a business account acting on another company's case by id is refused", async ({ page }) => {
  await signInBusiness(page, B.active.uscc);
  for (const path of ["/business/repairs/1", "/business/self-reports/1", "/business/commitments/1"]) {
    const r = await page.goto(path);
    expect(r?.status()).toBe(404);
  }
  const r = await page.goto("/business/repairs/new?type=penalty&id=1");
  expect(r?.status()).toBe(404);
  void DEMO_PASSWORD;
});

// Issue 20 N14: five wrong passwords from one address locked a company out for everyone who knows its USCC.
test("five wrong passwords lock the portal account for the address they came from, not for the company", async ({
  page,
  regulator,
}) => {
  const uscc = B.active.uscc;
  const tryPassword = async (p: import("@playwright/test").Page, password: string) => {
    await p.goto("/business/login");
    await p.getByLabel("统一社会信用代码").fill(uscc);
    await p.getByLabel("密码").fill(password);
    await p.getByRole("button", { name: "登录" }).click();
  };
  for (let i = 0; i < 5; i++) {
    await tryPassword(page, `Wrong-password-${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("用户名或密码错误");
  }
  // the guesser's address is locked out, even with the right password
  await tryPassword(page, DEMO_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("或账号已被临时锁定");
  await expect(page).toHaveURL(/\/business\/login/);
  // the company, from its own address, signs in
  await signInBusiness(regulator, uscc);
  await expect(regulator.getByRole("heading", { name: B.active.name })).toBeVisible();
});
