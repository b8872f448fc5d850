import { describe, expect, it } from "vitest";
import {
  ACTION_MAX_BYTES,
  actionRefusal,
  isPageRequest,
  routeHandlerPatterns,
  unavailablePage,
} from "./web-gate";

describe("the outage page (issue 9 §13)", () => {
  it("guards page and RSC fetches only: not assets, the API or actions", () => {
    expect(isPageRequest("GET", "/", "text/html,application/xhtml+xml", false)).toBe(true);
    expect(isPageRequest("GET", "/search?q=a", "*/*", true)).toBe(true);
    expect(isPageRequest("GET", "/_next/static/chunks/a.js", "*/*", false)).toBe(false);
    expect(isPageRequest("GET", "/api/v1/penalties", "text/html", false)).toBe(false);
    expect(isPageRequest("POST", "/admin/records", "text/html", false)).toBe(false);
  });
  it("with the build's route handlers known, a page is guarded whatever it accepts (issue 20 N16: */*)", () => {
    const handlers = routeHandlerPatterns([
      "/(public)/page",
      "/(public)/open-data/[file]/route",
      "/case-files/[id]/route",
      "/(admin)/admin/(console)/imports/[id]/status/route",
      "/api/auth/[...nextauth]/route",
      "/(public)/search/page",
    ]);
    expect(handlers).toHaveLength(4);
    for (const accept of ["*/*", "", "application/json"]) {
      expect(isPageRequest("GET", "/", accept, false, handlers)).toBe(true);
      expect(isPageRequest("GET", "/search?q=建工", accept, false, handlers)).toBe(true);
      expect(isPageRequest("HEAD", "/admin/records/penalty/12", accept, false, handlers)).toBe(true);
    }
    for (const path of [
      "/open-data/penalties.csv",
      "/case-files/12",
      "/admin/imports/3/status",
      "/favicon.ico",
    ])
      expect(isPageRequest("GET", path, "*/*", false, handlers)).toBe(false);
    expect(isPageRequest("GET", "/api/auth/session", "*/*", false, handlers)).toBe(false);
    expect(isPageRequest("POST", "/", "text/html", false, handlers)).toBe(false);
  });

  it("is Chinese, carries the error id escaped, and loads nothing", () => {
    const html = unavailablePage("ab12<cd");
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("服务暂时不可用");
    expect(html).toContain("ab12&#60;cd");
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});

describe("server actions Next would answer with a bare 500 (issue 20 N16)", () => {
  const action = {
    method: "POST",
    nextAction: true,
    sameOrigin: true,
    hasOrigin: true,
    contentLength: "1200",
  };
  it("lets an ordinary action from this site through, and anything that is not an action", () => {
    expect(actionRefusal(action)).toBeNull();
    expect(
      actionRefusal({ ...action, nextAction: false, sameOrigin: false, contentLength: undefined }),
    ).toBeNull();
    expect(actionRefusal({ ...action, method: "GET" })).toBeNull();
    // no Origin at all is the action wrapper's to refuse, with its own message
    expect(actionRefusal({ ...action, hasOrigin: false, sameOrigin: false })).toBeNull();
  });
  it("refuses a foreign Origin (403), an undeclared length (411) and a body past the limit (413), in Chinese", () => {
    expect(actionRefusal({ ...action, sameOrigin: false })).toMatchObject({ status: 403, message: /本站/ });
    expect(actionRefusal({ ...action, contentLength: undefined })).toMatchObject({ status: 411 });
    expect(actionRefusal({ ...action, contentLength: String(ACTION_MAX_BYTES + 1) })).toMatchObject({
      status: 413,
      message: /超过 52 MB/,
    });
    expect(actionRefusal({ ...action, contentLength: String(ACTION_MAX_BYTES) })).toBeNull();
  });
});
