import { expect, test } from "@playwright/test";

// Issue 5 hardening, for every response: CSP without unsafe-eval, no framing, no MIME sniffing; issue 9 §12:
// scripts only by this response's nonce, never 'unsafe-inline'.
for (const path of [
  "/",
  "/search?q=样例",
  "/api/v1/openapi.json",
  // answered by the server in front, not Next (lib/web/direct-routes)
  "/api/v1/subjects?q=样例",
  "/api/v1/subjects/91350100M000100Y43",
  "/open-data/lists-red.csv",
  "/no-such-page",
]) {
  test(`security headers on ${path}`, async ({ request }) => {
    const h = (await request.get(path)).headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
    const scripts = /script-src ([^;]*)/.exec(h["content-security-policy"] ?? "")?.[1] ?? "";
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts).not.toContain("unsafe-inline");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["permissions-policy"]).toContain("camera=()");
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

test("every page gets a fresh nonce, and Next's own scripts carry it", async ({ request }) => {
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const a = await request.get("/");
  const b = await request.get("/");
  const nonce = nonceOf(a.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonceOf(b.headers()["content-security-policy"])).not.toBe(nonce);
  const html = await a.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

// Issue 9 §12: HSTS only on what went out over HTTPS — here, said by the one trusted proxy in front.
test("HSTS when the trusted proxy says HTTPS, never over plain HTTP", async ({ request }) => {
  const plain = await request.get("/");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const tls = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(tls.headers()["strict-transport-security"]).toMatch(/max-age=\d{8,}/);
});
