import type { Page } from "@playwright/test";
import { TOTP } from "otpauth";
import { FIXTURE } from "../../scripts/seed/fixtures";
import { DEMO_PASSWORD, expect, signIn, signOut, test } from "./fixtures";

const REFUSED = "用户名或密码错误，或账号已被临时锁定";

test("an operator signs in through the form, lands on the dashboard, and signs out", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
  await signIn(page, "operator");
  await expect(page.getByRole("heading", { name: /工作台/ })).toBeVisible();
  await expect(page.getByText("录入员 王晓明")).toBeVisible();
  await signOut(page);
  await expect(page.locator("main").getByRole("alert")).toContainText("您已退出登录");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
});

test("a wrong password and an unknown account get the same message", async ({ page }) => {
  for (const [username, password] of [
    ["reviewer", "wrong-password-1A"],
    ["no_such_user", DEMO_PASSWORD],
  ] as const) {
    await page.goto("/admin/login");
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText(REFUSED);
  }
});

test("5 failures lock the account for 30 minutes: then even the right password is refused", async ({
  page,
}) => {
  test.setTimeout(60_000); // three accounts sign in after the lock
  const username = FIXTURE.accounts.lockout;
  await page.goto("/admin/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(`Wrong-password-${i}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("main").getByRole("alert")).toContainText(REFUSED);
  }
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("锁定 30 分钟");
  await expect(page).toHaveURL(/\/admin\/login/);

  // the auditor sees the lock in the trail
  await signIn(page, "auditor");
  await page.goto(`/admin/audit?actor=${username}`);
  await expect(page.getByRole("cell", { name: "账号锁定" })).toBeVisible();
  await expect(page.getByText("哈希链完整")).toBeVisible();
  await page.getByRole("button", { name: "退出" }).click();

  // issue 10: the sysadmin sees why the account is locked and lifts the lock; the holder signs in at once
  await signIn(page, "sysadmin");
  await page.goto("/admin/users");
  await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText("临时锁定（连续登录失败");
  await page.getByRole("link", { name: username, exact: true }).click();
  await page.getByRole("button", { name: "解除锁定" }).click();
  await expect(page.getByText("已解除锁定")).toBeVisible();
  await page.getByRole("button", { name: "退出" }).click();
  await signIn(page, username);
  await expect(page.getByRole("heading", { name: /工作台/ })).toBeVisible();
});

test("an initial password must be changed first, under the password policy", async ({ page }) => {
  await signIn(page, FIXTURE.accounts.fresh, FIXTURE.accounts.freshPassword);
  await expect(page).toHaveURL(/\/admin\/password/);
  await page.goto("/admin/account");
  await expect(page).toHaveURL(/\/admin\/password/);
  await page.getByLabel("当前密码").fill(FIXTURE.accounts.freshPassword);
  await page.getByLabel(/^新密码/).fill("short1A");
  await page.getByLabel("确认新密码").fill("short1A");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("密码至少 10 个字符");
  const next = "Changed#2026abc";
  await page.getByLabel("当前密码").fill(FIXTURE.accounts.freshPassword);
  await page.getByLabel(/^新密码/).fill(next);
  await page.getByLabel("确认新密码").fill(next);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("密码已修改")).toBeVisible();
  await signOut(page);
  await signIn(page, FIXTURE.accounts.fresh, next);
  await expect(page.getByRole("heading", { name: /工作台/ })).toBeVisible();
});

test("TOTP: enrol by secret, then sign-in asks for the code; a recovery code works once", async ({
  page,
}) => {
  test.setTimeout(60_000); // five argon2 sign-ins; a loaded CI machine needed more than 30 s
  const username = FIXTURE.accounts.totp;
  await signIn(page, username);
  await page.goto("/admin/account");
  await page.getByRole("button", { name: "启用动态验证码" }).click();
  await expect(page.getByRole("img", { name: "动态验证码二维码" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  const totp = new TOTP({ secret, label: username, issuer: "信用江西" });
  await page.getByLabel("验证码").fill("000000");
  await page.getByRole("button", { name: "验证并启用" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("验证码不正确");
  await page.getByLabel("验证码").fill(totp.generate());
  await page.getByRole("button", { name: "验证并启用" }).click();
  const list = page.getByRole("list", { name: "恢复码" }).getByRole("listitem");
  await expect(list).toHaveCount(10);
  const codes = await list.allTextContents();
  await page.goto("/admin/account");
  await signOut(page);

  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("动态验证码");
  await page.getByLabel("动态验证码或恢复码").fill(totp.generate());
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: /工作台/ })).toBeVisible();
  await signOut(page);

  for (const expected of ["ok", "refused"]) {
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByLabel("动态验证码或恢复码").fill(codes[0] ?? "");
    await page.getByRole("button", { name: "登录" }).click();
    if (expected === "ok") {
      await expect(page.getByRole("heading", { name: /工作台/ })).toBeVisible();
      await signOut(page);
    } else await expect(page.locator("main").getByRole("alert")).toContainText(REFUSED);
  }
});

/** Wrong passwords for ever new accounts until the throttle answers; whether it did within 40 tries. */
async function sprayUntilThrottled(page: Page, prefix: string): Promise<boolean> {
  await page.goto("/admin/login");
  // 20 a minute, refilled continuously: a few more pass while the form is being filled
  for (let i = 0; i < 40; i++) {
    await page.getByLabel("用户名").fill(`${prefix}_${i}`);
    await page.getByLabel("密码").fill("Spray#2026pass");
    await page.getByRole("button", { name: "登录" }).click();
    const alert = page.locator("main").getByRole("alert");
    await expect(alert).toContainText(/登录尝试过于频繁|用户名或密码错误/);
    if ((await alert.textContent())?.includes("登录尝试过于频繁")) return true;
  }
  return false;
}

test("sign-in attempts are throttled per client address, whatever the account", async ({ page }) => {
  test.setTimeout(60_000); // up to 40 sign-in attempts
  expect(await sprayUntilThrottled(page, "spray")).toBe(true);
});

// Issue 9 §5: a client that writes its own X-Forwarded-For entries neither escapes the sign-in throttle nor
// puts a chosen address in the audit log: the server believes only the hop its one trusted proxy added.
test("forged X-Forwarded-For: still throttled, and the audit log records the real hop", async ({
  browser,
}) => {
  test.setTimeout(60_000); // up to 40 sign-in attempts, then the auditor signs in
  const real = "192.0.2.93";
  let n = 0;
  const ctx = await browser.newContext();
  await ctx.route("**/*", (route) =>
    route.continue({
      headers: { ...route.request().headers(), "x-forwarded-for": `6.6.${n++ % 250}.6, ${real}` },
    }),
  );
  const page = await ctx.newPage();
  expect(await sprayUntilThrottled(page, "forged")).toBe(true);
  await ctx.close();

  const auditor = await browser.newPage({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.94" } });
  await signIn(auditor, "auditor");
  await auditor.goto("/admin/audit?actor=forged_0");
  const row = auditor.getByRole("row").filter({ hasText: "forged_0" }).first();
  await expect(row).toContainText(real);
  await expect(row).not.toContainText("6.6.");
  await auditor.close();
});

// Issue 9 §6: next-auth's own sign-out route ends the session row too, so a copy of the cookie is worthless.
test("after POST /api/auth/signout a kept copy of the cookie no longer opens the console", async ({
  browser,
}) => {
  const headers = { "x-forwarded-for": "192.0.2.95" };
  const ctx = await browser.newContext({ extraHTTPHeaders: headers });
  const page = await ctx.newPage();
  await signIn(page, "reviewer");
  const copy = await ctx.cookies();
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const out = await page.request.post("/api/auth/signout", {
    form: { csrfToken },
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(out.status()).toBeLessThan(400);
  await ctx.close();

  const thief = await browser.newContext({ extraHTTPHeaders: headers });
  await thief.addCookies(copy);
  const stolen = await thief.newPage();
  await stolen.goto("/admin/records");
  await expect(stolen).toHaveURL(/\/admin\/login/);
  await thief.close();
});
