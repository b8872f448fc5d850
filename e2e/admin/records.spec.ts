import type { Page, Request } from "@playwright/test";
import { withUsccCheckChar } from "../../lib/subjects/uscc";
import { FIXTURE } from "../../scripts/seed/fixtures";
import { expect, signIn, test } from "./fixtures";

async function fillPenalty(page: Page, o: { name: string; uscc: string; no: string; date: string }) {
  await page.getByLabel("行政相对人名称").fill(o.name);
  await page.getByLabel("统一社会信用代码").fill(o.uscc);
  await page.getByLabel("行政处罚决定书文号").fill(o.no);
  await page.getByLabel("违法行为类型").fill("未按规定公示年度报告");
  await page.getByLabel("违法事实").fill("经查，当事人未按规定报送年度报告。");
  await page.getByLabel("处罚依据").fill("《企业信息公示暂行条例》第十八条");
  await page.getByRole("checkbox", { name: "罚款", exact: true }).check();
  await page.getByLabel("处罚内容").fill("罚款 3 万元");
  await page.getByLabel("罚款金额（万元）").fill("3");
  await page.getByLabel("处罚决定日期").fill(o.date);
}

/** Changes 处罚内容 on the open record form, saves, and returns the action request the browser sent. */
async function saveCapturingAction(page: Page, content: string): Promise<Request> {
  let captured: Request | undefined;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) captured = r;
  });
  await page.getByLabel("处罚内容").fill(content);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  if (!captured) throw new Error("no server action request was sent");
  return captured;
}

/** Creates a penalty as `operator` and returns its console URL and the captured save-action request. */
async function createPenalty(page: Page, no: string) {
  await signIn(page, "operator");
  await page.goto("/admin/records/new?type=penalty");
  await fillPenalty(page, {
    name: "赣江测试路桥有限公司（演示）",
    uscc: withUsccCheckChar("91360100MAE2E0099"),
    no,
    date: "2026-03-31",
  });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  return page.url().replace(/\?.*$/, "");
}

test("an operator creates a penalty: field messages in Chinese, 公示截止 shown before saving, then public", async ({
  page,
}) => {
  await signIn(page, "operator");
  await page.goto("/admin/records/new?type=penalty");
  const uscc = withUsccCheckChar("91360100MAE2E0042");
  const wrong = uscc.slice(0, 17) + (uscc.endsWith("1") ? "2" : "1");
  await fillPenalty(page, {
    name: "测试新建材有限公司（演示）",
    uscc: wrong,
    no: "赣市监罚〔2026〕E2E-1号",
    date: "2999-01-01",
  });
  await page.getByLabel("罚款金额（万元）").fill("-5");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(/统一社会信用代码校验位错误/)).toBeVisible();
  await expect(page.getByText(/处罚决定日期不能晚于今天/)).toBeVisible();
  await expect(page.getByText(/罚款金额应为不小于 0 的数字/)).toBeVisible();
  // what was typed is still there
  await expect(page.getByLabel("行政相对人名称")).toHaveValue("测试新建材有限公司（演示）");

  await page.getByLabel("统一社会信用代码").fill(uscc);
  await page.getByLabel("罚款金额（万元）").fill("3");
  await page.getByLabel("处罚决定日期").fill("2026-03-31");
  // DOMAIN §4 + Civil Code: 一般 → 1 year; 2026-03-31 + 12 months = 2027-03-31
  await expect(page.getByTestId("public-until")).toHaveText("2027-03-31");
  await page.getByLabel("失信严重程度").selectOption("serious");
  await expect(page.getByTestId("public-until")).toHaveText("2029-03-31");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await expect(page.getByText(/主体：.* · 公示截止 2029-03-31/)).toBeVisible();

  // the new subject exists on the public site with the record
  await page.goto(`/subjects/${uscc}`);
  await expect(page.getByRole("heading", { name: "测试新建材有限公司（演示）" })).toBeVisible();
  await expect(page.locator("main")).toContainText("赣市监罚〔2026〕E2E-1号");

  // the same 文号 twice is refused
  await page.goto("/admin/records/new?type=penalty");
  await fillPenalty(page, {
    name: "测试新建材有限公司（演示）",
    uscc,
    no: "赣市监罚〔2026〕E2E-1号",
    date: "2026-03-31",
  });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(/本单位已有文号为“赣市监罚〔2026〕E2E-1号”的记录/)).toBeVisible();
});

test("a known USCC under another name is flagged for review, not renamed; withdrawal takes a record off the site", async ({
  page,
}, testInfo) => {
  // a retry saves a number of its own: the first attempt's record stays, and a second save of it is refused
  const no = `赣市监罚〔2026〕E2E-2${testInfo.retry ? `-${testInfo.retry}` : ""}号`;
  await signIn(page, "operator");
  await page.goto("/admin/records/new?type=penalty");
  await fillPenalty(page, {
    name: "改了名字的路桥公司",
    uscc: FIXTURE.company.uscc,
    no,
    date: "2026-06-01",
  });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  const recordUrl = page.url();
  await page.goto(`/subjects/${FIXTURE.company.uscc}`);
  await expect(page.getByRole("heading", { name: FIXTURE.company.name })).toBeVisible();
  await page.goto("/admin/name-reviews");
  await expect(page.getByRole("row", { name: /改了名字的路桥公司/ })).toContainText(FIXTURE.company.name);

  await page.goto(recordUrl);
  await page.getByLabel("撤销原因").fill("决定书已被复议机关撤销");
  // issue 10: a destructive action asks first; dismissing sends nothing
  page.once("dialog", (d) => d.dismiss());
  await page.getByRole("button", { name: "撤销", exact: true }).click();
  await expect(page.getByText("已撤销：该记录不再在公开页面显示")).toHaveCount(0);
  page.once("dialog", (d) => {
    expect(d.message()).toContain("确定撤销这条记录吗");
    void d.accept();
  });
  await page.getByRole("button", { name: "撤销", exact: true }).click();
  await expect(page.getByText("已撤销：该记录不再在公开页面显示")).toBeVisible();
  // the read-only page shows every coded value by its label (issue 10)
  await expect(page.locator("main")).toContainText("法人及非法人组织");
  await expect(page.locator("main")).not.toContainText(/legal_entity|\bgeneral\b/);
  await page.goto(`/subjects/${FIXTURE.company.uscc}`);
  await expect(page.locator("main")).not.toContainText(no);
});

test("an operator of department B cannot see or edit department A's record, by URL or by a replayed action", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000); // four sign-ins
  const url = await createPenalty(page, "赣市监罚〔2026〕E2E-3号");
  // capture the edit form's action request as department A sends it
  const captured = await saveCapturingAction(page, "罚款 3 万元（第一次修改）");
  const replay = async (p: Page, forged: boolean) =>
    p.request.post(captured.url() ?? "", {
      headers: {
        // CVE-2025-29927's header: the proxy may be skipped, the action still guards itself
        ...(forged ? { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } : {}),
        "next-action": captured.headers()["next-action"] ?? "",
        "content-type": captured.headers()["content-type"] ?? "",
        origin: new URL(captured.url() ?? "").origin,
      },
      data: captured.postDataBuffer() ?? Buffer.alloc(0),
      maxRedirects: 0,
    });

  for (const [who, expected] of [
    ["nc_operator", "记录不存在，或不在您的管辖范围内"],
    ["reviewer", "您的角色无权执行此操作"],
    // without a session the proxy already turns the POST away to the sign-in page; the action would refuse too
    [null, /登录已失效|\/admin\/login/],
  ] as const) {
    const ctx = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${who?.length ?? 1}` },
    });
    const other = await ctx.newPage();
    if (who) {
      await signIn(other, who);
      const r = await other.goto(url);
      if (who === "nc_operator") {
        expect(r?.status()).toBe(404);
        await expect(other.locator("body")).not.toContainText("赣市监罚〔2026〕E2E-3号");
        // the console's own 404, inside the console, not the public site's page (issue 10)
        await expect(other.getByRole("heading", { name: "未找到（404）" })).toBeVisible();
        await expect(other.getByRole("navigation", { name: "后台导航" })).toBeVisible();
        await other.goto("/admin/records?q=E2E-3");
        await expect(other.getByText("没有符合条件的记录")).toBeVisible();
      } else {
        // a reviewer of the same department reads the record but has no form to change it
        await expect(other.getByText("罚款 3 万元（第一次修改）")).toBeVisible();
        await expect(other.getByRole("button", { name: "保存" })).toHaveCount(0);
      }
    }
    const res = await replay(other, who === null);
    expect(await res.text()).toMatch(expected);
    await ctx.close();
  }
  // nothing changed: the record still says what department A wrote
  await page.goto(url);
  await expect(page.getByLabel("处罚内容")).toHaveValue("罚款 3 万元（第一次修改）");
});

test("the sysadmin and the auditor cannot open records (三员分立)", async ({ page }) => {
  for (const who of ["sysadmin", "auditor"]) {
    await signIn(page, who);
    expect((await page.goto("/admin/records"))?.status()).toBe(403);
    expect((await page.goto("/admin/records/new?type=penalty"))?.status()).toBe(403);
    await page.goto("/admin/account");
    await page.getByRole("button", { name: "退出" }).click();
  }
});

// Issue 9 §8: a right-to-left override would make a name display reversed; it is a field message, not saved.
test("a name with a bidi override or a control character is refused with a field message", async ({
  page,
}) => {
  await signIn(page, "operator");
  await page.goto("/admin/records/new?type=penalty");
  await fillPenalty(page, {
    name: "\u202egpj.exe有限公司",
    uscc: withUsccCheckChar("91360100MAE2E0077"),
    no: "赣市监罚〔2026〕E2E-77号",
    date: "2026-03-31",
  });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("行政相对人名称含有改变文字方向的控制字符")).toBeVisible();
  await page.getByLabel("行政相对人名称").fill("赣江\u0001路桥有限公司");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("行政相对人名称含有换行或不可见的控制字符")).toBeVisible();
  await page.goto("/admin/records?q=E2E-77");
  await expect(page.getByText("没有符合条件的记录")).toBeVisible();
});

// Issue 9 §11: Next lets a server action without an Origin header through; ours refuses it.
test("a replayed action without an Origin header is refused and changes nothing", async ({ page }) => {
  const url = await createPenalty(page, "赣市监罚〔2026〕E2E-78号");
  const captured = await saveCapturingAction(page, "罚款 3 万元（经本人修改）");
  const body = (captured.postData() ?? "").replace("罚款 3 万元（经本人修改）", "罚款 300 万元（伪造）");
  const replay = await page.request.post(captured.url() ?? "", {
    headers: {
      "next-action": captured.headers()["next-action"] ?? "",
      "content-type": captured.headers()["content-type"] ?? "",
    },
    data: body,
    maxRedirects: 0,
  });
  expect(await replay.text()).toContain("请求来源不是本站");
  await page.goto(url);
  await expect(page.getByLabel("处罚内容")).toHaveValue("罚款 3 万元（经本人修改）");
});

// Issue 9 §9: a NUL in a console filter is dropped before the query, not a 500
test("console filters with a NUL or a control character answer 200", async ({ page }) => {
  await signIn(page, "operator");
  for (const path of ["/admin/records?q=%00", "/admin/records?q=a%01b", "/admin/imports?page=%00"])
    expect((await page.goto(path))?.status(), path).toBe(200);
});

// Issue 10: a penalty the disclosure rule keeps off the site (警告 only) has no 公示截止 to preview
test("the form says 按规定不公开 before saving a penalty of only 警告", async ({ page }) => {
  await signIn(page, "operator");
  await page.goto("/admin/records/new?type=penalty");
  await page.getByLabel("处罚决定日期").fill("2026-03-31");
  await expect(page.getByTestId("public-until")).toBeVisible();
  await page.getByRole("checkbox", { name: "警告", exact: true }).check();
  await expect(page.getByTestId("not-disclosed")).toContainText("按规定不公开");
  await expect(page.getByTestId("public-until")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "罚款", exact: true }).check();
  await page.getByLabel("罚款金额（万元）").fill("5");
  await expect(page.getByTestId("public-until")).toBeVisible();
});
