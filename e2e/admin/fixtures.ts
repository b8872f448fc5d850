import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Jiangxi@2026";
let ipCounter = 0;

/**
 * Each test comes from its own client address (the e2e server believes one proxy hop, README: TRUSTED_PROXIES),
 * so the per-address sign-in throttle never couples tests together.
 */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture list from this pattern
  extraHTTPHeaders: async ({}, use, info) => {
    ipCounter += 1;
    await use({ "x-forwarded-for": `198.51.${info.workerIndex % 250}.${(ipCounter % 250) + 1}` });
  },
});
export { expect };

/**
 * A sign-in verifies an argon2id hash (19 MiB, deliberately slow); beside the import tests' CPU-heavy files on
 * two cores it has taken over 5 s, so the wait for the console is longer than an ordinary expectation's.
 */
export const SIGN_IN_WAIT = { timeout: 20_000 };

/** Signs in through the form and waits until the console (or the forced password change) has rendered. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/admin/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(
    page.getByRole("button", { name: "退出" }).or(page.getByRole("heading", { name: "修改密码" })),
  ).toBeVisible(SIGN_IN_WAIT);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/admin\/login\?reason=revoked/);
}

/** A company on the serious-dishonesty list, not under verification: its profile opened, its code read. */
export async function listedCompany(page: Page) {
  await page.goto("/lists/serious-dishonesty");
  const links = page.locator('a[href^="/lists/serious-dishonesty/"]').filter({ hasText: /公司/ });
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await page.goto(href);
    // an entry whose objection is being verified counts against nothing (DOMAIN §8)
    if ((await page.getByText("核实中").count()) > 0) continue;
    await page.locator('main a[href^="/subjects/"]').first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const uscc = (await page.locator("main").textContent())?.match(/[0-9A-HJ-NPQRTUWXY]{18}/)?.[0] ?? "";
    if (uscc) return { uscc, name: (await page.getByRole("heading", { level: 1 }).textContent()) ?? "" };
  }
  throw new Error("no listed company found");
}
