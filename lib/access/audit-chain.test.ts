import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type AuditFields,
  type ChainRow,
  canonicalJson,
  chainInput,
  checkpointInput,
  createCheckpointCheck,
  GENESIS_HASH,
  parseCheckpoints,
  verifyChain,
} from "./audit-chain";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f: AuditFields = {
      at: `2026-11-23T01:00:0${i}.000Z`,
      actorId: i,
      actorName: "审计员",
      action: "record.update",
      entityType: "penalty",
      entityId: String(i),
      before: { b: 1, a: [i] },
      after: null,
      ip: "127.0.0.1",
      userAgent: "ua",
      outcome: "success",
    };
    const hash = sha(chainInput(prev, f));
    rows.push({ ...f, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("canonical form (DOMAIN §11: the same row always hashes the same)", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: "中" } })).toBe('{"a":{"c":"中","d":[2,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe("verifyChain (DOMAIN §11: each row carries the previous row's hash)", () => {
  it("accepts an untouched chain", () => {
    expect(verifyChain(chain(4), sha)).toEqual({ intact: true, rows: 4 });
  });
  it("names an edited row", () => {
    const rows = chain(4);
    rows[1] = { ...(rows[1] as ChainRow), after: { fine: 1000 } };
    expect(verifyChain(rows, sha)).toMatchObject({ intact: false, brokenId: 2 });
  });
  it("names the row after a deleted one", () => {
    const rows = chain(4);
    rows.splice(1, 1);
    expect(verifyChain(rows, sha)).toMatchObject({ intact: false, brokenId: 3 });
  });
  it("catches a row re-hashed by someone who edited it (the next link breaks)", () => {
    const rows = chain(3);
    const r = { ...(rows[1] as ChainRow), actorName: "他人" };
    r.hash = sha(
      chainInput(r.prevHash, {
        ...r,
        id: undefined,
        prevHash: undefined,
        hash: undefined,
      } as unknown as AuditFields),
    );
    rows[1] = r;
    expect(verifyChain(rows, sha)).toMatchObject({ intact: false, brokenId: 3 });
  });
});

describe("checkpoints outside the database (issue 9 §3)", () => {
  const cp = (lastId: number, rows: number, hash: string) => {
    const body = { at: "2026-12-01T00:00:00.000Z", lastId, rows, hash };
    return { ...body, mac: sha(`k${checkpointInput(body)}`) };
  };
  const feed = (cps: ReturnType<typeof cp>[], rows: [number, string][]) => {
    const check = createCheckpointCheck(cps);
    for (const [id, hash] of rows) {
      const broken = check.row(id, hash);
      if (broken) return broken;
    }
    return check.end();
  };

  it("holds when each checkpointed row is there with its hash and count", () => {
    expect(
      feed(
        [cp(2, 2, "b"), cp(3, 3, "c")],
        [
          [1, "a"],
          [2, "b"],
          [3, "c"],
          [4, "d"],
        ],
      ),
    ).toBeNull();
  });
  it("reports a cut tail, a recomputed hash and a deleted row before the checkpoint", () => {
    expect(
      feed(
        [cp(3, 3, "c")],
        [
          [1, "a"],
          [2, "b"],
        ],
      )?.reason,
    ).toMatch(/日志末尾被截断/);
    expect(
      feed(
        [cp(2, 2, "b")],
        [
          [1, "a"],
          [2, "x"],
        ],
      )?.reason,
    ).toMatch(/哈希链被重算/);
    expect(
      feed(
        [cp(3, 3, "c")],
        [
          [1, "a"],
          [3, "c"],
        ],
      )?.reason,
    ).toMatch(/行被删除/);
    expect(
      feed(
        [cp(2, 2, "b")],
        [
          [1, "a"],
          [3, "c"],
        ],
      ),
    ).toMatchObject({ brokenId: 2 });
  });
  it("a file line whose MAC fails, or that does not parse, is a problem", () => {
    const good = cp(1, 1, "a");
    const text = [JSON.stringify(good), JSON.stringify({ ...good, rows: 9 }), "{oops"].join("\n");
    expect(parseCheckpoints(text, (s) => sha(`k${s}`))).toEqual({
      checkpoints: [good],
      problems: ["检查点文件第 2 行被改动", "检查点文件第 3 行无法解析"],
    });
  });
});
