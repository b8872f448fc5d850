import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { FIXTURE } from "../../scripts/seed/fixtures";

const PAGES = [
  ["home", "/"],
  ["search results", "/search?q=样例"],
  ["profile", `/subjects/${FIXTURE.company.uscc}`],
  ["双公示 penalties", "/penalties"],
  ["双公示 licences", "/licences"],
  ["list", "/lists/serious-dishonesty"],
  ["repair guide", "/repair"],
  ["objection guide", "/objections"],
  ["objection tracking", "/objections/track"],
  ["business sign-in", "/business/login"],
  ["business registration", "/business/register"],
  ["business activation", "/business/activate"],
  ["双随机抽查", "/supervision/draws"],
  ["statistics", "/statistics"],
  ["city view", "/regions/360100"],
  ["resource catalogue", "/catalogue"],
  ["government integrity", "/government-integrity"],
  ["report of dishonest conduct", "/reports/new"],
  ["report tracking", "/reports/track"],
] as const;

for (const [name, path] of PAGES) {
  test(`${name} has no WCAG 2 A/AA violation`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
      [],
    );
  });
}

test("search works by keyboard alone", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "跳到主要内容" })).toBeFocused();
  await page.keyboard.press("Enter");
  // Tab until the search box has focus, type, submit with Enter
  for (
    let i = 0;
    i < 15 && !(await page.getByRole("searchbox").evaluate((el) => el === document.activeElement));
    i++
  ) {
    await page.keyboard.press("Tab");
  }
  await expect(page.getByRole("searchbox")).toBeFocused();
  await page.keyboard.type("样例");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: FIXTURE.company.name })).toBeVisible();
});

test("大字版 enlarges text and is remembered", async ({ page }) => {
  await page.goto("/");
  const size = () =>
    page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await size();
  await page.getByRole("button", { name: "大字版" }).click();
  expect(await size()).toBeGreaterThan(before * 1.2);
  await page.goto("/penalties");
  expect(await size()).toBeGreaterThan(before * 1.2);
  await expect(page.getByRole("button", { name: "标准版" })).toHaveAttribute("aria-pressed", "true");
});
