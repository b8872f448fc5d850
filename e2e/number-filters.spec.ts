import { readFileSync } from "node:fs";
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./admin/fixtures";
import { allPages, type Page, type Role, rightful, sessionOf } from "./route-tree";

/**
 * Issue 20 N12: `page=99999999999999999999` or `list=1e309` gave 500s. Every page of the route tree is asked, by a
 * reader it admits, with every search parameter its source reads — and the common filters besides — set to
 * numbers no column holds, and with each numeric path segment overflowing: none may answer 5xx.
 */
const OVERFLOW = ["99999999999999999999", "1e309", "-1", "2147483648"];
const COMMON = ["page", "list", "dept", "deptId", "id", "year", "changed", "region", "grade", "kind", "type"];
/** non-numeric segments take a real value, so the page goes on to read its filters */
const SEGMENTS: Record<string, string> = {
  "/admin/cases/[kind]": "repairs",
  "/admin/records/[kind]": "penalty",
  "/lists/[kind]": "red",
  "/regions/[code]": "360100",
};

/** The search parameters a page's source reads (`sp.x`, `(await searchParams).x`), with the common filters. */
function paramsOf(p: Page): string[] {
  const found = new Set(COMMON);
  for (const m of readFileSync(p.file, "utf8").matchAll(/\b(?:sp|searchParams\))\.(\w+)/g))
    found.add(m[1] as string);
  return [...found];
}

function addressOf(route: string, value: string): string {
  let url = route;
  for (const [prefix, sample] of Object.entries(SEGMENTS))
    if (url.startsWith(prefix)) url = url.replace(prefix, prefix.replace(/\[[^\]]+\]/, sample));
  return url.replace(/\[[^\]]+\]/g, value);
}

test("no page answers 5xx to overflowing numbers in its filters or path (issue 20 N12)", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const pages = allPages();
  expect(pages.length).toBeGreaterThan(70);
  const readers = new Map<Role | null, Awaited<ReturnType<typeof playwrightRequest.newContext>>>();
  let n = 0;
  for (const p of pages) {
    const role = rightful(p);
    let reader = readers.get(role);
    if (!reader) {
      reader = await playwrightRequest.newContext({
        baseURL,
        storageState: role ? await sessionOf(browser, baseURL as string, role, false, 200 + n) : undefined,
        extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${230 + n++}` },
      });
      readers.set(role, reader);
    }
    for (const value of OVERFLOW) {
      const query = new URLSearchParams(paramsOf(p).map((k) => [k, value])).toString();
      const url = `${addressOf(p.route, value)}?${query}`;
      const r = await reader.get(url, { maxRedirects: 0 });
      expect(r.status(), `${role ?? "anonymous"} ${url}`).toBeLessThan(500);
    }
  }
  for (const r of readers.values()) await r.dispose();
});
