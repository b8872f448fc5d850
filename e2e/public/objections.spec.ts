import { FIXTURE } from "../../scripts/seed/fixtures";
import { expect, signIn, test } from "../business/fixtures";

const O = FIXTURE.objection;

/**
 * Issue 14 §1 walked by both sides: a citizen objects to a displayed penalty without an account; while the
 * department verifies it the record is marked 核实中 and no longer lowers the grade; 更正 corrects the record
 * on the public page; the citizen reads the outcome with the case number and the secret, and nothing without it.
 */
test("objection: submit → 核实中 (grade unaffected) → 更正 → the objector reads the outcome", async ({
  page,
  regulator,
}) => {
  test.setTimeout(120_000);
  const profile = `/subjects/${O.uscc}`;
  await page.goto(profile);
  // one 严重 penalty: 100 − 20 = 80, B (DOMAIN §9)
  await expect(page.getByTitle(/公共信用综合评价/).first()).toHaveText("B 级 · 良");
  await page
    .getByRole("listitem")
    .filter({ hasText: O.penalty })
    .getByRole("link", { name: /对此信息有异议/ })
    .click();
  await expect(page.getByRole("heading", { name: "提出异议" })).toBeVisible();
  await expect(page.getByText(`行政处罚 ${O.penalty}`)).toBeVisible();

  await page.getByLabel("异议人姓名或单位名称").fill("上饶试点建材有限公司");
  await page.getByLabel("联系方式").fill("0793-8123456");
  await page
    .getByLabel("异议理由")
    .fill("违法事实中的产品型号有误：抽检的是 BV-2.5 型电线，不是决定书所写的型号。");
  await expect(page.getByText("✓ 防滥用校验已完成。")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "提交异议" }).click();
  const receipt = page.getByRole("status").filter({ hasText: "异议已提交" });
  await expect(receipt).toBeVisible();
  const caseNo = (await receipt.locator("dd").nth(0).textContent())?.trim() ?? "";
  const secret = (await receipt.locator("dd").nth(1).textContent())?.trim() ?? "";
  expect(caseNo).toMatch(/^YY\d{14}$/);
  expect(secret).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // the department's reviewer (not the operator who entered it) starts verification
  await signIn(regulator, "reviewer");
  await regulator.goto("/admin/cases/objections");
  await regulator.getByRole("link", { name: caseNo }).click();
  await expect(regulator.getByText("上饶试点建材有限公司", { exact: true })).toBeVisible();
  await regulator.getByRole("button", { name: "开始核实", exact: true }).click();
  await expect(regulator.getByRole("button", { name: "更正记录", exact: true })).toBeVisible();

  // publicly 核实中, and the grade as if the penalty were not there
  await page.goto(profile);
  const penalty = page.getByRole("listitem").filter({ hasText: O.penalty });
  await expect(penalty.getByText("核实中")).toBeVisible();
  await expect(page.getByTitle(/公共信用综合评价/).first()).toHaveText("A 级 · 优");

  // 更正 with a reason: the corrected facts go public, the grade counts the penalty again
  const corrected = "经监督抽检，当事人销售的 BV-2.5 型电线电缆绝缘电阻项目不合格。";
  await regulator.getByLabel("违法事实").fill(corrected);
  await regulator.getByLabel(/办理意见/).fill("经核实，产品型号录入有误，予以更正。");
  await regulator.getByRole("button", { name: "更正记录", exact: true }).click();
  await expect(regulator.getByText("已更正").first()).toBeVisible();

  await page.goto(profile);
  await expect(page.getByRole("listitem").filter({ hasText: O.penalty }).getByText("核实中")).toHaveCount(0);
  await expect(page.getByTitle(/公共信用综合评价/).first()).toHaveText("B 级 · 良");
  await page.getByRole("link", { name: O.penalty, exact: true }).click();
  await expect(page.locator("main")).toContainText(corrected);

  // a wrong secret reads exactly like an unknown number; the right one shows the outcome
  await page.goto("/objections/track");
  const track = page.locator("form").filter({ has: page.getByRole("button", { name: "查询" }) });
  await track.getByLabel("案号").fill(caseNo);
  await track.getByLabel("查询码").fill("AAAA-BBBB-CCCC");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(
    "未找到与该案号和查询码相符的异议，请核对后重新输入。",
  );
  await track.getByLabel("案号").fill(caseNo);
  await track.getByLabel("查询码").fill(secret.toLowerCase());
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByText("已更正").first()).toBeVisible();
  await expect(page.getByText("经核实，产品型号录入有误，予以更正。").first()).toBeVisible();
  await expect(page.getByText(/更正：违法事实/).first()).toBeVisible();
});

test("an objection to a record no longer public is refused with a message", async ({ page }) => {
  // a record not shown (withdrawn, repaired, expired or unknown) offers no form, and the page says why
  await page.goto("/objections?type=penalty&id=999999999");
  await expect(page.locator("main").getByRole("alert")).toContainText("已不在本网站公示");
  await expect(page.getByRole("button", { name: "提交异议" })).toHaveCount(0);
});

// Issue 20 N9: anyone with an objector's phone could join their case and learn its number.
test("another objection from the same phone is a case of its own; material is added to a case only with its secret", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/penalties");
  const href = (await page.locator('a[href^="/penalties/"]').nth(3).getAttribute("href")) ?? "";
  const object = async (name: string, reason: string) => {
    await page.goto(`/objections?type=penalty&id=${href.split("/").pop()}`);
    await page.getByLabel("异议人姓名或单位名称").fill(name);
    await page.getByLabel("联系方式").fill("13807919999");
    await page.getByLabel("异议理由").fill(reason);
    await expect(page.getByText("✓ 防滥用校验已完成。")).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "提交异议" }).click();
    const receipt = page.getByRole("status").filter({ hasText: "异议已提交" });
    await expect(receipt).toBeVisible();
    return {
      caseNo: (await receipt.locator("dd").nth(0).textContent())?.trim() ?? "",
      secret: (await receipt.locator("dd").nth(1).textContent())?.trim() ?? "",
      text: (await receipt.textContent()) ?? "",
    };
  };
  const mine = await object("真实异议人", "处罚决定书中的当事人名称有误，请核实更正。");
  const stranger = await object("冒名者", "冒名者写入的理由不应进入他人的案件。");
  expect(stranger.caseNo).toMatch(/^YY\d{14}$/);
  expect(stranger.caseNo).not.toBe(mine.caseNo);
  expect(stranger.text).not.toContain(mine.caseNo);

  await page.goto("/objections/track");
  const supplement = page.locator("form").filter({ has: page.getByRole("button", { name: "提交补充材料" }) });
  await supplement.getByLabel("案号").fill(mine.caseNo);
  await supplement.getByLabel("查询码").fill("AAAA-BBBB-CCCC");
  await supplement.getByLabel("补充理由").fill("补充：附上更名核准通知书。");
  await supplement.getByRole("button", { name: "提交补充材料" }).click();
  await expect(supplement.getByRole("alert")).toContainText("未找到与该案号和查询码相符的异议");
  await supplement.getByLabel("查询码").fill(mine.secret);
  await supplement.getByLabel("补充理由").fill("补充：附上更名核准通知书。");
  await supplement.getByRole("button", { name: "提交补充材料" }).click();
  await expect(supplement.getByRole("status")).toContainText(`补充材料已并入案件 ${mine.caseNo}`);
});
