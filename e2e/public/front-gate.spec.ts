import { expect, test } from "@playwright/test";

// Issue 20 N16: what Next itself would answer with a bare 500, the server in front answers in Chinese.
test("a server action from a foreign Origin is refused with 403 in Chinese, not Next's 500", async ({
  request,
}) => {
  const r = await request.post("/objections/track", {
    headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain" },
    data: "[]",
  });
  expect(r.status()).toBe(403);
  expect((await r.json()).error.message).toContain("请求来源不是本站");
});

test("a server action body past 52 MB is refused with 413 in Chinese before it is read", async ({
  request,
  baseURL,
}) => {
  const r = await request.post("/objections/track", {
    headers: { origin: baseURL as string, "next-action": "0".repeat(42), "content-type": "text/plain" },
    data: Buffer.alloc(53 * 1024 * 1024, 0x61),
  });
  expect(r.status()).toBe(413);
  expect((await r.json()).error.message).toMatch(/超过 52 MB/);
});

test("the sign-in redirect names no host: a relative address and a relative callbackUrl", async ({
  request,
}) => {
  const r = await request.get("/admin/records?type=licence", { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(r.status());
  const location = r.headers().location ?? "";
  expect(location).toBe("/admin/login?callbackUrl=%2Fadmin%2Frecords%3Ftype%3Dlicence");
  expect(location).not.toContain("localhost");
});
