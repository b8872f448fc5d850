import { FIXTURE } from "../../scripts/seed/fixtures";
import { DEMO_PASSWORD, expect, signInBusiness, test } from "./fixtures";

// Issue 13 §6: a business follows an organisation it deals with and sees its public records in its portal.
test("a business follows a company by its code, sees its public penalty, and stops following it", async ({
  page,
}) => {
  const c = FIXTURE.company;
  await signInBusiness(page, FIXTURE.business.active.uscc);
  await expect(page.getByRole("link", { name: "关注的主体" })).toHaveAttribute("href", "/business/watchlist");
  await page.goto("/business/watchlist");
  await expect(page.getByRole("heading", { level: 1, name: "关注的主体" })).toBeVisible();
  // a retry starts from nothing followed
  const left = page.getByRole("button", { name: `取消关注 ${c.name}` });
  if (await left.count()) {
    await left.click();
    await expect(left).toHaveCount(0);
  }
  await page.getByLabel("统一社会信用代码").fill(c.uscc.toLowerCase());
  await page.getByRole("button", { name: "关注", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(`已关注“${c.name}”`);
  const card = page.getByRole("region", { name: c.name });
  await expect(card).toContainText(c.publicPenalty);
  await expect(card).not.toContainText(c.repairedPenalty);

  // twice, a person, an unknown code: each refused in Chinese
  await page.getByLabel("统一社会信用代码").fill(c.uscc);
  await page.getByRole("button", { name: "关注", exact: true }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("已经在关注");
  await page.getByLabel("统一社会信用代码").fill("91360102MAE2E0001X");
  await page.getByRole("button", { name: "关注", exact: true }).click();
  await expect(page.locator("main").getByRole("alert")).toBeVisible();

  await card.getByRole("button", { name: `取消关注 ${c.name}` }).click();
  await expect(page.getByRole("region", { name: c.name })).toHaveCount(0);
});

test("a profile's 关注 button leads a signed-out business through sign-in back to the code, ready to follow (issue 21)", async ({
  page,
}) => {
  const target = FIXTURE.listing;
  await page.goto(`/subjects/${target.uscc}`);
  await page.getByRole("link", { name: "关注该主体（企业账号）" }).click();
  await expect(page).toHaveURL(/\/business\/login\?callbackUrl=/);
  await page.getByLabel("统一社会信用代码").fill(FIXTURE.business.repair.uscc);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/business/watchlist\\?follow=${target.uscc}`));
  await expect(page.getByLabel("统一社会信用代码")).toHaveValue(target.uscc);
  await page.getByRole("button", { name: "关注", exact: true }).click();
  await expect(page.getByRole("status")).toContainText(`已关注“${target.name}”`);
  await page.getByRole("button", { name: `取消关注 ${target.name}` }).click();
  await expect(page.getByRole("button", { name: `取消关注 ${target.name}` })).toHaveCount(0);
});
