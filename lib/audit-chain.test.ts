import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type AuditFields,
  type ChainRow,
  canonicalJson,
  chainInput,
  GENESIS_HASH,
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
