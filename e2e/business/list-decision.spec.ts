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
  // issue 22 §3: the 告知 is issued, not served; nothing runs until it is
  await expect(regulator.getByRole("region", { name: "告知书送达" })).toContainText("未送达");
  const entryUrl = regulator.url();
  // the proposer cannot decide it
  await expect(regulator.getByRole("button", { name: "认定并公布" })).toHaveCount(0);
  await regulator.getByRole("link", { name: "打印信用告知书" }).click();
  await expect(regulator.getByRole("heading", { name: "信用告知书" })).toBeVisible();
  await expect(regulator.locator("article")).toContainText("陈述、申辩的权利");
  await expect(regulator.locator("article")).toContainText("自本告知书送达之日起");
  await expect(regulator.locator("article")).toContainText(FACTS);

  // issue 21 §2 + 22 §3: before service a reviewer is offered 不予认定 only; 认定并公布 is no button, the machine's
  // reason is shown instead, and posting that event anyway is refused with the same reason
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
  await expect(reviewerEarly.getByText(/告知书尚未送达当事人/)).toBeVisible();
  await expect(reviewerEarly.getByLabel(/认定决定书文号/)).toHaveCount(0);
  await dropButton.evaluate((b) => {
    (b as HTMLButtonElement).value = "publish";
  });
  await dropButton.click();
  await expect(reviewerEarly.getByRole("main").getByRole("alert")).toContainText("尚未送达");
  await expect(reviewerEarly.getByText("已告知，陈述申辩期").first()).toBeVisible();

  // the company finds the unread 告知 among its messages (delivered by the outbox worker), signs for it — the time is
  // its service — and states its defence
  await signInBusiness(page, L.uscc);
  const messages = page.getByRole("navigation", { name: "企业服务导航" }).getByRole("link", { name: /消息/ });
  await expect(async () => {
    await page.reload();
    await expect(messages).toContainText(/\d+\s*条未读/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await messages.click();
  const unread = page
    .getByRole("listitem")
    .filter({ hasText: "待阅读送达" })
    .filter({ hasText: "拟将贵单位列入" });
  await expect(unread.getByText("未读")).toBeVisible();
  await unread.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /信用告知书（MD\d+）/ })).toBeVisible();
  await expect(page.locator("main")).toContainText("送达之日起 5 个工作日内");
  // reading it in the portal is its service, recorded with the time
  await expect(page.getByText(/首次阅读于/)).toBeVisible();
  await expect(page.locator("main")).toContainText(/这是一份法律文书，已于 \d{4}-\d{2}-\d{2} 送达/);
  await page.getByRole("link", { name: "查看事项" }).click();
  await expect(page.getByText(FACTS)).toBeVisible();
  await expect(page.locator("main")).toContainText(/已送达（企业服务平台阅读）/);
  await expect(page.getByRole("button", { name: "已阅读，签收告知书" })).toHaveCount(0);
  await page
    .getByLabel("陈述申辩意见")
    .fill("我单位已于上月补报全部年度报告，请求不予列入严重违法失信名单。");
  await page.getByText("我已知悉").click();
  await page.getByRole("button", { name: "提交陈述申辩" }).click();
  await expect(page.getByRole("heading", { name: /本企业的陈述申辩/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "提交陈述申辩" })).toHaveCount(0);

  // the reviewers' queue shows it served today, its defence period counted from that day
  await reviewerEarly.goto("/admin/lists?state=notified");
  const queued = reviewerEarly.getByRole("row").filter({ hasText: L.name });
  await expect(queued).toContainText(/已送达 \d{4}-\d{2}-\d{2}/);
  await expect(queued).toContainText("已陈述申辩");
  await early.close();

  // another reviewer of the department publishes, having read the defence
  await signOut(regulator);
  await signIn(regulator, "reviewer");
  await regulator.goto(entryUrl);
  await expect(regulator.getByRole("heading", { name: /当事人陈述申辩/ })).toBeVisible();
  await expect(regulator.locator("#case-history")).toContainText("告知书送达");
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

const SCAN = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/**
 * Issue 22 §3: a company without a portal account is served on paper. Until the officer records the service, with its
 * date and the signed 送达回证, nothing can be decided; after it, the defence period runs from that date.
 */
test("paper service: an unserved 告知 blocks the decision until the officer records the service", async ({
  regulator,
}) => {
  await signIn(regulator, "operator");
  await regulator.goto("/admin/lists?state=notified");
  const row = regulator.getByRole("row").filter({ hasText: "未送达" }).filter({ hasNotText: L.name }).first();
  await expect(row).toBeVisible();
  await row.getByRole("link").first().click();
  const service = regulator.getByRole("region", { name: "告知书送达" });
  await expect(service).toContainText("未送达：陈述申辩期自送达之日起计算，送达前不能作出认定。");

  // a scan is required, and a service date in the future is refused
  await service.getByLabel("送达方式").selectOption({ label: "直接送达" });
  await service.getByLabel("送达日期").fill("2099-01-01");
  await service
    .getByLabel("送达回证扫描件")
    .setInputFiles({ name: "送达回证.pdf", mimeType: "application/pdf", buffer: SCAN });
  await service.getByRole("button", { name: "登记送达" }).click();
  await expect(service.getByRole("alert")).toContainText("送达日期不能晚于今天");

  const today = await regulator.evaluate(() =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()),
  );
  await service.getByLabel("送达方式").selectOption({ label: "直接送达" });
  await service.getByLabel("送达日期").fill(today);
  await service.getByLabel("说明（可选）").fill("法定代表人本人签收");
  await service
    .getByLabel("送达回证扫描件")
    .setInputFiles({ name: "送达回证.pdf", mimeType: "application/pdf", buffer: SCAN });
  await service.getByRole("button", { name: "登记送达" }).click();
  await expect(service).toContainText(`已于 ${today} 送达（直接送达）`);
  await expect(regulator.locator("#case-history")).toContainText("告知书送达");
  // the period now runs from today: the decision waits for its end
  await expect(regulator.getByText(/陈述申辩期至 \d{4}-\d{2}-\d{2}/).first()).toBeVisible();
});
