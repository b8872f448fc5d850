import { expect, test } from "@playwright/test";
import { FIXTURE } from "../../scripts/seed/fixtures";

const { person } = FIXTURE;

/** RFC 4180, enough for our own files: quoted cells, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== "," && c !== "\n" && c !== "\r")) {
      cell += c;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    }
  }
  return rows;
}

test("the penalties CSV downloads from /open-data, parses, and masks natural persons", async ({ page }) => {
  await page.goto("/open-data");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^CSV.*行政处罚/ }).click();
  const file = await (await download).path();
  const { readFileSync } = await import("node:fs");
  const text = readFileSync(file, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff); // BOM for Excel
  const rows = parseCsv(text.slice(1));
  const header = rows[0] ?? [];
  expect(header.slice(0, 5)).toEqual([
    "记录编号",
    "行政相对人名称",
    "行政相对人类别",
    "统一社会信用代码",
    "行政处罚决定书文号",
  ]);
  expect(rows.length).toBeGreaterThan(100);
  expect(rows.every((r) => r.length === header.length)).toBe(true);
  const mine = rows.find((r) => r[4] === person.penalty);
  expect(mine?.[1]).toBe(person.masked);
  expect(mine?.[3]).toBe("");
  expect(text).not.toContain(person.name);
  expect(text).not.toContain(person.idNumber);
  // no cell can start a formula
  expect(
    rows
      .slice(1)
      .flat()
      .some((c) => /^[=+\-@]/.test(c)),
  ).toBe(false);
});

test("JSON export, API and Atom feed mask the natural person too", async ({ request, page }) => {
  const json = await (await request.get("/open-data/lists-serious-dishonesty.json")).text();
  const entries = JSON.parse(json) as { name: string; uscc: string | null }[];
  expect(entries.some((e) => e.name === person.masked && e.uscc === null)).toBe(true);
  expect(json).not.toContain(person.name);

  const api = await (await request.get("/api/v1/lists/serious-dishonesty/entries")).text();
  expect(api).toContain(person.masked);
  expect(api).not.toContain(person.name);

  await page.goto("/lists/serious-dishonesty");
  const feedHref = await page
    .locator('link[rel="alternate"][type="application/atom+xml"]')
    .getAttribute("href");
  expect(feedHref).toContain("/lists/serious-dishonesty/feed.xml");
  const feed = await request.get(feedHref ?? "");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain(`<title>${person.masked} 列入`);
  expect(xml).not.toContain(person.name);
  expect(xml).not.toContain(person.idNumber);
});

test("the OpenAPI document describes every public endpoint", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  for (const p of [
    "/api/v1/subjects",
    "/api/v1/subjects/{code}",
    "/api/v1/lists/{kind}/entries",
    "/api/v1/penalties",
    "/api/v1/licences",
  ]) {
    expect(Object.keys(doc.paths)).toContain(p);
  }
});

// issue 10: feeds and the OpenAPI document carried http://localhost:3000 whatever the host
test("feeds and the OpenAPI document use the address the site was reached at, not localhost", async ({
  request,
}) => {
  const direct = await (await request.get("/lists/red/feed.xml")).text();
  expect(direct).toMatch(/<id>http:\/\/127\.0\.0\.1:\d+\/lists\/red<\/id>/);
  expect(direct).not.toContain("localhost");
  // behind the one trusted proxy of the e2e server, its public host and scheme
  const proxied = { "x-forwarded-host": "credit.example.cn", "x-forwarded-proto": "https" };
  const feed = await (await request.get("/lists/red/feed.xml", { headers: proxied })).text();
  expect(feed).toContain('href="https://credit.example.cn/lists/red/feed.xml"');
  const doc = await (await request.get("/api/v1/openapi.json", { headers: proxied })).json();
  expect(doc.servers).toEqual([{ url: "https://credit.example.cn" }]);
});

test("datapackage.json describes each file; a file's ETag answers 304; since its version nothing changed", async ({
  request,
}) => {
  const pkg = await (await request.get("/open-data/datapackage.json")).json();
  const csv = pkg.resources.find((r: { name: string }) => r.name === "penalties-csv");
  expect(csv).toMatchObject({
    format: "csv",
    mediatype: "text/csv",
    hash: expect.stringMatching(/^sha256:/),
  });
  expect(csv.schema.fields[0]).toMatchObject({ name: "记录编号", type: "integer" });
  // served as produced while nothing changed since (ETag, length, 304), or read live once earlier tests changed
  // records (no-store); both branches are tested apart in publish.int.test.ts
  const first = await request.get("/open-data/penalties.json");
  expect(first.status()).toBe(200);
  const h = first.headers();
  if (h["cache-control"] !== "no-store") {
    expect(h["content-length"]).toBeTruthy();
    expect(
      (
        await request.get("/open-data/penalties.json", { headers: { "if-none-match": h.etag ?? "" } })
      ).status(),
    ).toBe(304);
  }
  expect(JSON.parse(await first.text()).length).toBeGreaterThan(100);
  const bad = await request.get("/open-data/penalties.json?since=2999-01-01");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/不能晚于当前时间/);
});
