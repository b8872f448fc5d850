/**
 * DOMAIN §11: every audit row carries the hash of the previous one; hash = SHA-256(prev_hash ‖ canonical row).
 * The canonical form is pure (here); the digest function is passed in, so lib stays free of node:crypto.
 */
export const GENESIS_HASH = "0".repeat(64);

export type AuditFields = {
  at: string; // ISO 8601 with milliseconds, UTC
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  outcome: "success" | "failure" | "denied";
};

/** JSON with object keys sorted at every depth: the same row always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function chainInput(prevHash: string, row: AuditFields): string {
  return `${prevHash}\n${canonicalJson(row)}`;
}

export type ChainRow = AuditFields & { id: number; prevHash: string; hash: string };
export type ChainVerdict =
  | { intact: true; rows: number }
  | { intact: false; rows: number; brokenId: number; reason: string };

/** Walks rows in id order; `digest` is SHA-256 hex. Stops at the first row whose link or hash does not hold. */
export function verifyChain(
  rows: Iterable<ChainRow>,
  digest: (s: string) => string,
  start = GENESIS_HASH,
): ChainVerdict {
  let prev = start;
  let n = 0;
  for (const r of rows) {
    n++;
    const { id, prevHash, hash, ...fields } = r;
    if (prevHash !== prev)
      return { intact: false, rows: n, brokenId: id, reason: "与上一行的哈希不衔接（行被删除、插入或改动）" };
    if (digest(chainInput(prevHash, fields)) !== hash)
      return { intact: false, rows: n, brokenId: id, reason: "内容与哈希不符（行被改动）" };
    prev = hash;
  }
  return { intact: true, rows: n };
}
