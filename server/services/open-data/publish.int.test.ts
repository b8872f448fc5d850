import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveQueriesFrom } from "@/db/testing/actor";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { addDays } from "@/lib/calendar/dates";
import { SENDFILE } from "@/lib/web/sendfile";
import { seedDemo } from "../../../scripts/seed/index";
import { serveDelta, serveFile } from "../../http/open-data";
import { type DeltaChange, decodeCursor, delta, encodeCursor } from "../../queries/open-data";
import { publishOpenData } from "./publish";

// Issue 25 §3–4: files produced once per generation, served as they are, and deltas that bring a mirror's copy of
// one generation to the next exactly.
let db: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), "credit-open-data-"));
// the node serves from its own OPEN_DATA_DIR: here, the directory these tests publish into
process.env.OPEN_DATA_DIR = dir;
const TODAY = "2026-12-01";
type Row = Record<string, unknown> & { id: number };

const publish = (today = TODAY, retain = 14) =>
  publishOpenData(db.db, { dir, today, reason: "manual", retain }).then((r) => {
    if (!r) throw new Error("another build is running");
    return r;
  });
const fileOf = (gen: number, name: string) => join(dir, String(gen), name);
const jsonOf = (gen: number, dataset: string) =>
  JSON.parse(readFileSync(fileOf(gen, `${dataset}.json`), "utf8")) as Row[];

/** What a mirror does: every page of the delta since `from`, applied in order to its copy. */
async function mirror(copy: Row[], dataset: string, from: number, limit: number) {
  const byId = new Map(copy.map((r) => [r.id, r]));
  const seen: DeltaChange[] = [];
  let cursor: string | undefined;
  let first = true;
  while (first || cursor) {
    first = false;
    const d = await delta(
      dataset,
      cursor ? { cursor, limit } : { since: { kind: "generation", id: from }, limit },
    );
    if (d.status !== "ok") throw new Error(JSON.stringify(d));
    expect(d.changes.length).toBeLessThanOrEqual(limit);
    for (const c of d.changes) {
      seen.push(c);
      if (c.op === "upsert") byId.set(c.id, c.record as Row);
      else byId.delete(c.id);
    }
    cursor = d.next ?? undefined;
  }
  return { rows: [...byId.values()].sort((a, b) => a.id - b.id), seen };
}

let gen1 = 0;
let gen2 = 0;
const withdrawnId = { v: 0 };
const expiredId = { v: 0 };
const correctedId = { v: 0 };

beforeAll(async () => {
  db = await createTestDatabase();
  serveQueriesFrom(db);
  await seedDemo(db, { subjects: 200, seed: 11, anchor: TODAY, piiKey: "open-data-test-key-0123456789" });
  gen1 = (await publish()).generation;
  const ids = (
    await db.exec(
      "SELECT id FROM penalties WHERE status = 'active' AND disclosable AND public_until > $1::date + 2 ORDER BY id LIMIT 3",
      [TODAY],
    )
  ).map((r) => Number(r.id));
  [withdrawnId.v, expiredId.v, correctedId.v] = ids as [number, number, number];
  await db.exec("UPDATE penalties SET status = 'withdrawn' WHERE id = $1", [withdrawnId.v]);
  await db.exec("UPDATE penalties SET penalty_content = penalty_content || '（已更正）' WHERE id = $1", [
    correctedId.v,
  ]);
  // the next day, this one's publicity has ended: no write, only time
  await db.exec("UPDATE penalties SET public_until = $2 WHERE id = $1", [expiredId.v, TODAY]);
  gen2 = (await publish(addDays(TODAY, 1))).generation;
});
afterAll(async () => {
  serveQueriesFrom(null);
  await db.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("files produced once (issue 25 §4)", () => {
  it("each dataset in CSV and JSON, plain and gzipped alike, with the digest and size recorded", async () => {
    const files = await db.exec(
      "SELECT * FROM dump_files WHERE generation_id = $1 ORDER BY dataset, format",
      [gen2],
    );
    expect(files.length).toBeGreaterThanOrEqual(2 * 7);
    for (const f of files) {
      const plain = readFileSync(String(f.path));
      expect(createHash("sha256").update(plain).digest("hex")).toBe(String(f.sha256).trim());
      expect(plain.length).toBe(Number(f.bytes));
      expect(gunzipSync(readFileSync(`${f.path}.gz`)).equals(plain)).toBe(true);
    }
    const penalties = jsonOf(gen2, "penalties");
    const [n] = await db.exec(
      "SELECT count(*)::int AS n FROM penalties WHERE status = 'active' AND disclosable AND decision_date <= $1 AND public_until >= $1",
      [addDays(TODAY, 1)],
    );
    expect(penalties.length).toBe(n?.n);
    expect(readFileSync(fileOf(gen2, "penalties.csv"), "utf8").split("\r\n")[0]).toMatch(/^\uFEFF记录编号,/);
  });

  it("handed to the server in front with ETag, Last-Modified, length and gzip; the same ETag answers 304", async () => {
    const gz = await serveFile(
      new Request("http://x/open-data/penalties.json", { headers: { "accept-encoding": "gzip, br" } }),
      "penalties",
      "json",
    );
    expect(gz.status).toBe(200);
    // the file itself is sent by scripts/sendfile.ts (Next drops a route handler's Content-Length and coding)
    expect(gz.headers.get(SENDFILE.encoding)).toBe("gzip");
    const body = readFileSync(String(gz.headers.get(SENDFILE.path)));
    expect(body.length).toBe(Number(gz.headers.get(SENDFILE.length)));
    expect(JSON.parse(gunzipSync(body).toString("utf8"))).toEqual(jsonOf(gen2, "penalties"));
    const etag = gz.headers.get("etag") ?? "";
    const again = await serveFile(
      new Request("http://x/", { headers: { "accept-encoding": "gzip", "if-none-match": etag } }),
      "penalties",
      "json",
    );
    expect(again.status).toBe(304);
    const since = await serveFile(
      new Request("http://x/", { headers: { "if-modified-since": gz.headers.get("last-modified") ?? "" } }),
      "penalties",
      "json",
    );
    expect(since.status).toBe(304);
  });

  it("a download and a delta never read a record table: both answer with the record tables gone", async () => {
    await db.exec("ALTER TABLE penalties RENAME TO penalties_away");
    try {
      const r = await serveFile(new Request("http://x/"), "penalties", "csv");
      expect(r.status).toBe(200);
      expect(r.headers.get(SENDFILE.encoding)).toBe("identity");
      expect((await delta("penalties", { since: { kind: "generation", id: gen1 } })).status).toBe("ok");
    } finally {
      await db.exec("ALTER TABLE penalties_away RENAME TO penalties");
    }
  });
});

describe("deltas (issue 25 §3)", () => {
  it("applied page by page to yesterday's file, they give exactly today's file", async () => {
    for (const dataset of ["penalties", "licences", "lists-serious-dishonesty", "commitments"]) {
      const { rows } = await mirror(jsonOf(gen1, dataset), dataset, gen1, 2);
      expect(rows, dataset).toEqual(jsonOf(gen2, dataset));
    }
  });

  it("say why a record left: 撤销, the end of its publicity; a corrected one comes whole", async () => {
    const { seen } = await mirror(jsonOf(gen1, "penalties"), "penalties", gen1, 1000);
    expect(seen).toContainEqual({ op: "delete", id: withdrawnId.v, generation: gen2, reason: "撤销" });
    expect(seen).toContainEqual({
      op: "delete",
      id: expiredId.v,
      generation: gen2,
      reason: "公示期（有效期）届满",
    });
    const corrected = seen.find((c) => c.id === correctedId.v);
    expect(corrected).toMatchObject({ op: "upsert", generation: gen2 });
    expect(corrected?.op === "upsert" && String(corrected.record.penaltyContent)).toMatch(/（已更正）$/);
  });

  it("since the latest version: nothing; CSV deltas carry the operation and the reason", async () => {
    expect(await delta("penalties", { since: { kind: "generation", id: gen2 } })).toMatchObject({
      status: "ok",
      changes: [],
      next: null,
    });
    const csv = await serveDelta("penalties", "csv", { since: String(gen1) }, (c) => c);
    const lines = Buffer.from(await csv.arrayBuffer())
      .toString("utf8")
      .split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFF操作,记录编号,版本,删除原因,/);
    expect(lines.some((l) => l.startsWith(`删除,${withdrawnId.v},${gen2},撤销`))).toBe(true);
  });

  it("bad input: since in the future, malformed or forged cursors, a version never published", async () => {
    const future = await serveDelta("penalties", "json", { since: "2999-01-01T00:00:00+08:00" }, (c) => c);
    expect(future.status).toBe(400);
    expect((await future.json()).error.message).toMatch(/不能晚于当前时间/);
    expect((await serveDelta("penalties", "json", { since: "昨天" }, (c) => c)).status).toBe(400);
    for (const cursor of ["", "abc", "a.b.c", `${"x".repeat(300)}.y`]) {
      const r = await serveDelta("penalties", "json", { cursor }, (c) => c);
      expect(r.status, cursor).toBe(400);
      expect((await r.json()).error.message).toMatch(/cursor 无效/);
    }
    const real = encodeCursor({ dataset: "penalties", from: gen1, to: gen2, after: 0 });
    expect(decodeCursor(real, "penalties")).toEqual({ dataset: "penalties", from: gen1, to: gen2, after: 0 });
    const [body, mac] = real.split(".");
    const forged = `${Buffer.from(JSON.stringify(["penalties", 0, gen2, 0])).toString("base64url")}.${mac}`;
    expect(body).not.toBe(forged.split(".")[0]);
    expect(decodeCursor(forged, "penalties")).toBeNull();
    expect(decodeCursor(real, "licences")).toBeNull();
    expect(await delta("penalties", { since: { kind: "generation", id: gen2 + 50 } })).toMatchObject({
      status: "invalid",
    });
  });

  it("older than the files kept: 410, naming the oldest full file to start from", async () => {
    const gen3 = (await publish(addDays(TODAY, 2), 1)).generation;
    const r = await serveDelta("penalties", "json", { since: String(gen1) }, (c) => c);
    expect(r.status).toBe(410);
    const body = await r.json();
    expect(body.error.message).toMatch(new RegExp(`第 ${gen3} 版`));
    expect(body.error.message).toMatch(/\/open-data\/penalties\.json/);
    // the retired generations' files are gone from disk
    expect(() => readFileSync(fileOf(gen1, "penalties.json"))).toThrow();
  });
});

describe("a catalogue change applies at once, files or not (issue 23 §3)", () => {
  it("after it the download is read live and deltas wait, until the next generation", async () => {
    // a department's 处罚 made 授权查询: its penalties leave every public surface, the files included
    await db.exec(
      `INSERT INTO catalogue_items (dept_id, data_class, classification)
       SELECT source_dept_id, 'penalty', 'authorised' FROM penalties GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const live = await serveFile(new Request("http://x/"), "penalties", "json");
    expect(live.headers.get(SENDFILE.path)).toBeNull();
    expect(live.headers.get("cache-control")).toBe("no-store");
    const [kept] = await db.exec("SELECT max(generation_id) AS g FROM dump_files WHERE removed_at IS NULL");
    expect((JSON.parse(await live.text()) as Row[]).length).toBeLessThan(
      jsonOf(Number(kept?.g), "penalties").length,
    );
    expect((await serveDelta("penalties", "json", { since: String(gen1) }, (c) => c)).status).toBe(503);
    const next = (await publish(addDays(TODAY, 1))).generation;
    const served = await serveFile(new Request("http://x/"), "penalties", "json");
    expect(served.headers.get(SENDFILE.path)).toMatch(new RegExp(`/${next}/penalties\\.json$`));
  });

  it("a record leaving publication is gone from the download at once; a new one waits for the next files", async () => {
    const [p] = await db.exec(
      "SELECT id FROM penalties WHERE status = 'active' AND disclosable AND public_until > $1::date + 5 ORDER BY id DESC LIMIT 1",
      [TODAY],
    );
    await db.exec("UPDATE penalties SET status = 'repaired', repaired_at = $2 WHERE id = $1", [p?.id, TODAY]);
    const live = await serveFile(new Request("http://x/"), "penalties", "json");
    expect(live.headers.get(SENDFILE.path)).toBeNull();
    expect((JSON.parse(await live.text()) as Row[]).map((r) => r.id)).not.toContain(Number(p?.id));
  });
});
