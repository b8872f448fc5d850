import { penaltyCsv } from "../../db/testing/import-csv";
import { expect, signIn, test } from "./fixtures";

const upload = async (
  page: import("@playwright/test").Page,
  name: string,
  body: Buffer | string,
  mode = "keep_good",
) => {
  await page.goto("/admin/imports");
  await page.getByLabel(/^文件/).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(body) });
  if (mode === "all_or_nothing") await page.getByLabel(/全部或全不/).check();
  await page.getByRole("button", { name: "上传并导入" }).click();
};

test("a CSV with planted errors: progress, every bad row reported, good rows kept; a re-run changes nothing", async ({
  page,
}) => {
  await signIn(page, "operator");
  const { csv, planted } = penaltyCsv(300, { errorEvery: 25, prefix: "赣E2E导" });
  await upload(page, "三百行.csv", csv);
  await expect(page).toHaveURL(/\/admin\/imports\/\d+$/);
  await expect(page.getByRole("progressbar", { name: "导入进度" })).toBeVisible();
  await expect(page.getByTestId("import-summary")).toContainText(`新增 ${300 - planted.length} 条`, {
    timeout: 20_000,
  });
  await expect(page.getByTestId("import-summary")).toContainText(`有错误未导入 ${planted.length} 行`);
  for (const p of planted.slice(0, 4)) {
    await expect(page.getByRole("row", { name: new RegExp(`^${p.row} ${p.column}`) })).toBeVisible();
  }
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载错误报告（CSV）" }).click();
  const report = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of report) chunks.push(c as Buffer);
  const lines = Buffer.concat(chunks).toString("utf8").trim().split(/\r?\n/);
  expect(lines[0]).toContain("行号,列,原因");
  expect(lines).toHaveLength(planted.length + 1);

  await upload(page, "三百行.csv", csv);
  await expect(page.getByTestId("import-summary")).toContainText(
    `新增 0 条，更新 0 条，未变化 ${300 - planted.length} 条`,
    {
      timeout: 20_000,
    },
  );

  // the imported records are in the console list
  await page.goto("/admin/records?q=赣E2E导");
  await expect(page.getByText(`共 ${300 - planted.length} 条`)).toBeVisible();
});

test("all or nothing: one bad row and nothing is imported", async ({ page }) => {
  await signIn(page, "operator");
  const { csv } = penaltyCsv(40, { errorEvery: 39, prefix: "赣E2E全" });
  await upload(page, "全或无.csv", csv, "all_or_nothing");
  await expect(page.getByTestId("import-summary")).toContainText("没有导入任何记录", { timeout: 20_000 });
  await page.goto("/admin/records?q=赣E2E全");
  await expect(page.getByText("没有符合条件的记录")).toBeVisible();
});

test("wrong files get a clear Chinese message and create no job", async ({ page }) => {
  await signIn(page, "operator");
  const cases: [string, Buffer | string, RegExp][] = [
    ["数据.csv", Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), /可执行程序/],
    ["网页.csv", "<!DOCTYPE html><html><body>导出失败</body></html>", /网页/],
    ["表格.xlsx", "行政相对人名称\n", /不是 Excel/],
    ["缺表头.csv", "名称,代码\n甲,乙\n", /缺少表头/],
  ];
  for (const [name, body, message] of cases) {
    await upload(page, name, body);
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: message })
        .or(page.getByTestId("import-summary").filter({ hasText: message })),
    ).toBeVisible({
      timeout: 15_000,
    });
  }
  // an empty file is refused before it is sent
  await page.goto("/admin/imports");
  await page
    .getByLabel(/^文件/)
    .setInputFiles({ name: "空.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "上传并导入" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("文件是空的");
});

test("the upload handler checks Origin and role itself", async ({ page, request }) => {
  await signIn(page, "operator");
  const foreign = await page.request.post("/admin/imports/upload?kind=penalty&mode=keep_good&name=a.csv", {
    headers: { origin: "https://evil.example" },
    data: penaltyCsv(2).csv,
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error.message).toContain("请求来源不是本站");
  const anonymous = await request.post("/admin/imports/upload?kind=penalty&mode=keep_good&name=a.csv", {
    headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    data: penaltyCsv(2).csv,
    maxRedirects: 0,
  });
  expect([307, 401]).toContain(anonymous.status());

  await page.goto("/admin/account");
  await page.getByRole("button", { name: "退出" }).click();
  await signIn(page, "reviewer");
  const origin = new URL(page.url()).origin;
  const reviewer = await page.request.post("/admin/imports/upload?kind=penalty&mode=keep_good&name=a.csv", {
    headers: { origin },
    data: penaltyCsv(2).csv,
  });
  expect(reviewer.status()).toBe(403);
});
