import { describe, expect, it } from "vitest";
import { acceptsGzip, cookieValue } from "./cookie";

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
