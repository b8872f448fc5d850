import type { APIRequestContext, Browser } from "@playwright/test";
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./admin/fixtures";
import {
  addressesOf,
  consolePages,
  linksIn,
  type Page,
  type Role,
  rightful as rightfulOrNull,
  sessionOf,
  wrongRole,
} from "./route-tree";

/**
 * Issue 20 N1: an RSC request reaches a page without its layout's guard, so every page under /admin and /business
 * must call the guard itself. The pages are enumerated from the route tree (a new page is swept without anyone
 * adding it here); each is asked for its RSC payload — with the `RSC: 1` header, and as `?_rsc=` — by an anonymous
 * client, by a session ended by 退出, by a business account (console pages) and by a console account of a role the
 * page does not admit. None may get data: the answer carries the guard's redirect or 403/404, and none of the
 * codes the page shows its rightful reader.
 */
const CONSOLE_PAGES = consolePages();
const rightful = (p: Page) => rightfulOrNull(p) as Role;
/** an 18-character 统一社会信用代码, the mark of subject and department data */
const USCC = /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/g;

type Answer = { status: number; location: string | null; body: string };
/**
 * A page's RSC payload. Next answers a `_rsc` value that does not match the request with a redirect to the one that
 * does: that redirect is followed; any other (the proxy's or the guard's, to a sign-in page) is the answer.
 */
async function rsc(api: APIRequestContext, url: string, variant: "header" | "query"): Promise<Answer> {
  let at = variant === "query" ? `${url}${url.includes("?") ? "&" : "?"}_rsc=sweep` : url;
  for (let hop = 0; ; hop++) {
    const r = await api.get(at, { headers: { RSC: "1" }, maxRedirects: 0 });
    const location = r.headers().location ?? null;
    const sameRoute = location?.split("?")[0] === at.split("?")[0] && /[?&]_rsc(=|&|$)/.test(location ?? "");
    if (r.status() >= 300 && r.status() < 400 && sameRoute && hop < 3) {
      at = location as string;
      continue;
    }
    return { status: r.status(), location, body: await r.text() };
  }
}

/** The guard answered: a redirect elsewhere, a refusal, or the payload's own redirect / 403 / 404. */
const guarded = (a: Answer) =>
  a.status !== 200 || /NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK;40[34]/.test(a.body);

test.describe("RSC requests to every console and portal page (issue 20 N1)", () => {
  test.describe.configure({ timeout: 300_000 });
  /** each route with a concrete address (dynamic segments filled from links the rightful reader sees) */
  const urls = new Map<string, string>();
  /** the codes each page shows its rightful reader */
  const seen = new Map<string, Set<string>>();
  const clients: APIRequestContext[] = [];
  let base = "";
  const client = async (state?: Awaited<ReturnType<typeof sessionOf>>) => {
    const c = await playwrightRequest.newContext({
      baseURL: base,
      storageState: state,
      extraHTTPHeaders: { "x-forwarded-for": `192.0.2.${clients.length + 1}` },
    });
    clients.push(c);
    return c;
  };
  /** one signed-in client per role, shared by the tests */
  const signedIn = new Map<Role, APIRequestContext>();
  const as = async (browser: Browser, role: Role) => {
    let c = signedIn.get(role);
    if (!c) {
      c = await client(await sessionOf(browser, base, role, false, signedIn.size));
      signedIn.set(role, c);
    }
    return c;
  };

  test.beforeAll(async ({ browser, baseURL }) => {
    // one sign-in per role and two requests per page: more than the default 30 s on a busy machine
    test.setTimeout(180_000);
    base = baseURL as string;
    expect(CONSOLE_PAGES.length).toBeGreaterThan(40);
    const statics = new Set(CONSOLE_PAGES.filter((p) => !p.route.includes("[")).map((p) => p.route));
    // fill dynamic segments (and the query a page needs, such as 申请信用修复's record) from the links of pages
    // already reachable, round by round
    const hrefs = new Set<string>();
    for (let round = 0; round < 3; round++) {
      for (const p of CONSOLE_PAGES) {
        if (urls.has(p.route)) continue;
        const pattern = addressesOf(p.route);
        const linked = [...hrefs].filter((h) => pattern.test(h));
        const candidates = p.route.includes("[")
          ? linked.filter((h) => !statics.has(h.split("?")[0] as string))
          : [p.route, ...linked];
        const reader = await as(browser, rightful(p));
        for (const url of candidates) {
          const own = await rsc(reader, url, "header");
          if (guarded(own)) continue;
          urls.set(p.route, url);
          seen.set(p.route, new Set(own.body.match(USCC) ?? []));
          const html = await (await reader.get(url)).text();
          for (const href of linksIn(html)) if (/^\/(admin|business)\//.test(href)) hrefs.add(href);
          break;
        }
      }
    }
    // every page renders for its rightful reader, so that what the others are refused is real
    for (const p of CONSOLE_PAGES)
      if (!p.route.includes("["))
        expect(urls.has(p.route), `${p.route} must render for ${rightful(p)}`).toBe(true);
    // a route no link leads to (an import job when none exists) is still asked, with an id that may not exist
    for (const p of CONSOLE_PAGES)
      if (!urls.has(p.route)) urls.set(p.route, p.route.replace(/\[[^\]]+\]/g, "1"));
  });
  test.afterAll(async () => {
    for (const c of clients) await c.dispose();
  });

  /** Every page `who` is asked about (pick: its client, or null to skip it), both ways of asking. */
  const sweep = async (who: string, pick: (p: Page) => Promise<APIRequestContext | null>) => {
    let asked = 0;
    for (const p of CONSOLE_PAGES) {
      const c = await pick(p);
      if (!c) continue;
      const url = urls.get(p.route) as string;
      for (const variant of ["header", "query"] as const) {
        const a = await rsc(c, url, variant);
        expect(guarded(a), `${who} ${variant} ${url}: ${a.status} without the guard's answer`).toBe(true);
        // a code in the address itself is echoed in the router state, data or not
        for (const code of seen.get(p.route) ?? [])
          if (!url.includes(code)) expect(a.body, `${who} ${url} shows ${code}`).not.toContain(code);
        asked += 1;
      }
    }
    expect(asked).toBeGreaterThan(0);
  };

  test("an anonymous client gets no page's data", async () => {
    const anonymous = await client();
    await sweep("anonymous", async () => anonymous);
  });

  test("a session ended by 退出 gets no page's data", async ({ browser }) => {
    const revoked = new Map<Role, APIRequestContext>();
    for (const role of new Set(CONSOLE_PAGES.map(rightful)))
      revoked.set(role, await client(await sessionOf(browser, base, role, true, 100 + revoked.size)));
    await sweep("revoked", async (p) => revoked.get(rightful(p)) ?? null);
  });

  test("a business account gets no console page's data", async ({ browser }) => {
    const business = await as(browser, "business");
    await sweep("business", async (p) => (p.route.startsWith("/admin") ? business : null));
  });

  test("an account of a role the page does not admit gets none of its data", async ({ browser }) => {
    await sweep("wrong role", async (p) => {
      const role = wrongRole(p);
      return role ? as(browser, role) : null;
    });
  });
});
