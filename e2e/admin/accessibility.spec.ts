import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "./fixtures";

const PAGES = [
  ["operator", "/admin"],
  ["operator", "/admin/records"],
  ["operator", "/admin/records/new?type=penalty"],
  ["operator", "/admin/imports"],
  ["operator", "/admin/lists"],
  ["operator", "/admin/lists/new"],
  ["reviewer", "/admin/cases/objections"],
  ["auditor", "/admin/audit"],
  ["sysadmin", "/admin/users"],
  ["supervisor", "/admin/supervision"],
  ["supervisor", "/admin/supervision/grades"],
  ["supervisor", "/admin/supervision/rules"],
  ["supervisor", "/admin/supervision/draws/new"],
  ["supervisor", "/admin/supervision/draws/1"],
  ["operator", "/admin/platform/checks"],
  ["supervisor", "/admin/platform/quality"],
  ["sysadmin", "/admin/platform/catalogue"],
] as const;

test("the sign-in page has no WCAG 2 A/AA violation", async ({ page }) => {
  await page.goto("/admin/login");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});

for (const [who, path] of PAGES) {
  test(`${path} (${who}) has no WCAG 2 A/AA violation`, async ({ page }) => {
    await signIn(page, who);
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
      [],
    );
  });
}
