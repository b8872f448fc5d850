import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, SetupError } from "./errors";

const err = (props: Record<string, unknown>) => Object.assign(new Error("x"), props);

describe("isDatabaseUnavailable (issue 9 §13: a 503, not a 500)", () => {
  it("is true for a refused connect, a dropped connection, a shutdown, and through wrapped causes", () => {
    expect(isDatabaseUnavailable(err({ code: "ECONNREFUSED", syscall: "connect" }))).toBe(true);
    expect(isDatabaseUnavailable(err({ code: "CONNECTION_CLOSED" }))).toBe(true);
    expect(isDatabaseUnavailable(err({ code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(err({ code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(new SetupError("无法连接数据库"))).toBe(true);
    expect(isDatabaseUnavailable(err({ cause: err({ cause: err({ code: "CONNECT_TIMEOUT" }) }) }))).toBe(
      true,
    );
  });

  it("is false for a query's own error and for a client that dropped its upload", () => {
    expect(isDatabaseUnavailable(err({ code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(err({ code: "ECONNRESET", syscall: "read" }))).toBe(false);
    expect(isDatabaseUnavailable(err({ code: "ETIMEDOUT" }))).toBe(false);
    expect(isDatabaseUnavailable(new RangeError("x"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
