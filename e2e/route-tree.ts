import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Browser } from "@playwright/test";
import { DEMO_PASSWORD, expect } from "./admin/fixtures";

/**
 * The app's pages read from the route tree itself (app/**\/page.tsx), so that a sweep over "every page" takes in a
 * page added tomorrow without anyone listing it: the route (route groups dropped) and the roles the page's own
 * guard call admits.
 */
export type Role = "operator" | "reviewer" | "supervisor" | "sysadmin" | "auditor" | "editor" | "business";
export type Page = { route: string; file: string; roles: Role[] | "any-console" | "public" };

const APP = join(process.cwd(), "app");
/** the signed-out pages of the console and the portal */
const SIGNED_OUT = /^\/(admin|business)\/(login|register|activate)$/;
const RECORD_READERS: Role[] = ["operator", "reviewer", "supervisor"];
const WRONG_ROLE_ORDER: Role[] = ["auditor", "editor", "sysadmin", "operator", "reviewer", "supervisor"];

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pagesUnder(join(dir, e.name)) : e.name === "page.tsx" ? [join(dir, e.name)] : [],
  );
}

function pageOf(file: string): Page {
  const route = `/${relative(APP, file)
    .split(sep)
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/")}`.replace(/\/$/, "");
  if (!/^\/(admin|business)(\/|$)/.test(route) || SIGNED_OUT.test(route))
    return { route: route || "/", file, roles: "public" };
  const source = readFileSync(file, "utf8");
  const guard = /require(Role|User|Business)\(([^)]*)\)/.exec(source);
  if (!guard) throw new Error(`${route} (${file}) calls no guard itself`);
  if (guard[1] === "Business") return { route, file, roles: ["business"] };
  if (guard[1] === "User") return { route, file, roles: "any-console" };
  const named = [...(guard[2] ?? "").matchAll(/"(\w+)"/g)].map((m) => m[1] as Role);
  return { route, file, roles: guard[2]?.includes("RECORD_READERS") ? RECORD_READERS : named };
}

/** The addresses a route answers at: each dynamic segment filled, with any query. */
export const addressesOf = (route: string) =>
  new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/?#]+")}(\\?.*)?$`);

/** The app's own links in a page's HTML, as addresses. */
export const linksIn = (html: string) =>
  [...html.matchAll(/href="(\/[^"#]*)/g)].map((m) => (m[1] as string).replaceAll("&amp;", "&"));

/** Every page of the app. */
export const allPages = (): Page[] => pagesUnder(APP).map(pageOf);
/** The pages under /admin and /business that need a session. */
export const consolePages = (): Page[] => allPages().filter((p) => p.roles !== "public");

/** The demo account that may read a page (DEMO_ACCOUNTS are named after their roles); null for a public page. */
export const rightful = (p: Page): Role | null =>
  p.roles === "public" ? null : p.roles === "any-console" ? "operator" : (p.roles[0] ?? "operator");

/** A console account the page's guard does not admit (a business page: any console account). */
export const wrongRole = (p: Page): Role | null => {
  if (p.roles === "any-console" || p.roles === "public") return null;
  if (p.roles.includes("business")) return "operator";
  return WRONG_ROLE_ORDER.find((r) => !p.roles.includes(r)) ?? null;
};

/** A session's cookies, signed in through the form; `revoked`: the same cookies after 退出. */
export async function sessionOf(browser: Browser, baseURL: string, role: Role, revoked = false, n = 0) {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${(n % 200) + 20}` },
  });
  const page = await context.newPage();
  const area = role === "business" ? "business" : "admin";
  await page.goto(`/${area}/login`);
  await page.getByLabel(area === "business" ? "统一社会信用代码" : "用户名").fill(role);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
  const state = await context.storageState();
  if (revoked) {
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page).toHaveURL(/login\?reason=revoked/);
  }
  await context.close();
  return state;
}

/**
 * Every page rendered for its reader (its rightful role, or anonymous): the pages without parameters first, then
 * each page that needs them at an address found among the links of pages already rendered (a page such as
 * 数据质量明细 that answers 404 without its query is asked again at a linked address). Answers the routes that
 * failed (a 5xx anywhere, or 404 at every address the app itself linked) and those no link led to.
 */
export async function renderEveryPage(browser: Browser, baseURL: string) {
  const pages = allPages();
  const contexts = new Map<string, Awaited<ReturnType<Browser["newContext"]>>>();
  const as = async (role: Role | null) => {
    const key = role ?? "anonymous";
    let c = contexts.get(key);
    if (!c) {
      const state = role ? await sessionOf(browser, baseURL, role, false, contexts.size + 100) : undefined;
      c = await browser.newContext({
        baseURL,
        storageState: state,
        extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${contexts.size + 150}` },
      });
      contexts.set(key, c);
    }
    return c;
  };
  const links = new Set<string>();
  const rendered: string[] = [];
  const failed: string[] = [];
  const statics = new Set(pages.filter((p) => !p.route.includes("[")).map((p) => p.route));
  /** true once the page is settled: rendered, or failed */
  const ask = async (p: Page): Promise<boolean> => {
    const pattern = addressesOf(p.route);
    const linked = [...links].filter(
      (h) => pattern.test(h) && (statics.has(p.route) || !statics.has(h.split("?")[0] as string)),
    );
    const candidates = [...(statics.has(p.route) ? [p.route] : []), ...linked.slice(0, 3)];
    const c = await as(rightful(p));
    const answers: string[] = [];
    for (const url of candidates) {
      const r = await c.request.get(url, { maxRedirects: 0 });
      answers.push(`${url} → ${r.status()}`);
      if (r.status() >= 500) break;
      if (r.status() === 404) continue;
      for (const href of linksIn(await r.text())) links.add(href);
      rendered.push(p.route);
      return true;
    }
    // only the bare address of a page that needs its query answered 404: ask again once a link to it is known
    if (linked.length === 0 && !answers.some((a) => / 5\d\d$/.test(a))) return false;
    failed.push(answers.join("; "));
    return true;
  };
  const pending = new Set(pages);
  for (let round = 0; round < 3 && pending.size > 0; round++)
    for (const p of [...pending].sort(
      (a, b) => Number(a.route.includes("[")) - Number(b.route.includes("[")),
    ))
      if (await ask(p)) pending.delete(p);
  for (const c of contexts.values()) await c.close();
  return { rendered, failed, unreached: [...pending].map((p) => p.route) };
}
