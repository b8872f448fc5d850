import { createHash } from "node:crypto";
import { replayPublished } from "@/lib/supervision/draw";
import { expect, signIn, test } from "./fixtures";

// Issue 12: graded supervision as a supervisor and the public see it.

test("the overview charts grades by city, department and industry; the D list carries its consequence into the CSV", async ({
  page,
}) => {
  await signIn(page, "supervisor");
  await page.getByRole("link", { name: "分级监管" }).click();
  await expect(page.getByRole("heading", { name: "分级分类监管" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "各设区市主体信用等级分布" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "各部门管理对象信用等级分布" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "各行业主体信用等级分布" })).toBeVisible();

  await page.goto("/admin/supervision/grades?grade=D");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("D 级");
  await expect(rows.first()).toContainText("约谈、重点监管");
  await expect(page.locator("tbody")).not.toContainText("A 级");
  const csv = await page.request.get("/admin/supervision/grades/export?grade=D");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  const lines = text.trim().split("\n");
  expect(lines[0]).toContain("监管措施");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain("D（差）");
  expect(lines[1]).toContain("约谈、重点监管");
});

test("ratios outside 0–100 % and bands out of order are refused with a Chinese message", async ({ page }) => {
  await signIn(page, "supervisor");
  await page.goto("/admin/supervision/rules");
  const ratios = page.getByRole("region", { name: /抽查比例/ });
  await ratios.getByLabel("C 级（%）").fill("101");
  await ratios.getByRole("button", { name: "保存抽查比例" }).click();
  await expect(ratios.getByRole("alert")).toContainText("C 级的抽查比例应在 0% 到 100% 之间");
  const rules = page.getByRole("region", { name: /公共信用综合评价规则/ });
  await rules.getByLabel("B 级（良）最低分").fill("95");
  await rules.getByRole("button", { name: "保存并重新评价全部主体" }).click();
  await expect(rules.getByRole("alert")).toContainText("A > B > C");
});

test("a draw: the seed is shown before confirming, the confirmed draw is published without inspectors and replays identically", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signIn(page, "supervisor");
  await page.goto("/admin/supervision/draws/new");
  // fewer than two inspectors: refused, nothing drawn
  const boxes = page.getByRole("checkbox");
  const n = await boxes.count();
  for (let i = 1; i < n; i++) await boxes.nth(i).uncheck();
  await page.getByLabel("抽查事项").fill("端到端测试抽查（上饶市）");
  await page.getByLabel("地区").selectOption({ label: "上饶市" });
  await page.getByRole("button", { name: "生成随机种子并预览" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("请至少选择 2 名");

  for (let i = 0; i < n; i++) await boxes.nth(i).check();
  await page.getByRole("button", { name: "生成随机种子并预览" }).click();
  await expect(page.getByRole("heading", { name: /端到端测试抽查/ })).toContainText("预览（未确认，未公示）");
  const seed = (await page.locator("code").first().textContent()) ?? "";
  expect(seed).toMatch(/^[0-9a-f]{64}$/);
  const previewedFirst = await page.locator("tbody tr").first().locator("td").nth(1).textContent();

  // another spec may change a pool member in between: then a new preview is shown, and is confirmed in turn
  let drawNo = "";
  let shownSeed = seed;
  let shownFirst = previewedFirst;
  for (let attempt = 0; attempt < 3 && !drawNo; attempt++) {
    // what the preview being confirmed shows: the first one, or the new one after a refusal
    shownSeed = (await page.locator("code").first().textContent()) ?? "";
    shownFirst = await page.locator("tbody tr").first().locator("td").nth(1).textContent();
    await page.getByRole("button", { name: "确认抽查结果并公示" }).click();
    await expect(page.getByText("复核：一致").or(page.locator("main").getByRole("alert"))).toBeVisible();
    const heading = (await page.getByRole("heading", { name: /端到端测试抽查/ }).textContent()) ?? "";
    drawNo = /CC\d{10}/.exec(heading)?.[0] ?? "";
    if (!drawNo) await expect(page.locator("main").getByRole("alert")).toContainText("抽查对象库已变化");
  }
  expect(drawNo).not.toBe("");
  await expect(page.getByText("复核：一致")).toBeVisible();
  const confirmedSeed = (await page.locator("code").first().textContent()) ?? "";
  // the confirmed draw keeps the seed its preview showed, and draws the same subjects in the same order
  expect(confirmedSeed).toBe(shownSeed);
  await expect(page.locator("tbody tr").first().locator("a")).toHaveText(shownFirst ?? "");

  // the public page: listed, replayed, no inspector's name or badge number
  await page.goto("/supervision/draws");
  await page.getByRole("link", { name: drawNo }).click();
  await expect(page.getByRole("status")).toContainText("复核一致");
  await expect(page.locator("main")).toContainText(confirmedSeed);
  await expect(page.locator("main")).not.toContainText("JX0");
  const inputs = await (await page.request.get(`/supervision/draws/${drawNo}/inputs`)).json();
  expect(inputs.seed).toBe(confirmedSeed);
  // issue 21: the published file alone replays the draw — the pool as USCCs, its hash, and the result by USCC
  expect(inputs.pool.usccs.length).toBe(inputs.pool.grades.length);
  expect(inputs.pool.usccs.every((u: string) => /^[0-9A-Z]{18}$/.test(u))).toBe(true);
  expect(
    createHash("sha256")
      .update(`${inputs.pool.usccs.join(",")}|${inputs.pool.grades}`)
      .digest("hex"),
  ).toBe(inputs.publicPoolHash);
  expect(replayPublished(inputs)).toBeNull();
  expect(inputs.specification.join("")).toContain("抽取主体");
  const csv = await (await page.request.get(`/supervision/draws/${drawNo}/csv`)).text();
  expect(csv).toContain(drawNo);
  expect(csv).not.toContain("JX0");
  expect((await page.request.get("/supervision/draws/CC2099999999/csv")).status()).toBe(404);
});

test("an inspection result entered on a drawn subject shows on the public page; a 约谈 shows on the subject's record", async ({
  page,
}) => {
  await signIn(page, "supervisor");
  await page.goto("/admin/supervision/draws");
  await page
    .getByRole("link", { name: /^CC\d{10}$/ })
    .last()
    .click();
  const first = page.locator("tbody tr").filter({ hasText: "录入结果" }).first();
  const subject = (await first.locator("a").first().textContent()) ?? "";
  const row = page.locator("tbody tr").filter({ hasText: subject });
  await row.getByText("录入结果").click();
  await row.getByLabel("检查结果").selectOption({ label: "责令整改" });
  await row.getByLabel("说明").fill("端到端测试：未公示营业执照");
  await row.getByRole("button", { name: "保存" }).click();
  await expect(row.getByRole("status")).toContainText("检查结果已保存");
  const drawNo = (await page.getByRole("heading", { level: 1 }).textContent())?.match(/CC\d{10}/)?.[0];
  await page.goto(`/supervision/draws/${drawNo}`);
  await expect(page.locator("tbody tr").filter({ hasText: subject })).toContainText("责令整改");

  await page.goto("/admin/supervision/grades?grade=D");
  await page.locator("tbody a").first().click();
  await page.getByLabel("约谈类型").selectOption({ label: "警示约谈" });
  await page.getByLabel("约谈事由").fill("端到端测试：信用等级为差，警示约谈");
  await page.getByLabel("约谈结果").fill("当事人承诺限期整改");
  await page.getByRole("button", { name: "保存约谈记录" }).click();
  await expect(page.getByRole("status")).toContainText("约谈记录已保存");
  await expect(page.getByRole("region", { name: /约谈记录/ })).toContainText(
    "端到端测试：信用等级为差，警示约谈",
  );
});
