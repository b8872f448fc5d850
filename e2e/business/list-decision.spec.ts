import { FIXTURE } from "../../scripts/seed/fixtures";
import { signOut } from "../admin/fixtures";
import { expect, signIn, signInBusiness, test } from "./fixtures";

const L = FIXTURE.listing;
const FACTS = "当事人被列入经营异常名录届满 3 年仍未履行相关义务，经责令仍拒不改正。";
const DECISION = "赣市监信认〔2026〕88号";

/**
 * Issue 14 §2 walked by both sides: an operator proposes a 严重失信 listing and the 告知 is recorded; the company
 * reads it in its portal and states its defence; another reviewer publishes it; the entry is then on the list
 * page, its feed and the profile — while the company's earlier entry, whose validity ended yesterday, is on none.
 */
test("list decision: proposal → 告知 → 陈述申辩 in the portal → reviewer publishes → public", async ({
  page,
  regulator,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(regulator, "operator");
  await regulator.goto("/admin/lists/new");
  await regulator.getByLabel("统一社会信用代码").fill(L.uscc);
  await regulator
    .locator("select[name=listId]")
    .selectOption({ label: "市场监督管理严重违法失信名单（严重失信主体名单，默认 36 个月）" });
  await regulator.getByLabel("失信行为 / 守信事实").fill(FACTS);
  await regulator.getByLabel("认定依据").fill("《市场监督管理严重违法失信名单管理办法》第十条");
  // a proposal rests on the subject's own penalty, cited by its 文号 (issue 21)
  await regulator.getByLabel("所依据的行政处罚决定书文号").fill(L.penalty);
  await regulator.getByRole("button", { name: "提出建议并告知当事人" }).click();
  await expect(regulator.getByText("已告知，陈述申辩期")).toBeVisible();
  const entryUrl = regulator.url();
  // the proposer cannot decide it
  await expect(regulator.getByRole("button", { name: "认定并公布" })).toHaveCount(0);
  await regulator.getByRole("link", { name: "打印信用告知书" }).click();
  await expect(regulator.getByRole("heading", { name: "信用告知书" })).toBeVisible();
  await expect(regulator.locator("article")).toContainText("陈述、申辩的权利");
  await expect(regulator.locator("article")).toContainText(FACTS);

  // issue 21 §2: while the defence period runs, a reviewer is offered 不予认定 only; 认定并公布 is no button, the
  // machine's reason is shown instead, and posting that event anyway is refused with the same reason
  const early = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.211" },
  });
  const reviewerEarly = await early.newPage();
  await signIn(reviewerEarly, "reviewer");
  await reviewerEarly.goto(entryUrl);
  const dropButton = reviewerEarly.getByRole("button", { name: "不予认定" });
  await expect(dropButton).toBeVisible();
  await expect(reviewerEarly.getByRole("button", { name: "认定并公布" })).toHaveCount(0);
  await expect(reviewerEarly.getByText(/陈述申辩期至 \d{4}-\d{2}-\d{2} 尚未届满/)).toBeVisible();
  await expect(reviewerEarly.getByLabel(/认定决定书文号/)).toHaveCount(0);
  await dropButton.evaluate((b) => {
    (b as HTMLButtonElement).value = "publish";
  });
  await dropButton.click();
  await expect(reviewerEarly.getByRole("main").getByRole("alert")).toContainText("尚未届满");
  await expect(reviewerEarly.getByText("已告知，陈述申辩期").first()).toBeVisible();
  await early.close();

  // the company reads the notice in its portal and states its defence
  await signInBusiness(page, L.uscc);
  const notice = page.getByRole("region", { name: /信用告知/ });
  await notice.getByRole("link", { name: /拟列入“市场监督管理严重违法失信名单”/ }).click();
  await expect(page.getByText(FACTS)).toBeVisible();
  await page
    .getByLabel("陈述申辩意见")
    .fill("我单位已于上月补报全部年度报告，请求不予列入严重违法失信名单。");
  await page.getByText("我已知悉").click();
  await page.getByRole("button", { name: "提交陈述申辩" }).click();
  await expect(page.getByRole("heading", { name: /本企业的陈述申辩/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "提交陈述申辩" })).toHaveCount(0);

  // another reviewer of the department publishes, having read the defence
  await signOut(regulator);
  await signIn(regulator, "reviewer");
  await regulator.goto(entryUrl);
  await expect(regulator.getByRole("heading", { name: /当事人陈述申辩/ })).toBeVisible();
  await regulator.getByLabel(/认定决定书文号/).fill(DECISION);
  await regulator.getByLabel(/认定理由/).fill("陈述申辩所称补报年报不影响已届满 3 年的事实认定。");
  await regulator.getByRole("button", { name: "认定并公布" }).click();
  // the step is confirmed first, naming the subject and what becomes public
  await expect(regulator.getByRole("alertdialog")).toContainText(L.name);
  await expect(regulator.getByRole("alertdialog")).toContainText("列入名单并在本网站公示");
  await regulator.getByRole("button", { name: "确认认定并公布" }).click();
  await expect(regulator.getByText("已认定并公布").first()).toBeVisible();
  await expect(regulator.locator("#case-history")).toContainText("收到陈述申辩");

  // public: the list page, its feed, the profile; the entry that ended yesterday on none of them
  await page.goto(`/lists/serious-dishonesty?q=${encodeURIComponent(L.name)}`);
  const rows = page.locator("main").getByRole("listitem").filter({ hasText: L.name });
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link").first().click();
  await expect(page.locator("main")).toContainText(FACTS);
  await expect(page.locator("main")).toContainText("认定日期");
  // the public entry names the penalty it rests on, linked (issue 21)
  await expect(page.getByRole("link", { name: L.penalty })).toHaveAttribute("href", /^\/penalties\/\d+$/);

  const feed = await (await page.request.get("/lists/serious-dishonesty/feed.xml")).text();
  expect(feed.split(`${L.name} 列入`).length - 1).toBe(1);

  await page.goto(`/subjects/${L.uscc}`);
  const listed = page.locator("#serious");
  await expect(listed).toContainText(FACTS);
  await expect(page.locator("main")).not.toContainText("曾拒不履行行政处罚决定");
});
