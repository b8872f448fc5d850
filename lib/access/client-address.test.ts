import { describe, expect, it } from "vitest";
import { clientAddress, isSameOrigin, malformedOrigin, stampForwarded } from "./client-address";

describe("the client's address (issue 9 §5)", () => {
  it("without trusted proxies is the socket's, whatever the client wrote", () => {
    const h: Record<string, string | string[] | undefined> = { "x-forwarded-for": "6.6.6.6" };
    stampForwarded(h, { remoteAddress: "::ffff:198.51.100.7" }, 0);
    expect(h["x-forwarded-for"]).toBe("198.51.100.7");
    expect(clientAddress(h["x-forwarded-for"] as string, 0)).toBe("198.51.100.7");
  });

  it("behind N trusted proxies is the entry N hops from the right, never the leftmost", () => {
    const h: Record<string, string | string[] | undefined> = { "x-forwarded-for": "6.6.6.6, 203.0.113.9" };
    stampForwarded(h, { remoteAddress: "10.0.0.2" }, 1);
    expect(h["x-forwarded-for"]).toBe("6.6.6.6, 203.0.113.9, 10.0.0.2");
    expect(clientAddress(h["x-forwarded-for"] as string, 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9, 10.0.0.3, 10.0.0.2", 2)).toBe("203.0.113.9");
    // fewer entries than trusted hops: the leftmost there is, not an index out of range
    expect(clientAddress("10.0.0.2", 3)).toBe("10.0.0.2");
    expect(clientAddress("", 0)).toBe("unknown");
  });

  it("drops a client's X-Forwarded-Host and -Proto when no proxy is trusted; says HTTPS only when trusted", () => {
    const h: Record<string, string | string[] | undefined> = {
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    };
    expect(stampForwarded(h, { remoteAddress: "127.0.0.1" }, 0)).toEqual({ https: false });
    expect(h["x-forwarded-host"]).toBeUndefined();
    const t: Record<string, string | string[] | undefined> = { "x-forwarded-proto": "https" };
    expect(stampForwarded(t, { remoteAddress: "10.0.0.2" }, 1)).toEqual({ https: true });
    expect(stampForwarded({}, { remoteAddress: "127.0.0.1", encrypted: true }, 0)).toEqual({ https: true });
  });
});

describe("Origin of a data-changing request (issue 9 §11)", () => {
  const base = { host: "credit.example:3000", forwardedHost: null, trustedProxies: 0 };
  it("must be present and name this host", () => {
    expect(isSameOrigin({ ...base, origin: "http://credit.example:3000" })).toBe(true);
    expect(isSameOrigin({ ...base, origin: null })).toBe(false);
    expect(isSameOrigin({ ...base, origin: "" })).toBe(false);
    expect(isSameOrigin({ ...base, origin: "https://evil.example" })).toBe(false);
    expect(isSameOrigin({ ...base, origin: "not a url" })).toBe(false);
  });
  it("believes X-Forwarded-Host only from a trusted proxy, and only the value that proxy wrote", () => {
    const forged = { ...base, origin: "https://evil.example", forwardedHost: "evil.example" };
    expect(isSameOrigin(forged)).toBe(false);
    expect(isSameOrigin({ ...forged, trustedProxies: 1 })).toBe(true);
    // a proxy that appends: the client's own value stays on the left and is not believed
    const appended = { ...forged, forwardedHost: "evil.example, credit.example:3000", trustedProxies: 1 };
    expect(isSameOrigin(appended)).toBe(false);
  });
});

describe("a malformed Origin header (issue 9 §11)", () => {
  it("is refused in front: empty, garbage or null; an absent or real one passes on", () => {
    for (const o of ["", "null", "not a url"]) expect(malformedOrigin(o), o).toBe(true);
    expect(malformedOrigin(undefined)).toBe(false);
    expect(malformedOrigin("https://credit.example")).toBe(false);
  });
});
