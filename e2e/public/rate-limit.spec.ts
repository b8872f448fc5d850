import { type APIResponse, expect, test } from "@playwright/test";

// DOMAIN §12: open data is rate-limited per client. The limit is the setting apiRateLimitPerMinute (600),
// a token bucket that refills continuously (10 a second), so a few more than 600 pass while we send.
test("past the per-client limit the API answers 429 with Retry-After; other clients are unaffected", async ({
  request,
}) => {
  const client = { "x-forwarded-for": "203.0.113.77" };
  const responses: APIResponse[] = [];
  for (let i = 0; i < 900 && !responses.some((r) => r.status() === 429); i += 50) {
    responses.push(
      ...(await Promise.all(
        Array.from({ length: 50 }, () =>
          request.get("/api/v1/lists/market-ban/entries", { headers: client }),
        ),
      )),
    );
  }
  expect(responses.slice(0, 600).filter((r) => r.status() !== 200)).toEqual([]);
  const refused = responses.find((r) => r.status() === 429);
  expect(refused, "a 429 within the refill allowance").toBeDefined();
  expect(Number(refused?.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  const body = refused ? await refused.json() : null;
  expect(body?.error.message).toContain("请求过于频繁");
  const other = await request.get("/api/v1/lists/market-ban/entries", {
    headers: { "x-forwarded-for": "203.0.113.78" },
  });
  expect(other.status()).toBe(200);
});

// Issue 9 §5: a client that writes its own X-Forwarded-For entries, a new one on every request, is still one
// client: the server believes only the hop its trusted proxy added (here one proxy, TRUSTED_PROXIES=1).
test("a rotating forged X-Forwarded-For does not escape the limit", async ({ request }) => {
  let sent = 0;
  const statuses: number[] = [];
  while (sent < 900 && !statuses.includes(429)) {
    const batch = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        request.get("/api/v1/lists/market-ban/entries", {
          headers: { "x-forwarded-for": `10.${(sent + i) >> 8}.${(sent + i) & 255}.1, 203.0.113.90` },
        }),
      ),
    );
    sent += batch.length;
    statuses.push(...batch.map((r) => r.status()));
  }
  expect(statuses, "refused before 900 requests").toContain(429);
});
