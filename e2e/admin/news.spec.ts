import { FILE_CONTENT_SECURITY_POLICY } from "../../lib/web/security-headers";
import { expect, signIn, test } from "./fixtures";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

// Issue 13 §3: an editor writes, attaches, publishes and withdraws; what reaches the public is sanitised.
test("an editor publishes an item with a PDF: it is on /news, the home page and the feed, without any script; withdrawn, it is gone", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const title = `端到端测试动态 ${Date.now()}`;
  await signIn(page, "editor");
  await expect(page).toHaveURL(/\/admin\/news$/);
  await page.getByRole("link", { name: "新建稿件" }).click();
  await page.getByLabel("栏目").selectOption({ label: "工作动态" });
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("摘要").fill("端到端测试摘要");
  await page.getByRole("textbox", { name: "正文" }).click();
  await page.keyboard.type("信用江西端到端测试正文，包含一段足够长的文字。");
  await page.getByRole("button", { name: "加粗" }).click();
  await page.keyboard.type("加粗的部分");
  // what a forged request could send instead of the editor's HTML
  const typed = await page.locator('input[name="bodyHtml"]').inputValue();
  await page.locator('input[name="bodyHtml"]').evaluate((el, html) => {
    (el as HTMLInputElement).value = html;
  }, `${typed}<script>window.__xss=1</script><img src=x onerror="window.__xss=2"><p style="color:red" onclick="window.__xss=3">样式</p><a href="javascript:window.__xss=4">链接</a>`);
  await page
    .getByLabel("附件（PDF，可多选）")
    .setInputFiles({ name: "通知.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible();
  const editUrl = page.url();

  // a draft is nowhere public yet
  const id = /\/admin\/news\/(\d+)/.exec(editUrl)?.[1];
  expect((await page.request.get(`/news/${id}`)).status()).toBe(404);

  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已发布");

  await page.goto("/news");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const body = page.locator(".news-body");
  await expect(body).toContainText("信用江西端到端测试正文");
  await expect(body.locator("strong")).toContainText("加粗的部分");
  const html = await body.innerHTML();
  expect(html).not.toMatch(/<script|onerror|onclick|style=|javascript:|<img/i);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  const attachment = page.getByRole("link", { name: "通知.pdf" });
  const file = await page.request.get((await attachment.getAttribute("href")) ?? "");
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  // issue 20 N15: the file's own stricter policy, not the pages'
  expect(file.headers()["content-security-policy"]).toBe(FILE_CONTENT_SECURITY_POLICY);

  await page.goto("/");
  await expect(page.getByRole("region", { name: "信用动态与政策法规" })).toContainText(title);
  expect(await (await page.request.get("/news/feed.xml")).text()).toContain(title);

  await page.goto(editUrl);
  await page.getByRole("button", { name: "撤回" }).click();
  // confirmed first, naming the item and where it disappears from
  await expect(page.getByRole("alertdialog")).toContainText(title);
  await expect(page.getByRole("alertdialog")).toContainText("订阅源撤下");
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("已撤回");
  expect((await page.request.get(`/news/${id}`)).status()).toBe(404);
  expect(await (await page.request.get("/news/feed.xml")).text()).not.toContain(title);
});

test("a non-PDF attachment and a body of only markup are refused; the sysadmin has no news pages", async ({
  page,
  browser,
}) => {
  await signIn(page, "editor");
  await page.goto("/admin/news/new");
  await page.getByLabel("栏目").selectOption({ label: "信用知识" });
  await page.getByLabel("标题").fill("只有代码的正文");
  await page.locator('input[name="bodyHtml"]').evaluate((el) => {
    (el as HTMLInputElement).value = "<script>alert(1)</script><img src=x onerror=alert(1)>";
  });
  await page.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("正文至少 10 个字");

  await page.getByRole("textbox", { name: "正文" }).click();
  await page.keyboard.type("一段正常的正文内容，用来测试附件类型。");
  await page.getByLabel("附件（PDF，可多选）").setInputFiles({
    name: "伪装.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ this is not a pdf at all"),
  });
  await page.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page.locator("main").getByRole("alert")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/news\/new$/);

  const sys = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const p2 = await sys.newPage();
  await signIn(p2, "sysadmin");
  expect((await p2.goto("/admin/news"))?.status()).toBe(403);
  await sys.close();
});

/** A PDF of about `mb` MB: a real header, then comment lines (file-type judges it from its first bytes). */
const bigPdf = (mb: number) =>
  Buffer.concat([
    PDF,
    Buffer.alloc(Math.round(mb * 1024 * 1024), "% padding line of a large scanned notice\n"),
  ]);

// Issue 20 N8: attachments over 10 MB in total failed with a bare 500 「Unexpected end of form」 (the proxy's cut).
test("an item with five attachments of 2.2 MB (11 MB) is saved whole; a 60 MB form gets a Chinese 413", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "editor");
  await page.goto("/admin/news/new");
  await page.getByLabel("栏目").selectOption({ label: "工作动态" });
  await page.getByLabel("标题").fill(`多附件稿件 ${Date.now()}`);
  await page.getByRole("textbox", { name: "正文" }).click();
  await page.keyboard.type("本稿件附有五份会议材料，合计超过十兆字节。");
  await page.getByLabel("附件（PDF，可多选）").setInputFiles(
    [1, 2, 3, 4, 5].map((i) => ({
      name: `会议材料${i}.pdf`,
      mimeType: "application/pdf",
      buffer: bigPdf(2.2),
    })),
  );
  await page.getByRole("button", { name: "保存为草稿" }).click();
  await expect(page.getByText("草稿已保存")).toBeVisible({ timeout: 30_000 });
  for (const i of [1, 2, 3, 4, 5])
    await expect(page.getByRole("link", { name: `会议材料${i}.pdf` })).toBeVisible();

  const r = await page.request.post("/admin/news/save", {
    headers: { origin: new URL(page.url()).origin },
    multipart: {
      category: "work",
      title: "超大稿件",
      bodyHtml: "<p>超过上限的稿件不应被保存。</p>",
      attachments: { name: "超大.pdf", mimeType: "application/pdf", buffer: bigPdf(60) },
    },
  });
  expect(r.status()).toBe(413);
  expect((await r.json()).error.message).toMatch(/稿件和附件合计超过 52 MB/);
});
