import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";

// Issue 9 §13: a second server of the same build whose database cannot be reached (playwright.config.ts).
// Every surface answers 503 with a Chinese message and an error id; nothing answers an empty 500.
const down = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
const ERROR_ID = /错误编号\s*[0-9a-f]{8}/;

test("pages answer 503 with a Chinese page and an error id", async ({ page }) => {
  for (const path of ["/", "/search?q=建工", "/penalties", "/admin/login"]) {
    const r = await page.goto(`${down}${path}`);
    expect(r?.status(), path).toBe(503);
    expect(r?.headers()["retry-after"]).toBe("30");
    await expect(page.getByRole("heading", { name: "服务暂时不可用" })).toBeVisible();
    await expect(page.locator("body")).toContainText(/数据库暂时无法访问/);
    expect(await page.locator("body").textContent()).toMatch(/错误编号\s*[0-9a-f]{8}/);
  }
  await page.setViewportSize({ width: 375, height: 700 });
  await page.screenshot({ path: "test-results/outage-375.png" });
});

// issue 20 N16: a page fetched as curl or a crawler does (Accept: */*) got Next's 500
test("a page asked for with Accept: */* answers the same Chinese 503", async ({ request }) => {
  for (const path of ["/", "/penalties", "/subjects/91360100MA35XXXX0X"]) {
    const r = await request.get(`${down}${path}`, { headers: { accept: "*/*" } });
    expect(r.status(), path).toBe(503);
    const html = await r.text();
    expect(html).toContain("服务暂时不可用");
    expect(html).toMatch(/错误编号\s*<code>[0-9a-f]{8}<\/code>/);
  }
});

test("the read API, open data and feeds answer 503 with a Chinese message and an error id", async ({
  request,
}) => {
  for (const path of [
    "/api/v1/penalties",
    "/api/v1/subjects?q=建工",
    "/lists/red/feed.xml",
    "/open-data/penalties.csv",
  ]) {
    const r = await request.get(`${down}${path}`);
    expect(r.status(), path).toBe(503);
    const body = await r.json();
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toMatch(ERROR_ID);
    expect(body.error.message).toContain("数据库暂时无法访问");
  }
});

test("the console's route handlers: 503 past the Origin check; a foreign or missing Origin is refused first", async ({
  request,
}) => {
  const upload = `${down}/admin/imports/upload?kind=penalty&mode=keep_good&name=a.csv`;
  // a session cookie signed with the server's secret: checking it needs the database, which is down
  const salt = "authjs.session-token";
  const jwt = await encode({
    token: { sid: randomUUID() },
    secret: "e2e-auth-secret-0123456789abcdef",
    salt,
  });
  const cookie = `${salt}=${jwt}`;
  const same = await request.post(upload, { headers: { origin: down, cookie }, data: "a,b\n" });
  expect(same.status()).toBe(503);
  expect((await same.json()).error.message).toMatch(ERROR_ID);
  const status = await request.get(`${down}/admin/imports/1/status`, { headers: { cookie } });
  expect(status.status()).toBe(503);
  expect((await status.json()).error.code).toBe("unavailable");

  // issue 9 §11: with no trusted proxy, a client's X-Forwarded-Host does not make a foreign Origin "ours"
  const forged = await request.post(upload, {
    headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    data: "a,b\n",
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.message).toContain("请求来源不是本站");
  const none = await request.post(upload, { data: "a,b\n" });
  expect(none.status()).toBe(403);
  // an Origin that is no URL ("null", garbage) is refused in front, before Next could choke on it
  const garbage = await request.post(upload, { headers: { origin: "null", cookie }, data: "a,b\n" });
  expect(garbage.status()).toBe(403);
});
