import { afterEach, describe, expect, it } from "vitest";
import { servedTestDatabase } from "@/db/testing/served";
import { forgetPolicy } from "../settings";
import { readWithinLimit } from "./rate-limit";

const database = servedTestDatabase();

async function setLimit(perMinute: number) {
  await database().exec(
    `INSERT INTO settings (key, value) VALUES ('apiRateLimitPerMinute', $1::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [JSON.stringify(perMinute)],
  );
  forgetPolicy();
}

/** A request from one client address, as the server sees it behind one trusted proxy or none. */
const from = (ip: string) =>
  new Request("http://localhost/api/v1/subjects", { headers: { "x-forwarded-for": ip } });

/** A read that counts how often it ran. */
function countingRead() {
  const read = async () => {
    read.runs++;
    return Response.json({ ok: true });
  };
  read.runs = 0;
  return read;
}

describe("the public API's limit around a read (issue 24 §2: the limit's round trip beside the read)", () => {
  afterEach(() => forgetPolicy());

  it("a client near its limit waits for the shared count: a refused request's read never runs", async () => {
    await setLimit(5);
    const read = countingRead();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await readWithinLimit(from("198.51.100.1"), read)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(read.runs).toBe(5);
  });

  it("a client with tokens to spare reads alongside the count, and still gets exactly its limit", async () => {
    await setLimit(20);
    const read = countingRead();
    expect((await readWithinLimit(from("198.51.100.2"), read)).status).toBe(200);
    // 19 tokens left here: most of the 25 read at once, and the shared count refuses the six past the limit
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => readWithinLimit(from("198.51.100.2"), read)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    const refused = answers.find((r) => r.status === 429) as Response;
    expect((await refused.json()).error.message).toContain("请求过于频繁");
    // once refused, the next request waits for the count: no read runs for it
    const runs = read.runs;
    expect((await readWithinLimit(from("198.51.100.2"), read)).status).toBe(429);
    expect(read.runs).toBe(runs);
  });

  it("a burst reads ahead no more often than the client has tokens left (limit 600, leases of up to 30)", async () => {
    await setLimit(600);
    const read = countingRead();
    const started = Date.now();
    expect((await readWithinLimit(from("198.51.100.3"), read)).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 2_000 }, () => readWithinLimit(from("198.51.100.3"), read)),
    );
    const refill = Math.ceil(((Date.now() - started) / 60_000) * 600);
    const allowed = answers.filter((r) => r.status === 200).length + 1;
    expect(allowed).toBeLessThanOrEqual(600 + refill);
    // this node holds at most one lease of 30 unspent when the bucket runs dry
    expect(allowed).toBeGreaterThanOrEqual(600 - 30);
    expect(answers.filter((r) => r.status !== 200 && r.status !== 429)).toEqual([]);
    // every read of a refused request was one started early, each against a token the client had
    expect(read.runs - allowed).toBeLessThanOrEqual(600);
  });
});
