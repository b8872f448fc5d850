import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { inspectionDrawSubjects, inspectionDraws } from "@/db/schema";
import {
  confirmationDifference,
  type DrawConfirmation,
  type DrawnSubject,
  firstDifference,
  type PoolMember,
  resultHashInput,
  runDraw,
} from "@/lib/supervision/draw";
import { membersOf, parsePoolIds, poolHashInput } from "@/lib/supervision/pool";
import { auditRowsOf } from "../audit";
import { getDb } from "../db";

type Reader = Pick<Tx, "select">;

/** The stored pool's hash, over lib/supervision/pool's poolHashInput of the ids as stored. */
export const poolHash = (idsText: string, grades: string) =>
  createHash("sha256").update(poolHashInput(idsText, grades)).digest("hex");

export type Replay = {
  drawId: number;
  drawNo: string;
  identical: boolean;
  /** null when identical */
  difference: string | null;
  drawn: number;
  poolSize: number;
  ms: number;
};

/**
 * Issue 12 §3: re-runs a confirmed draw from its stored seed and pool snapshot and compares it with what was
 * stored. A snapshot whose hash no longer matches (altered after the fact) is a difference of its own.
 * `which` is a draw id, a draw number, or "latest"; null when there is no such confirmed draw.
 */
export async function replayDraw({ which, db }: { which: string; db?: Reader }): Promise<Replay | null> {
  const reader = db ?? (await getDb());
  const started = performance.now();
  const cond =
    which === "latest"
      ? eq(inspectionDraws.state, "confirmed")
      : /^\d{1,15}$/.test(which)
        ? and(eq(inspectionDraws.state, "confirmed"), eq(inspectionDraws.id, Number(which)))
        : and(eq(inspectionDraws.state, "confirmed"), eq(inspectionDraws.drawNo, which));
  const [d] = await reader
    .select({
      id: inspectionDraws.id,
      drawNo: inspectionDraws.drawNo,
      seed: inspectionDraws.seed,
      ratios: inspectionDraws.ratios,
      poolIds: inspectionDraws.poolIds,
      poolGrades: inspectionDraws.poolGrades,
      poolHash: inspectionDraws.poolHash,
      poolSize: inspectionDraws.poolSize,
      inspectorIds: inspectionDraws.inspectorIds,
    })
    .from(inspectionDraws)
    .where(cond)
    .orderBy(sql`${inspectionDraws.drawnAt} DESC NULLS LAST`, sql`${inspectionDraws.id} DESC`)
    .limit(1);
  if (!d) return null;
  const stored = await reader
    .select({
      id: inspectionDrawSubjects.subjectId,
      grade: inspectionDrawSubjects.grade,
      inspectors: inspectionDrawSubjects.inspectorIds,
    })
    .from(inspectionDrawSubjects)
    .where(eq(inspectionDrawSubjects.drawId, d.id))
    .orderBy(asc(inspectionDrawSubjects.seq));
  const ids = parsePoolIds(d.poolIds);
  const base = { drawId: Number(d.id), drawNo: d.drawNo ?? "", drawn: stored.length, poolSize: d.poolSize };
  const done = (difference: string | null) => ({
    ...base,
    identical: difference === null,
    difference,
    ms: Math.round(performance.now() - started),
  });
  if (poolHash(d.poolIds, d.poolGrades) !== d.poolHash || ids.length !== d.poolSize)
    return done("存储的抽查对象库与确认时的哈希不符：对象库在确认后被改动过。");
  const members: PoolMember[] | null = membersOf(ids, d.poolGrades);
  if (!members) return done("存储的抽查对象库已损坏：主体与等级数目不一致。");
  const odd = stored.findIndex((s) => s.inspectors.length !== 2);
  if (odd >= 0)
    return done(
      `第 ${odd + 1} 位：记录的检查人员为 ${stored[odd]?.inspectors.length} 名，抽取规则为每户 2 名。`,
    );
  const result = stored.map((s) => ({
    id: Number(s.id),
    grade: s.grade,
    inspectors: [s.inspectors[0] ?? 0, s.inspectors[1] ?? 0] as [number, number],
  }));
  const replayed = runDraw({ seed: d.seed, ratios: d.ratios, pool: members, inspectors: d.inspectorIds });
  const differs = firstDifference(result, replayed.drawn);
  if (differs) return done(differs);
  // a pool, seed and result re-forged together replay consistently: the keyed audit row of the confirmation does not
  const record = (
    await auditRowsOf(reader, {
      action: "draw.confirm",
      entityType: "inspection_draw",
      entityId: String(d.id),
    })
  ).at(-1);
  if (!record) return done("找不到确认该抽查的审计记录，无法证明抽查记录未被改动。");
  if (!record.authentic) return done("确认该抽查的审计记录签名不符：审计记录被改动过。");
  return done(
    confirmationDifference(
      record.after as Partial<DrawConfirmation>,
      drawConfirmation({ drawNo: d.drawNo ?? "", seed: d.seed, poolHash: d.poolHash }, drawnRecord(result)),
    ),
  );
}

/**
 * What the confirmation's audit row records of a draw (issue 20 N16), for the replay to hold the stored draw to.
 * The demo seed writes the same record for the draw it publishes.
 */
export function drawConfirmation(
  d: { drawNo: string; seed: string; poolHash: string },
  result: { drawn: number; resultHash: string },
): DrawConfirmation {
  return { drawNo: d.drawNo, seed: d.seed, poolHash: d.poolHash, ...result };
}

/** A result as a preview keeps it: lib/supervision/draw's resultHashInput text, its count and its sha256. */
export function drawnRecord(drawn: readonly DrawnSubject[]): {
  text: string;
  drawn: number;
  resultHash: string;
} {
  const text = resultHashInput(drawn);
  return { text, drawn: drawn.length, resultHash: createHash("sha256").update(text).digest("hex") };
}
