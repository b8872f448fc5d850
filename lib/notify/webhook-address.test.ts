import { describe, expect, it } from "vitest";
import { isPublicAddress, webhookUrlProblem } from "./webhook-address";

describe("webhooks reach only the public internet (issue 22: no SSRF)", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.20.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "224.0.0.1",
  ])("%s is refused", (ip) => expect(isPublicAddress(ip)).toBe(false));
  it.each(["0:0:0:0:0:0:0:1", "fe80:0:0:0::5", "[::1]", "not-an-ip", "256.1.1.1"])(
    "%s is refused too",
    (ip) => expect(isPublicAddress(ip)).toBe(false),
  );
  it.each(["8.8.8.8", "114.114.114.114", "2400:3200::1", "::ffff:8.8.8.8", "2001:4860:4860::8888"])(
    "%s is allowed",
    (ip) => expect(isPublicAddress(ip)).toBe(true),
  );
  it("a registered address is HTTPS, without credentials, not a private host", () => {
    expect(webhookUrlProblem("https://hooks.example.cn/credit")).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.cn/credit")).toBe("只能使用 https:// 开头的地址。");
    expect(webhookUrlProblem("https://user:pw@hooks.example.cn/")).toContain("用户名或密码");
    expect(webhookUrlProblem("https://127.0.0.1/x")).toContain("内网");
    expect(webhookUrlProblem("https://[::1]/x")).toContain("内网");
    expect(webhookUrlProblem("https://localhost/x")).toContain("内网");
    expect(webhookUrlProblem("not a url")).toContain("完整的网址");
  });
});
