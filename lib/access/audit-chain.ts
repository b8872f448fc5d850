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

/**
 * Issue 9 §3: the chain's head (last id, its hash, the row count) written at intervals to a file outside the
 * database. A keyed chain stops a superuser from recomputing hashes; checkpoints also catch what a chain alone
 * cannot — rows cut from the tail, or a chain recomputed by someone who has the key.
 */
export type Checkpoint = { at: string; lastId: number; rows: number; hash: string; mac: string };

export const checkpointInput = (c: Omit<Checkpoint, "mac">) =>
  `checkpoint\n${c.at}\n${c.lastId}\n${c.rows}\n${c.hash}`;

/** The lines of a checkpoint file; a line that does not parse or whose MAC fails is a problem, not skipped. */
export function parseCheckpoints(
  text: string,
  mac: (s: string) => string,
): { checkpoints: Checkpoint[]; problems: string[] } {
  const checkpoints: Checkpoint[] = [];
  const problems: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const c = JSON.parse(line) as Checkpoint;
      const ok =
        typeof c.at === "string" &&
        Number.isInteger(c.lastId) &&
        Number.isInteger(c.rows) &&
        typeof c.hash === "string" &&
        c.mac === mac(checkpointInput(c));
      if (ok) checkpoints.push(c);
      else problems.push(`检查点文件第 ${i + 1} 行被改动`);
    } catch {
      problems.push(`检查点文件第 ${i + 1} 行无法解析`);
    }
  });
  return { checkpoints, problems };
}

export type ChainBreak = { brokenId: number; reason: string };

/**
 * Checks rows, fed in id order, against the checkpoints: each checkpoint's row must still exist with the same
 * hash and the same number of rows up to it.
 */
export function createCheckpointCheck(checkpoints: readonly Checkpoint[]) {
  const pending = [...checkpoints].sort((a, b) => a.lastId - b.lastId);
  let next = 0;
  let seen = 0;
  const missing = (c: Checkpoint): ChainBreak => ({
    brokenId: c.lastId,
    reason: `检查点（${c.at}）记录的第 ${c.lastId} 行已不存在（日志末尾被截断，或行被删除）`,
  });
  return {
    row(id: number, hash: string): ChainBreak | null {
      seen += 1;
      for (; next < pending.length; next++) {
        const c = pending[next] as Checkpoint;
        if (c.lastId > id) break;
        if (c.lastId < id) return missing(c);
        if (c.hash !== hash)
          return { brokenId: id, reason: `第 ${id} 行的哈希与检查点（${c.at}）不符（哈希链被重算）` };
        if (c.rows !== seen)
          return {
            brokenId: id,
            reason: `检查点（${c.at}）时到第 ${id} 行共有 ${c.rows} 行，现在是 ${seen} 行（行被删除或插入）`,
          };
      }
      return null;
    },
    end(): ChainBreak | null {
      const c = pending[next];
      return c ? missing(c) : null;
    },
  };
}
