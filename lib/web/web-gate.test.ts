import { describe, expect, it } from "vitest";
import { isPageRequest, unavailablePage } from "./web-gate";

describe("the outage page (issue 9 §13)", () => {
  it("guards page and RSC fetches only: not assets, the API or actions", () => {
    expect(isPageRequest("GET", "/", "text/html,application/xhtml+xml", false)).toBe(true);
    expect(isPageRequest("GET", "/search?q=a", "*/*", true)).toBe(true);
    expect(isPageRequest("GET", "/_next/static/chunks/a.js", "*/*", false)).toBe(false);
    expect(isPageRequest("GET", "/api/v1/penalties", "text/html", false)).toBe(false);
    expect(isPageRequest("POST", "/admin/records", "text/html", false)).toBe(false);
  });
  it("is Chinese, carries the error id escaped, and loads nothing", () => {
    const html = unavailablePage("ab12<cd");
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("服务暂时不可用");
    expect(html).toContain("ab12&#60;cd");
    expect(html).not.toMatch(/<script|<link|src=/);
  });
});
