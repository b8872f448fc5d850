import { describe, expect, it } from "vitest";
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
