import { expect, test } from "@playwright/test";
import { FIXTURE } from "../../scripts/seed/fixtures";

const { company, person } = FIXTURE;

test.describe("search", () => {
  test("finds subjects by a 2-character fragment", async ({ page }) => {
    await page.goto("/search?q=样例");
    await expect(page.getByRole("heading", { name: /按名称查询“样例”，共 1 个结果/ })).toBeVisible();
    await expect(page.getByRole("link", { name: company.name })).toBeVisible();
    // the natural person named 欧阳样例 is not found by name (DOMAIN §2)
    await expect(page.getByText(person.masked)).toHaveCount(0);
  });

  test("finds a subject by USCC typed in lower case with spaces", async ({ page }) => {
    const typed = `${company.uscc.slice(0, 6).toLowerCase()} ${company.uscc.slice(6)}`;
    await page.goto("/");
    await page.getByRole("searchbox").fill(typed);
    await page.getByRole("searchbox").press("Enter");
    await expect(page.getByRole("heading", { name: /按统一社会信用代码查询/ })).toBeVisible();
    await expect(page.getByRole("link", { name: company.name })).toBeVisible();
  });

  test("finds subjects by pinyin initials", async ({ page }) => {
    await page.goto("/search?q=ncyl");
    await expect(page.getByRole("heading", { name: /按拼音查询/ })).toBeVisible();
    await expect(page.getByRole("link", { name: company.name })).toBeVisible();
  });

  test("forgives: traditional characters, fragments, full pinyin, one character off (issue 25)", async ({
    page,
  }) => {
    for (const q of ["南昌樣例路橋建設", "样例 建设", "nanchangyangli"]) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole("link", { name: company.name }), q).toBeVisible();
    }
    await page.goto(`/search?q=${encodeURIComponent("南昌样例路桥建筑")}`);
    await expect(page.getByRole("heading", { name: /没有找到匹配的信用主体/ })).toBeVisible();
    const suggested = page.getByRole("region", { name: "您是不是要找" });
    await expect(suggested.getByRole("link", { name: company.name })).toBeVisible();
  });

  test("a wrong check character is explained, bad input never breaks the page", async ({ page }) => {
    const wrong = company.uscc.slice(0, 17) + (company.uscc.endsWith("0") ? "1" : "0");
    await page.goto(`/search?q=${wrong}`);
    await expect(page.getByText(/校验位错误/)).toBeVisible();
    // the code it differs from in that one character is offered, not listed as a hit
    await expect(
      page.getByRole("region", { name: "您是不是要找" }).getByRole("link", { name: company.name }),
    ).toBeVisible();
    for (const q of [
      "'; DROP TABLE subjects;--",
      "%",
      "_",
      "\\",
      "😀😀",
      "<script>alert(1)</script>",
      "x".repeat(1000),
      "９１３６",
    ]) {
      const res = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(res?.status(), q).toBe(200);
      await expect(page.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
    }
  });

  test("a natural person is found only by the full ID number, which never appears in a URL", async ({
    page,
  }) => {
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await page.goto("/");
    await page.getByRole("searchbox").fill(person.idNumber);
    await page.getByRole("searchbox").press("Enter");
    await expect(page).toHaveURL(`/subjects/${person.publicId}`);
    await expect(page.getByRole("heading", { level: 1, name: person.masked })).toBeVisible();
    await expect(page.getByText(person.idMasked)).toBeVisible();
    const profile = await page.content();
    expect(profile).not.toContain(person.name);
    expect(profile).not.toContain(person.idNumber);
    expect(urls.filter((u) => u.includes(person.idNumber))).toEqual([]);
  });

  // issue 10: the /search page's own form used GET, so an ID number typed there went into the URL and history
  test("an ID number typed on /search goes through POST: no URL the browser visits contains it", async ({
    page,
  }) => {
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    page.on("framenavigated", (f) => urls.push(f.url()));
    await page.goto("/search?q=建工");
    await page.getByRole("searchbox").fill(person.idNumber);
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(`/subjects/${person.publicId}`);
    await expect(page.getByRole("heading", { level: 1, name: person.masked })).toBeVisible();
    expect(urls.filter((u) => u.includes(person.idNumber))).toEqual([]);
    // a name search from the same form still lands on a shareable /search?q= address
    await page.goto("/search");
    await page.getByRole("searchbox").fill("建工");
    await page.getByRole("combobox", { name: "所在地区" }).selectOption({ label: "南昌市" });
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/\/search\?q=%E5%BB%BA%E5%B7%A5&region=3601/);
  });

  test("an ID number put in a URL is refused and not echoed", async ({ page }) => {
    await page.goto(`/search?q=${person.idNumber}`);
    await expect(page.getByText(/身份证号码不能放在网址中/)).toBeVisible();
    await expect(page.getByRole("searchbox")).toHaveValue("");
    await expect(page.locator("main")).not.toContainText(person.idNumber);
  });

  test("an ID number with a wrong check digit typed in the box never reaches the address bar (issue 21)", async ({
    page,
  }) => {
    const wrong = `${person.idNumber.slice(0, 17)}${person.idNumber.endsWith("0") ? "1" : "0"}`;
    await page.goto("/search");
    await page.getByRole("searchbox").fill(wrong);
    await page.getByRole("searchbox").press("Enter");
    await expect(page.locator("main").getByRole("alert")).toContainText(
      "既不是有效的统一社会信用代码，也不是有效的身份证号码",
    );
    expect(page.url()).not.toContain(wrong);
    expect(page.url()).not.toContain(wrong.slice(6, 14));
    await expect(page.locator("main")).not.toContainText(wrong);
  });
});

test.describe("subject profile", () => {
  test("shows a public penalty with 公示截止 and 可申请修复; repaired and expired ones are absent", async ({
    page,
  }) => {
    await page.goto(`/subjects/${company.uscc.toLowerCase()}`);
    await expect(page).toHaveURL(`/subjects/${company.uscc}`);
    await expect(page.getByRole("heading", { level: 1, name: company.name })).toBeVisible();
    const penalties = page.getByRole("region", { name: /行政处罚/ });
    await expect(penalties.getByRole("link", { name: company.publicPenalty, exact: true })).toBeVisible();
    await expect(penalties.getByText(/公示截止 \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(penalties.getByText(/可申请信用修复 自 \d{4}-\d{2}-\d{2}/)).toBeVisible();
    await expect(page.getByText(company.repairedPenalty)).toHaveCount(0);
    await expect(page.getByText(company.expiredPenalty)).toHaveCount(0);
    // DOMAIN §4: a red-list entry past its validity moves to history and no longer counts
    const red = page.getByRole("region", { name: /守信激励/ });
    await expect(red.getByText("未列入红名单。")).toBeVisible();
    await expect(red.getByText("已过有效期（1）")).toBeVisible();
    await page.getByRole("link", { name: "评价依据" }).click();
    await expect(page.getByRole("heading", { name: "公共信用综合评价依据" })).toBeVisible();
  });

  test("an invalid code is a 404 that says why and offers search", async ({ page }) => {
    const res = await page.goto("/subjects/91360102MAE2E00019");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "未找到该信用主体" })).toBeVisible();
    await expect(page.getByText(/不是有效的统一社会信用代码/)).toBeVisible();
    await expect(page.getByRole("searchbox")).toBeVisible();
  });
});

test.describe("双公示 detail", () => {
  test("a natural person's penalty shows the national fields, masked, without a code", async ({ page }) => {
    await page.goto(`/subjects/${person.publicId}`);
    await page.getByRole("link", { name: person.penalty, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: person.penalty })).toBeVisible();
    await expect(page.getByText("行政处罚决定书文号")).toBeVisible();
    await expect(page.getByText("公示截止期")).toBeVisible();
    await expect(page.getByRole("link", { name: person.masked })).toBeVisible();
    await expect(page.getByText("统一社会信用代码", { exact: true })).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText(person.name);
  });
});

test.describe("API", () => {
  test("codes: malformed → 400, unknown → 404, lower case with spaces → same answer", async ({ request }) => {
    const bad = await request.get(`/api/v1/subjects/${company.uscc.slice(0, 17)}X`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toMatch(/校验位|不是允许的字符/);
    expect((await request.get("/api/v1/subjects/91350100M000100Y43")).status()).toBe(404);
    const canonical = await (await request.get(`/api/v1/subjects/${company.uscc}`)).json();
    const loose = await request.get(
      `/api/v1/subjects/${encodeURIComponent(` ${company.uscc.toLowerCase().slice(0, 9)} ${company.uscc.toLowerCase().slice(9)}`)}`,
    );
    expect(loose.status()).toBe(200);
    expect(await loose.json()).toEqual(canonical);
    expect(canonical.penalties.map((p: { decisionNo: string }) => p.decisionNo)).toEqual([
      company.publicPenalty,
    ]);
  });

  test("the routes the server in front answers itself agree with Next's: same search, HEAD, gzip, limits", async ({
    request,
  }) => {
    // POST goes through Next's router, GET is answered in front of it (issue 24 §1): one handler, one answer
    const viaNext = await request.post("/api/v1/subjects", { data: { q: "建工", page: 2 } });
    const direct = await request.get(`/api/v1/subjects?q=${encodeURIComponent("建工")}&page=2`);
    expect(direct.status()).toBe(200);
    expect(await direct.json()).toEqual(await viaNext.json());
    expect(direct.headers()["access-control-allow-origin"]).toBe("*");
    expect(direct.headers()["server-timing"]).toMatch(/^search;dur=/);
    const bad = await request.get("/api/v1/subjects?q=建工&page=0");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toBe("参数 page 无效：最小为 1");
    const identity = { headers: { "accept-encoding": "identity" } };
    const head = await request.head(`/api/v1/subjects/${company.uscc}`, identity);
    expect(head.status()).toBe(200);
    expect(await head.body()).toHaveLength(0);
    const full = await request.get(`/api/v1/subjects/${company.uscc}`, identity);
    expect(full.headers()["content-encoding"]).toBeUndefined();
    expect(Number(head.headers()["content-length"])).toBe((await full.body()).length);
    // the client asked for gzip: Playwright unpacks it, and the header says it was packed
    const packed = await request.get(`/api/v1/subjects/${company.uscc}`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(packed.headers()["content-encoding"]).toBe("gzip");
    expect(await packed.json()).toEqual(await full.json());
    // a trailing slash is Next's to answer, as before: a redirect to the path without it
    const slash = await request.get(`/api/v1/subjects/${company.uscc}/`, { maxRedirects: 0 });
    expect(slash.status()).toBe(308);
  });
});

test.describe("双公示 filters (issue 21)", () => {
  test("/penalties finds a decision by its 文号 and a company's decisions by its name; the pager keeps the query", async ({
    page,
  }) => {
    await page.goto("/penalties");
    await page.getByLabel("名称、统一社会信用代码或决定书文号").fill(company.publicPenalty);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.locator("main li")).toHaveCount(1);
    await expect(page.locator("main li")).toContainText(company.publicPenalty);
    await page.goto(`/penalties?q=${encodeURIComponent(company.name.replace("（演示）", ""))}`);
    await expect(page.locator("main li").filter({ hasText: company.publicPenalty })).toHaveCount(1);
    await page.goto(`/penalties?q=${encodeURIComponent(person.name)}`);
    await expect(page.locator("main")).toContainText("没有符合条件的行政处罚");
  });
});
