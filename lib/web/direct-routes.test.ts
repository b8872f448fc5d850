import { describe, expect, it } from "vitest";
import { acceptsGzip, cookieValue } from "./cookie";
import { matchDirectRoute } from "./direct-routes";

const ROUTES = ["/api/v1/subjects", "/api/v1/subjects/[code]"];

describe("the read API's routes answered in front of Next (issue 24 §1)", () => {
  it("takes a search and a lookup, with the parameter decoded as Next decodes it", () => {
    expect(matchDirectRoute(ROUTES, "/api/v1/subjects?q=%E5%BB%BA%E5%B7%A5&page=2")).toEqual({
      route: "/api/v1/subjects",
      params: {},
    });
    expect(matchDirectRoute(ROUTES, "/api/v1/subjects/91360100MA35XXXX0X")).toEqual({
      route: "/api/v1/subjects/[code]",
      params: { code: "91360100MA35XXXX0X" },
    });
    // the lookup answers lower case and spaces itself (route file's contract), so they reach it decoded
    expect(matchDirectRoute(ROUTES, "/api/v1/subjects/%20913601%2000ma")?.params).toEqual({
      code: " 913601 00ma",
    });
  });
  it("leaves to Next what it redirects, refuses or routes elsewhere", () => {
    for (const url of [
      "/api/v1/subjects/",
      "/api/v1//subjects",
      "/api/v1/subjects/..",
      "/api/v1/subjects/%2E%2E",
      "/api/v1/subjects/%E5%BB",
      "/api/v1/subjects/a/b",
      "/api/v1/subjects/ABC\\",
      "/api/v1/subjects\\ABC",
      "http://evil.example/api/v1/subjects/ABC",
      "/api/v1/penalties",
      "/api/v1/Subjects",
      "/subjects/91360100MA35XXXX0X",
      "",
    ])
      expect(matchDirectRoute(ROUTES, url), url).toBeNull();
  });
});

describe("a request's own headers, read as Next reads them", () => {
  it("finds the named cookie, the last of its name, decoded (a WAL position set as 0%2F1A2B)", () => {
    expect(cookieValue("a=1; cj-own-write=0%2F1A2B; b=2", "cj-own-write")).toBe("0/1A2B");
    expect(cookieValue("cj-own-write-x=1;cj-own-write=5", "cj-own-write")).toBe("5");
    expect(cookieValue("a=1; a=2", "a")).toBe("2");
    expect(cookieValue("a=2; a=%E5", "a")).toBe("2");
    expect(cookieValue("a=%E5", "a")).toBeUndefined();
    expect(cookieValue("a=1", "b")).toBeUndefined();
    expect(cookieValue(null, "a")).toBeUndefined();
  });
  it("gzips only what the client accepts (RFC 9110 §12.5.3): q=0 refuses, * stands in", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("deflate, gzip;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("*;q=0.1")).toBe(true);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
