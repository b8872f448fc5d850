import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers";

describe("Content-Security-Policy (issue 9 §12)", () => {
  it("allows scripts by nonce only — no 'unsafe-inline', no eval outside development", () => {
    const csp = contentSecurityPolicy("bm9uY2U=");
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1];
    expect(scripts).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("x", { dev: true })).toContain("'unsafe-eval'");
  });
});
