import { expect, signIn, test } from "./fixtures";

// Issue 21: every kind of form keeps what was typed and chosen when the server refuses it — the action form, the
// decision form with its confirmation, and the sign-in form.

test("the list 移出 form keeps the chosen reason, and then the typed note, after each refusal", async ({
  page,
}) => {
  await signIn(page, "reviewer");
  await page.goto("/admin/lists?state=published");
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "移出名单" })).toBeVisible();

  // a reason without the required note
  await page.getByLabel("移出原因").selectOption("revoked");
  await page.getByRole("button", { name: "移出名单" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("移出后，该条目将不再公示");
  await page.getByRole("button", { name: "确认移出名单" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("请填写移出说明");
  await expect(page.getByLabel("移出原因")).toHaveValue("revoked");

  // a note without a reason
  await page.getByLabel("移出原因").selectOption("");
  await page.getByLabel(/移出说明/).fill("认定所依据的处罚决定已被复议撤销。");
  await page.getByRole("button", { name: "移出名单" }).click();
  await page.getByRole("button", { name: "确认移出名单" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("请按提示修改");
  await expect(page.locator("main")).toContainText("请选择移出原因");
  await expect(page.getByLabel(/移出说明/)).toHaveValue("认定所依据的处罚决定已被复议撤销。");
  // nothing was removed
  await expect(page.getByText("已认定并公布").first()).toBeVisible();
});

test("an action form (a list proposal) keeps every field after a refused USCC", async ({ page }) => {
  await signIn(page, "operator");
  await page.goto("/admin/lists/new");
  await page.getByLabel("统一社会信用代码").fill("91360100MA00000000");
  await page.getByLabel("失信行为 / 守信事实").fill("当事人拒不履行生效的行政处罚决定，经催告仍未履行。");
  await page.getByLabel("认定依据").fill("《市场监督管理严重违法失信名单管理办法》第十条");
  await page.getByRole("button", { name: "提出建议并告知当事人" }).click();
  await expect(page.locator("main").getByRole("alert").first()).toBeVisible();
  await expect(page.getByLabel("失信行为 / 守信事实")).toHaveValue(
    "当事人拒不履行生效的行政处罚决定，经催告仍未履行。",
  );
  await expect(page.getByLabel("认定依据")).toHaveValue("《市场监督管理严重违法失信名单管理办法》第十条");
  await expect(page.getByLabel("统一社会信用代码")).toHaveValue("91360100MA00000000");
});

test("the sign-in form keeps the user name after a wrong password", async ({ page }) => {
  await page.goto("/admin/login");
  await page.getByLabel("用户名").fill("auditor");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("用户名或密码错误");
  await expect(page.getByLabel("用户名")).toHaveValue("auditor");
});
