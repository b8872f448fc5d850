import { readFileSync, writeFileSync } from "node:fs";
import { pdfText } from "../../scripts/pdf-text";
import { FIXTURE } from "../../scripts/seed/fixtures";
import { expect, signInBusiness, test } from "./fixtures";

async function verifyWithFile(page: import("@playwright/test").Page, file: { name: string; buffer: Buffer }) {
  await page.getByLabel("报告 PDF 文件（可选）").setInputFiles({ ...file, mimeType: "application/pdf" });
  await page.getByRole("button", { name: "核验" }).click();
}

// Issue 13 §1–§2: a report from the profile, read back, verified, and caught when one byte changes.
test("a credit report downloaded from a profile names the subject and its number, verifies, and fails once a byte is flipped", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const c = FIXTURE.company;
  await page.goto(`/subjects/${c.uscc}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载信用报告（PDF）" }).click(),
  ]);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeLessThan(1024 * 1024);
  const text = await pdfText(pdf);
  expect(text).toContain(c.name);
  expect(text).toContain(c.publicPenalty);
  expect(text).not.toContain(c.repairedPenalty); // repaired: not public, so not in the public report
  const reportNo = /报告编号：(XY\d{14})/.exec(text)?.[1] ?? "";
  const code = /核验码：([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? "";
  expect(reportNo).not.toBe("");
  expect(download.suggestedFilename()).toBe(`信用报告-${c.name}-${reportNo}.pdf`);

  // the QR code's link (issue 20 N5): not "genuine", but what the report says, to compare with what one holds
  await page.goto(`/verify?no=${reportNo}&code=${code}`);
  const answer = page.locator("main").getByRole("status").first();
  await expect(answer).toContainText(`生成过编号为 ${reportNo} 的信用报告（${c.name}`);
  await expect(answer).toContainText("不能证明您手中的文件未被改动");
  await expect(answer).not.toContainText("真实有效");
  const archive = page.getByRole("article", { name: "本站存档的报告内容" });
  await expect(archive).toContainText(c.publicPenalty);
  await expect(archive).not.toContainText(c.repairedPenalty);
  const original = await page.request.get(
    (await page.getByRole("link", { name: "下载本站存档的原件（PDF）" }).getAttribute("href")) ?? "",
  );
  expect(original.status()).toBe(200);
  expect(Buffer.from(await original.body()).equals(pdf)).toBe(true);
  // the address on the report is SITE_URL's — unset here, the server's own local one — whatever Host was named
  const own = `http://localhost:${new URL(page.url()).port}/verify`;
  expect(text).toContain(`核验网址：${own}`);
  await verifyWithFile(page, { name: `${reportNo}.pdf`, buffer: pdf });
  await expect(page.getByText("报告一致：上传的 PDF 与本站存档的报告逐字节相同")).toBeVisible();

  const flipped = Buffer.from(pdf);
  const at = Math.floor(flipped.length / 2);
  flipped[at] = (flipped[at] ?? 0) ^ 0x01;
  await verifyWithFile(page, { name: "altered.pdf", buffer: flipped });
  await expect(page.locator("main").getByRole("alert")).toContainText("报告不一致");

  await verifyWithFile(page, { name: "note.pdf", buffer: Buffer.from("not a pdf at all") });
  await expect(page.locator("main").getByRole("alert")).toContainText("不是 PDF");

  // 50 MB: refused with a message, not a crash (a file on disk: Playwright sends no buffer that large)
  const huge = test.info().outputPath("huge.pdf");
  writeFileSync(huge, Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(50 * 1024 * 1024)]));
  await page.getByLabel("报告 PDF 文件（可选）").setInputFiles(huge);
  await page.getByRole("button", { name: "核验" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("超过 10 MB");

  await page.goto(`/verify?no=${reportNo}&code=2222-2222`);
  await expect(page.locator("main").getByRole("alert").first()).toContainText("报告编号或核验码不正确");
  await page.goto(`/verify?no=XY20990101999999&code=${code}`);
  await expect(page.locator("main").getByRole("alert").first()).toContainText("报告编号或核验码不正确");
});

test("a natural person's profile offers no report, and asking for one is refused with the reason", async ({
  page,
}) => {
  await page.goto(`/subjects/${FIXTURE.person.publicId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(FIXTURE.person.masked);
  await expect(page.getByRole("link", { name: "下载信用报告（PDF）" })).toHaveCount(0);
  const r = await page.request.get(`/subjects/${FIXTURE.person.publicId}/report.pdf`);
  expect(r.status()).toBe(403);
  expect((await r.json()).error.message).toContain("不提供信用报告下载");
  expect((await page.request.get("/subjects/not-a-code/report.pdf")).status()).toBe(404);
});

test("a business's own copy carries a separate section of what is not public", async ({ page }) => {
  await signInBusiness(page, FIXTURE.business.active.uscc);
  // a forged Host never reaches a stored report (issue 20 N5): its address is SITE_URL's
  const r = await page.request.get("/business/report.pdf", { headers: { host: "evil.example" } });
  expect(r.status()).toBe(200);
  const text = await pdfText(Buffer.from(await r.body()));
  expect(text).toContain("（主体自查版）");
  expect(text).not.toContain("evil.example");
  expect(text).toContain(`核验网址：http://localhost:${new URL(page.url()).port}/verify`);
  expect(text).toContain("附：仅本主体可见的未公示信息");
  // the public never gets that section
  const pub = await page.request.get(`/subjects/${FIXTURE.business.active.uscc}/report.pdf`);
  expect(await pdfText(Buffer.from(await pub.body()))).not.toContain("仅本主体可见");
});
