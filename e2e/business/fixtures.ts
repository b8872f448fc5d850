import type { Page } from "@playwright/test";
import { commitmentMachine } from "@/lib/workflows/commitment";
import { objectionMachine } from "@/lib/workflows/objection";
import { repairMachine } from "@/lib/workflows/repair";
import { tipoffMachine } from "@/lib/workflows/tipoff";
import { test as consoleTest, DEMO_PASSWORD, expect, SIGN_IN_WAIT, signIn } from "../admin/fixtures";

/** The steps the machines confirm before sending, by their button, with the text the confirmation shows. */
const CONFIRMED = new Map(
  [repairMachine, commitmentMachine, objectionMachine, tipoffMachine]
    .flatMap((m) => Object.values(m.events) as { label: string; confirm?: string }[])
    .flatMap((r) => (r.confirm ? [[r.label, r.confirm] as const] : [])),
);

/**
 * Issue 11 walks both sides in one test: `page` is the company's browser, `regulator` a second browser (its own
 * cookies, its own client address) for the console.
 */
export const test = consoleTest.extend<{ regulator: Page }>({
  regulator: async ({ browser, baseURL, extraHTTPHeaders }, use) => {
    const ip = String(extraHTTPHeaders?.["x-forwarded-for"] ?? "198.51.100.1").replace(
      /^198\.51\./,
      "203.0.",
    );
    const context = await browser.newContext({
      baseURL,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      extraHTTPHeaders: { "x-forwarded-for": ip },
    });
    await use(await context.newPage());
    await context.close();
  },
});
export { DEMO_PASSWORD, expect, signIn };

export async function signInBusiness(page: Page, uscc: string, password = DEMO_PASSWORD) {
  await page.goto("/business/login");
  await page.getByLabel("统一社会信用代码").fill(uscc);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("企业登录", SIGN_IN_WAIT);
}

/** Opens the newest case of a subject in a reviewer's queue and returns its page. */
export async function openCase(
  regulator: Page,
  kind: "repairs" | "commitments" | "self-reports",
  subjectName: string,
) {
  await regulator.goto(`/admin/cases/${kind}`);
  const row = regulator.getByRole("row").filter({ hasText: subjectName }).first();
  await row.getByRole("link").first().click();
  await expect(regulator.getByRole("heading", { name: "办理过程" })).toBeVisible();
}

/** Fires one event on the open case page, with an optional note, and waits for the confirmation. */
export async function decide(regulator: Page, button: string, note?: string) {
  const steps = regulator.locator("#case-history li");
  const before = await steps.count();
  if (note) await regulator.getByLabel(/办理意见/).fill(note);
  await regulator.getByRole("button", { name: button, exact: true }).click();
  const confirm = CONFIRMED.get(button);
  if (confirm !== undefined) {
    // a consequential step names what it does before it is sent (issue 21)
    await expect(regulator.getByRole("alertdialog")).toContainText(confirm);
    await regulator.getByRole("button", { name: `确认${button}` }).click();
  }
  // the history gains the step (a final step also removes the form, and its message with it)
  await expect(steps).toHaveCount(before + 1);
}

/** Fills, signs and sends the repair application the profile's link opened, with one PDF as its proof. */
export async function submitRepairApplication(page: Page, pdf: Buffer) {
  await page.getByLabel("纠正失信行为、履行法定义务的情况").fill("已于 2026 年 9 月缴清罚款，并完成整改。");
  await page.getByLabel("联系电话").fill("13907910001");
  await page.getByLabel("签署人（法定代表人或授权代表）").fill("样例代表");
  await page.getByRole("checkbox").check();
  await page
    .getByLabel("履行义务、纠正失信行为的证明材料")
    .setInputFiles({ name: "缴款凭证.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "签署并提交申请" }).click();
}
