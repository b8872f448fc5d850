import { listedCompany } from "../admin/fixtures";
import { decide, expect, signIn, test } from "../business/fixtures";

test("anyone reports a listed company; the department's reviewer finds it true; the reporter reads the answer", async ({
  page,
  regulator,
}) => {
  test.setTimeout(90_000);
  const { name } = await listedCompany(page);
  await page.getByRole("link", { name: "举报失信行为" }).click();
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByLabel("受理部门").selectOption({ label: "江西省市场监督管理局" });
  await page.getByLabel("举报人姓名或单位名称").fill("赵举报");
  await page.getByLabel("联系方式").fill("13907918888");
  // too short: refused with its Chinese message, and the form keeps what was typed
  await page.getByLabel("举报内容").fill("虚假宣传");
  await expect(page.getByText("防滥用校验已完成")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "提交举报" }).click();
  await expect(page.getByText("举报内容至少 20 个字")).toBeVisible();
  await expect(page.getByLabel("举报人姓名或单位名称")).toHaveValue("赵举报");
  await page
    .getByLabel("举报内容")
    .fill("该公司在门店宣传单上标注“国家级检测认证”，经查询并无此认证，涉嫌虚假宣传，宣传单已拍照留存。");
  await expect(page.getByText("防滥用校验已完成")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "提交举报" }).click();
  const caseNo = (await page.getByTestId("case-no").textContent()) ?? "";
  const secret = (await page.getByTestId("case-secret").textContent()) ?? "";
  expect(caseNo).toMatch(/^JB\d{14}$/);

  await signIn(regulator, "reviewer");
  await regulator.goto("/admin/cases/tipoffs");
  await regulator.getByRole("row").filter({ hasText: caseNo }).getByRole("link").first().click();
  await expect(regulator.getByText("赵举报")).toBeVisible();
  await decide(regulator, "受理");
  await decide(regulator, "查证属实", "经现场核查，宣传单所称认证不存在，已立案调查。");

  await page.goto("/reports/track");
  await page.getByLabel("案号").fill(caseNo);
  await page.getByLabel("查询码").fill(secret);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("status")).toContainText("查证属实");
  await expect(page.getByRole("status")).toContainText("已立案调查");
});
