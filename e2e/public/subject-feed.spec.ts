import { expect, test } from "@playwright/test";
import { FIXTURE } from "../../scripts/seed/fixtures";

// Issue 13 §6: following an organisation without looking it up every day.
test("an organisation's Atom feed lists its public records, not the repaired one; the profile links it", async ({
  page,
}) => {
  const c = FIXTURE.company;
  await page.goto(`/subjects/${c.uscc}`);
  const link = page.getByRole("link", { name: "订阅更新（Atom）" });
  await expect(link).toHaveAttribute("href", `/subjects/${c.uscc}/feed.xml`);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    new RegExp(`/subjects/${c.uscc}/feed.xml$`),
  );
  const r = await page.request.get(`/subjects/${c.uscc}/feed.xml`);
  expect(r.status()).toBe(200);
  expect(r.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await r.text();
  expect(xml).toContain(`<title>信用江西 · ${c.name} 的信用信息</title>`);
  expect(xml).toContain(c.publicPenalty);
  expect(xml).not.toContain(c.repairedPenalty);
});

test("a feed for a person or an unknown code is a 404 that says why", async ({ page }) => {
  const person = await page.request.get(`/subjects/${FIXTURE.person.publicId}/feed.xml`);
  expect(person.status()).toBe(404);
  expect(await person.text()).toContain("不提供订阅");
  const bad = await page.request.get("/subjects/91360102MAE2E0001X/feed.xml");
  expect(bad.status()).toBe(404);
  expect(await bad.text()).toMatch(/无效|没有这个主体/);
});
