import { expect, test } from "@playwright/test";

// Issue 5 hardening, for every response: CSP without unsafe-eval, no framing, no MIME sniffing.
for (const path of [
  "/",
  "/search?q=样例",
  "/api/v1/openapi.json",
  "/open-data/lists-red.csv",
  "/no-such-page",
]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const h = (await request.get(path)).headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"]).toBeUndefined();
  });
}

test("pages run under the policy: no CSP violation while searching and toggling 大字版", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  await page.goto("/");
  await page.getByRole("button", { name: "大字版" }).click();
  await page.getByRole("searchbox").fill("样例");
  await page.getByRole("searchbox").press("Enter");
  await expect(page.getByRole("heading", { name: /按名称查询/ })).toBeVisible();
  expect(violations).toEqual([]);
});
