import { FIXTURE } from "../../scripts/seed/fixtures";
import { expect, signIn, test } from "./fixtures";

const { active, nearThreshold } = FIXTURE.business;

test("a sysadmin raises the disclosure threshold: a penalty below it leaves the public pages once the recount ends (issue 14 §4)", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`/subjects/${active.uscc}`);
  await expect(page.locator("#penalties")).toContainText(nearThreshold.penalty);

  await signIn(page, "sysadmin");
  await page.goto("/admin/settings");
  const section = page.getByRole("region", { name: /罚款公示门槛/ });
  // out of range: refused with the setting's own words
  await section.getByLabel("值（万元）").fill("5000");
  await section.getByRole("button", { name: "保存" }).click();
  await expect(section.getByRole("alert")).toContainText("罚款公示门槛（组织）应在 0–1000 万元之间。");
  // just above the fixture's fine: only fines in [1, 1.000002) 万元 are affected, so other specs see no change
  await section.getByLabel("值（万元）").fill("1.000002");
  await section.getByRole("button", { name: "保存" }).click();
  await expect(section.getByRole("status")).toContainText("正在按新门槛重新计算");
  await expect(
    page.getByRole("heading", { name: /公示范围重新计算（门槛 1.000002 万元）：已完成/ }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await page.goto(`/subjects/${active.uscc}`);
  await expect(page.locator("#penalties")).not.toContainText(nearThreshold.penalty);

  // back to the default: the penalty is public again
  await page.goto("/admin/settings");
  await section.getByLabel("值（万元）").fill("1");
  await section.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { name: /公示范围重新计算（门槛 1 万元）：已完成/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.goto(`/subjects/${active.uscc}`);
  await expect(page.locator("#penalties")).toContainText(nearThreshold.penalty);
});
