import { writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = "http://127.0.0.1:3300";
const lines = [
  "行政相对人名称,行政相对人类别,统一社会信用代码,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,罚款金额（万元）,处罚决定日期",
];
for (let i = 0; i < 50; i++)
  lines.push(
    `测试${i}有限公司,法人及非法人组织,91360100MA35ABCD1${i % 10},赣截图罚${i}号,违规,事实,依据,罚款,罚款,${i % 7 === 0 ? "-1" : "2"},2026-05-0${(i % 9) + 1}`,
  );
writeFileSync("/tmp/shot-import.csv", lines.join("\n"));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(base + "/admin/login");
await page.getByLabel("用户名").fill("operator");
await page.getByLabel("密码").fill("Jiangxi@2026");
await page.getByRole("button", { name: "登录" }).click();
await page.waitForURL(/\/admin$/);
await page.goto(base + "/admin/imports");
await page.getByLabel(/^文件/).setInputFiles("/tmp/shot-import.csv");
await page.getByRole("button", { name: "上传并导入" }).click();
await page.waitForURL(/imports\/\d+/);
await page.getByTestId("import-summary").waitFor({ timeout: 20000 });
for (const w of [1280, 375]) {
  await page.setViewportSize({ width: w, height: 900 });
  await page.screenshot({ path: `/tmp/shots/import-job-${w}.png`, fullPage: true });
  console.log(w, await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
}
await page.goto(base + "/admin/imports");
await page.setViewportSize({ width: 1280, height: 900 });
await page.screenshot({ path: `/tmp/shots/imports-1280.png`, fullPage: true });
await browser.close();
