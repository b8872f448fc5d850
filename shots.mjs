import { chromium } from "@playwright/test";

const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const base = "http://localhost:3200";
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
const shot = async (name) => {
  await p.waitForTimeout(400);
  await p.screenshot({ path: `/tmp/s-${name}.png`, fullPage: true });
};
await p.goto(base + "/admin/login");
await p.getByLabel("用户名").fill("supervisor");
await p.getByLabel("密码").fill("Jiangxi@2026");
await p.getByRole("button", { name: "登录" }).click();
await p.getByRole("button", { name: "退出" }).waitFor();
if (await p.getByRole("heading", { name: "修改密码" }).count()) console.log("must change password");
for (const [n, u] of [
  ["ov", "/admin/supervision"],
  ["grades", "/admin/supervision/grades?grade=D"],
  ["rules", "/admin/supervision/rules"],
  ["insp", "/admin/supervision/inspectors"],
  ["draws", "/admin/supervision/draws"],
  ["draw1", "/admin/supervision/draws/1"],
]) {
  await p.goto(base + u);
  await shot(n);
}
await p.goto(base + "/admin/supervision/draws/new");
await p.getByLabel("抽查事项").fill("2026 年第四季度九江市市场主体双随机抽查");
await p.getByLabel("地区").selectOption({ label: "九江市" });
await p.getByRole("button", { name: "生成随机种子并预览" }).click();
await p.waitForURL(/draws\/\d+$/);
await shot("preview");
await p.getByRole("button", { name: "确认抽查结果并公示" }).click();
await p.waitForTimeout(1500);
await shot("confirmed");
const first = p.locator("table a").first();
await first.click();
await p.waitForTimeout(800);
await shot("subject");
await p.goto(base + "/supervision/draws");
await shot("pub-list");
await p.locator("table a").first().click();
await p.waitForTimeout(800);
await shot("pub-detail");
const m = await b.newPage({ viewport: { width: 375, height: 800 } });
await m.goto(base + "/supervision/draws/CC2026000001");
await m.waitForTimeout(500);
await m.screenshot({ path: "/tmp/s-phone.png", fullPage: true });
await b.close();
