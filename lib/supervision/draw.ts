import type { Grade } from "../policy";

/**
 * 双随机 (DOMAIN §9, 2020 plan §14), specified so that anyone can re-run a published draw:
 *
 * 1. PRNG: xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c). Its state is the
 *    first 32 hexadecimal digits of the 64-digit seed, read as four big-endian 32-bit words.
 * 2. uniform(n): draw x; reject while x < (2^32 − n) mod n; return x mod n (no modulo bias).
 * 3. Subjects: for each grade in the order A, B, C, D, its pool members in ascending id order; k = ⌈n × ratio⌉;
 *    a partial Fisher–Yates shuffle: for i = 0 … k−1, j = i + uniform(n − i), swap positions i and j; the first k
 *    are drawn, in that order.
 * 4. Inspectors: for each drawn subject in draw order, from the inspectors in ascending id order (m ≥ 2):
 *    a = uniform(m), b = uniform(m − 1), b += 1 if b ≥ a; the pair is (inspector a, inspector b).
 */
export const DRAW_ALGORITHM = "xoshiro128**/fisher-yates v1";
/** How the pages name the algorithm (its identifier above stays as stored with every draw). */
export const DRAW_ALGORITHM_LABEL: Record<string, string> = {
  [DRAW_ALGORITHM]: "xoshiro128** 伪随机数 + Fisher–Yates 洗牌（第 1 版）",
};

/** The steps above as published with every draw's inputs, so a re-implementation needs nothing else. */
export const DRAW_SPEC = [
  "伪随机数发生器：xoshiro128** 1.1（https://prng.di.unimi.it/xoshiro128starstar.c）；初始状态为随机种子的前 32 位十六进制数字，按大端序读作 4 个 32 位无符号整数。",
  "uniform(n)：取下一个随机数 x；当 x < (2^32 − n) mod n 时舍弃重取；返回 x mod n（无取模偏差）。",
  "抽取主体：按 A、B、C、D 的等级顺序，取该等级在公布的对象库（pool.usccs）中的主体，保持公布顺序；k = ⌈n × 比例⌉；对 i = 0 … k−1：j = i + uniform(n − i)，交换第 i 与第 j 位；前 k 位即抽中的主体，按此顺序排列。",
  "分派检查人员：按抽中顺序，对每户从检查人员编号（inspectors，升序，m ≥ 2）中：a = uniform(m)，b = uniform(m − 1)，若 b ≥ a 则 b 加 1；该户的两名检查人员为第 a 位与第 b 位。",
  '对象库哈希 publicPoolHash = SHA-256(pool.usccs 以英文逗号连接 + "|" + pool.grades)，可据此核对公布的对象库是否完整未改。',
];
export const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

export type Prng = { next: () => number };

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** xoshiro128** from four 32-bit words (not all zero). */
export function xoshiro128ss(state: readonly [number, number, number, number]): Prng {
  let [s0, s1, s2, s3] = state.map((w) => w >>> 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError("xoshiro128** needs a state that is not all zero");
  return {
    next() {
      const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
      const t = (s1 << 9) >>> 0;
      s2 = (s2 ^ s0) >>> 0;
      s3 = (s3 ^ s1) >>> 0;
      s1 = (s1 ^ s2) >>> 0;
      s0 = (s0 ^ s3) >>> 0;
      s2 = (s2 ^ t) >>> 0;
      s3 = rotl(s3, 11);
      return result;
    },
  };
}

export const isSeed = (seed: string) => /^[0-9a-f]{64}$/.test(seed) && !/^0{32}/.test(seed);

/** The PRNG of a draw's seed (step 1). */
export function prngOfSeed(seed: string): Prng {
  if (!isSeed(seed)) throw new RangeError("a seed is 64 lower-case hexadecimal digits");
  const w = (i: number) => Number.parseInt(seed.slice(i * 8, i * 8 + 8), 16);
  return xoshiro128ss([w(0), w(1), w(2), w(3)]);
}

/** Step 2: an integer in [0, n) without modulo bias. */
export function uniform(prng: Prng, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`uniform(${n})`);
  const threshold = (2 ** 32 - n) % n;
  for (;;) {
    const x = prng.next();
    if (x >= threshold) return x % n;
  }
}

export type PoolMember = { id: number; grade: Grade };
/** A pool as it is stored (lib/supervision/pool): ids, and their grades as one letter each in the same order. */
export type PoolSnapshot = { ids: readonly number[]; grades: string };
export type DrawInput = {
  seed: string;
  /** per grade, a fraction in [0, 1] */
  ratios: Record<Grade, number>;
  /** members, or a stored snapshot as it is (4.6 million member objects cost a third of a second to make) */
  pool: readonly PoolMember[] | PoolSnapshot;
  inspectors: readonly number[];
};

const isSnapshot = (pool: DrawInput["pool"]): pool is PoolSnapshot => "grades" in pool;
const poolSize = (pool: DrawInput["pool"]) => (isSnapshot(pool) ? pool.ids.length : pool.length);
export type DrawnSubject = { id: number; grade: Grade; inspectors: [number, number] };
export type DrawResult = { drawn: DrawnSubject[]; perGrade: Record<Grade, { pool: number; drawn: number }> };

/** Null when a draw may run on this input; otherwise the Chinese reason. */
export function drawProblem(input: Omit<DrawInput, "seed"> & { seed?: string }): string | null {
  for (const g of GRADES) {
    const r = input.ratios[g];
    if (!(Number.isFinite(r) && r >= 0 && r <= 1)) return `${g} 级的抽查比例应在 0%–100% 之间。`;
  }
  const { pool } = input;
  if (isSnapshot(pool) && (pool.ids.length !== pool.grades.length || !/^[ABCD]*$/.test(pool.grades)))
    return "抽查对象库的主体与等级不对应。";
  if (poolSize(pool) === 0) return "抽查对象库为空：没有符合所选地区、类型和行业的主体。";
  if (new Set(input.inspectors).size < 2)
    return "检查人员不足：每个被抽中的主体需要两名不同的检查人员，请至少选择 2 名。";
  if (input.seed !== undefined && !isSeed(input.seed)) return "随机种子无效。";
  return null;
}

/** How many of n a ratio draws (step 3): ⌈n × ratio⌉, so a graded group with a ratio above 0 is never skipped. */
export const drawCount = (n: number, ratio: number) => Math.max(0, Math.min(n, Math.ceil(n * ratio - 1e-9)));

function isAscending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) < (xs[i - 1] as number)) return false;
  return true;
}

/** The draw itself, steps 1–4: the same input always gives the same result. */
export function runDraw(input: DrawInput): DrawResult {
  const problem = drawProblem(input);
  if (problem) throw new RangeError(problem);
  const prng = prngOfSeed(input.seed);
  const inspectors = [...new Set(input.inspectors)].sort((a, b) => a - b);
  const byGrade: Record<Grade, number[]> = { A: [], B: [], C: [], D: [] };
  const { pool } = input;
  if (isSnapshot(pool))
    for (let i = 0; i < pool.ids.length; i++) byGrade[pool.grades[i] as Grade].push(pool.ids[i] as number);
  else for (const m of pool) byGrade[m.grade].push(m.id);
  const perGrade = {} as DrawResult["perGrade"];
  const picked: { id: number; grade: Grade }[] = [];
  for (const g of GRADES) {
    const ids = byGrade[g];
    // a stored pool is ascending already: sorting 4.6 million ids again cost a third of a second
    if (!isAscending(ids)) ids.sort((a, b) => a - b);
    const k = drawCount(ids.length, input.ratios[g]);
    for (let i = 0; i < k; i++) {
      const j = i + uniform(prng, ids.length - i);
      const t = ids[i] as number;
      ids[i] = ids[j] as number;
      ids[j] = t;
      picked.push({ id: ids[i] as number, grade: g });
    }
    perGrade[g] = { pool: ids.length, drawn: k };
  }
  const m = inspectors.length;
  const drawn = picked.map(({ id, grade }) => {
    const a = uniform(prng, m);
    let b = uniform(prng, m - 1);
    if (b >= a) b += 1;
    return { id, grade, inspectors: [inspectors[a], inspectors[b]] as [number, number] };
  });
  return { drawn, perGrade };
}

/** A replay against the stored result: null when identical, else the first difference in words. */
export function firstDifference(
  stored: readonly DrawnSubject[],
  replayed: readonly DrawnSubject[],
): string | null {
  const n = Math.max(stored.length, replayed.length);
  for (let i = 0; i < n; i++) {
    const a = stored[i];
    const b = replayed[i];
    if (!a || !b)
      return `第 ${i + 1} 位：${a ? `记录为主体 ${a.id}，重算没有` : `记录没有，重算为主体 ${b?.id}`}`;
    if (a.id !== b.id || a.grade !== b.grade)
      return `第 ${i + 1} 位：记录为主体 ${a.id}（${a.grade}），重算为主体 ${b.id}（${b.grade}）`;
    if (a.inspectors[0] !== b.inspectors[0] || a.inspectors[1] !== b.inspectors[1])
      return `第 ${i + 1} 位（主体 ${a.id}）：记录的检查人员为 ${a.inspectors.join("、")}，重算为 ${b.inspectors.join("、")}`;
  }
  return null;
}

/** A published draw's inputs (/supervision/draws/{no}/inputs): enough to re-run it without anything else. */
export type PublishedDraw = {
  seed: string;
  ratios: Record<Grade, number>;
  inspectors: number[];
  pool: { usccs: string[]; grades: string };
  result: { seq: number; uscc: string; grade: string; inspectors: number[] }[];
};

/**
 * Issue 21: anyone re-runs a published draw from its inputs alone (DRAW_SPEC) — the pool's members by their
 * position in the published list, which is the stored order — and compares it with the published result.
 * null when identical, else the first difference in words.
 */
export function replayPublished(p: PublishedDraw): string | null {
  if (p.pool.usccs.length !== p.pool.grades.length) return "公布的对象库中主体与等级数目不一致。";
  const pool = p.pool.usccs.map((_, i) => ({ id: i, grade: p.pool.grades[i] as Grade }));
  const position = new Map(p.pool.usccs.map((u, i) => [u, i]));
  const { drawn } = runDraw({ seed: p.seed, ratios: p.ratios, pool, inspectors: p.inspectors });
  const published = p.result.map((r) => ({
    id: position.get(r.uscc) ?? -1,
    grade: r.grade as Grade,
    inspectors: [r.inspectors[0] ?? 0, r.inspectors[1] ?? 0] as [number, number],
  }));
  return firstDifference(published, drawn);
}

/** What a draw's result hash is taken over (issue 20 N16): a line per drawn subject, in drawn order. */
export function resultHashInput(drawn: readonly DrawnSubject[]): string {
  return drawn.map((d, i) => `${i + 1}:${d.id}:${d.grade}:${d.inspectors[0]},${d.inspectors[1]}`).join("\n");
}

/**
 * The first `limit` drawn subjects back from resultHashInput's text (a preview keeps its result so); null when a
 * line is not one it writes. The confirmation reads the same lines in SQL (server/services/supervision/draws.ts).
 */
export function drawnFromText(text: string, limit = Number.POSITIVE_INFINITY): DrawnSubject[] | null {
  const out: DrawnSubject[] = [];
  if (text === "") return out;
  let from = 0;
  while (out.length < limit && from <= text.length) {
    const end = text.indexOf("\n", from);
    const line = text.slice(from, end < 0 ? text.length : end);
    const m = /^(\d+):(\d+):([ABCD]):(\d+),(\d+)$/.exec(line);
    if (!m || Number(m[1]) !== out.length + 1) return null;
    out.push({ id: Number(m[2]), grade: m[3] as Grade, inspectors: [Number(m[4]), Number(m[5])] });
    if (end < 0) break;
    from = end + 1;
  }
  return out;
}

/** How many a result drew, from its per-grade counts. */
export const drawnTotal = (perGrade: DrawResult["perGrade"]) =>
  GRADES.reduce((n, g) => n + perGrade[g].drawn, 0);

/** What the confirmation's audit row fixes about a draw — the keyed chain protects it, the draw's own row not. */
export type DrawConfirmation = {
  drawNo: string;
  seed: string;
  poolHash: string;
  drawn: number;
  resultHash: string;
};

const CONFIRMATION_FIELDS: [keyof DrawConfirmation, string][] = [
  ["drawNo", "抽查编号"],
  ["seed", "随机种子"],
  ["poolHash", "对象库哈希"],
  ["drawn", "抽中户数"],
  ["resultHash", "抽取结果"],
];

/**
 * A stored draw against what its confirmation recorded (issue 20 N16): a pool, seed and result re-forged together
 * replay consistently, but no longer match the audit row. Each field the row records is compared (a draw confirmed
 * before the result hash was recorded is held to the rest). null when they match; else what differs.
 */
export function confirmationDifference(
  recorded: Partial<DrawConfirmation>,
  stored: DrawConfirmation,
): string | null {
  const differ = CONFIRMATION_FIELDS.filter(([k]) => k in recorded && recorded[k] !== stored[k]).map(
    ([, label]) => label,
  );
  return differ.length ? `与确认时的审计记录不符（${differ.join("、")}）：抽查记录在确认后被改动过。` : null;
}
