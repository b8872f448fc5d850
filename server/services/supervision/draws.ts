import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, like, notInArray, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "@/db/client";
import {
  deptInspectionRatios,
  inspectionDrawSubjects,
  inspectionDraws,
  inspectors,
  poolChanges,
  settings,
  subjectGrades,
  subjects,
} from "@/db/schema";
import { poolRegionInScope, supervisionScope } from "@/lib/access/scope";
import { DEFAULT_GRADING } from "@/lib/grading/grading";
import type { Grade } from "@/lib/policy";
import { regionPrefix } from "@/lib/subjects/regions";
import { DRAW_ALGORITHM, drawnTotal, drawProblem, isSeed, runDraw } from "@/lib/supervision/draw";
import { type PoolFilter, parsePoolIds } from "@/lib/supervision/pool";
import { auditBy } from "../../audit";
import type { ServiceContext } from "../../context";
import { AppError } from "../../errors";
import { drawConfirmation, drawnRecord, poolHash } from "../../queries/draw-replay";
import { getPolicy } from "../../settings";
import { supervisorDepartment } from "./ratios";

type Reader = Pick<Tx, "select">;

/**
 * 检查对象名录库 for a filter (issue 12 §3): the market subjects that are active, with their stored grade, ids
 * ascending — read as two strings so a pool of a million comes back in one row, not a million.
 */
export async function loadPool(db: Reader, f: PoolFilter): Promise<Pool> {
  // 机关 are not inspected by 双随机, and natural persons are never in a pool
  const where = [notInArray(subjects.kind, ["natural_person", "government"]), eq(subjects.status, "active")];
  const prefix = regionPrefix(f.regionCode);
  if (prefix) where.push(like(subjects.regionCode, `${prefix}%`));
  if (f.kind) where.push(eq(subjects.kind, f.kind));
  if (f.industry) where.push(eq(subjects.industry, f.industry));
  // aggregated from an ordered subquery: one merge of two index-only scans (migration 0014), no sort per aggregate
  const ordered = db
    .select({ id: subjects.id, grade: subjectGrades.grade })
    .from(subjects)
    .innerJoin(subjectGrades, eq(subjectGrades.subjectId, subjects.id))
    .where(and(...where))
    .orderBy(subjects.id)
    .as("pool");
  const [row] = await db
    .select({
      ids: sql<string>`coalesce(string_agg(${ordered.id}::text, ','), '')`,
      grades: sql<string>`coalesce(string_agg(${ordered.grade}::text, ''), '')`,
      // in the same statement, so the very snapshot the pool was read in
      snapshot: sql<string>`pg_current_snapshot()::text`,
    })
    .from(ordered);
  return poolOf(row?.ids ?? "", row?.grades ?? "", row?.snapshot ?? null);
}

/**
 * A pool snapshot: ids ascending (also as the comma-joined text that is stored and hashed), their grades, and the
 * database snapshot it was read in (null for one read back from a draw stored before there was one).
 */
export type Pool = { text: string; ids: number[]; grades: string; snapshot: string | null };

function poolOf(text: string, grades: string, snapshot: string | null): Pool {
  const ids = parsePoolIds(text);
  // SQL does not promise that an aggregate keeps its subquery's order; it does in practice, and if it ever
  // did not, the pairs are sorted here so that the snapshot and its hash never depend on it
  for (let i = 1; i < ids.length; i++)
    if ((ids[i] as number) < (ids[i - 1] as number)) return sortedPool(ids, grades, snapshot);
  return { text, ids, grades, snapshot };
}

function sortedPool(ids: number[], grades: string, snapshot: string | null): Pool {
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] as number) - (ids[b] as number));
  const sorted = order.map((i) => ids[i] as number);
  return { text: sorted.join(","), ids: sorted, grades: order.map((i) => grades[i]).join(""), snapshot };
}

/**
 * Whether the pool a preview read in `snapshot` is certainly unchanged: no transaction that changed a pool (its
 * row in pool_changes) committed outside that snapshot, and none it might need has been pruned (the floor lies
 * below its xmin). False means "may have changed", and the caller compares the pool itself.
 */
export async function poolUnchangedSince(tx: Pick<Tx, "execute">, snapshot: string): Promise<boolean> {
  const [r] = rowsOf<{ complete: boolean; changed: boolean }>(
    await tx.execute(sql`
      SELECT (SELECT min(xid) FROM ${poolChanges}) < pg_snapshot_xmin(${snapshot}::pg_snapshot) AS complete,
             EXISTS (SELECT 1 FROM ${poolChanges}
                     WHERE xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot)
                       AND NOT pg_visible_in_snapshot(xid, ${snapshot}::pg_snapshot)) AS changed`),
  );
  return r?.complete === true && r.changed === false;
}

/**
 * The department's ratios, or the policy's defaults — read by the caller before its transaction: on PGlite the
 * cached settings read goes through the one connection that transaction holds, and would wait for ever.
 */
async function ratiosOf(
  db: Reader,
  deptId: number,
  defaults: Record<Grade, number>,
): Promise<Record<Grade, number>> {
  const [row] = await db.select().from(deptInspectionRatios).where(eq(deptInspectionRatios.deptId, deptId));
  return row?.ratios ?? defaults;
}

/** The rule version in force, read in the transaction (not from the process cache, which may be 30 s old). */
async function ruleVersionIn(db: Reader): Promise<string> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "grading"));
  return (row?.value as { version?: string } | undefined)?.version ?? DEFAULT_GRADING.version;
}

function newSeed(): string {
  for (;;) {
    const s = randomBytes(32).toString("hex");
    if (isSeed(s)) return s;
  }
}

/**
 * The pool held to the supervisor's region (issue 20 N3): a city supervisor draws among the city's subjects only,
 * and a pool without a region is their city's, never the province's.
 */
function poolInScope(actor: ServiceContext["actor"], pool: PoolFilter): PoolFilter {
  const scope = supervisionScope(actor);
  const region = scope ? poolRegionInScope(scope, pool.regionCode) : { ok: false as const };
  if (!region.ok) throw new AppError("forbidden", "只能对本地区登记的主体进行抽查。");
  const { regionCode: _asked, ...rest } = pool;
  return region.regionCode ? { ...rest, regionCode: region.regionCode } : rest;
}

/**
 * Step one: the seed is made here and shown with the result it gives, before anything is published. Every
 * preview is kept and audited, so a supervisor who previews until the result pleases is seen doing it.
 */
export async function previewDraw(
  { db, actor, meta }: ServiceContext,
  input: { title: string; pool: PoolFilter; inspectorIds: number[] },
): Promise<{ id: number }> {
  const deptId = supervisorDepartment(actor);
  const pool = poolInScope(actor, input.pool);
  const defaults = (await getPolicy()).inspectionRatios;
  return db.transaction(async (tx) => {
    const chosen = [...new Set(input.inspectorIds)].sort((a, b) => a - b);
    const valid = chosen.length
      ? await tx
          .select({ id: inspectors.id })
          .from(inspectors)
          .where(
            and(inArray(inspectors.id, chosen), eq(inspectors.deptId, deptId), eq(inspectors.active, true)),
          )
      : [];
    if (valid.length !== chosen.length) throw new AppError("invalid", "所选检查人员不属于本部门或已停用。");
    const ratios = await ratiosOf(tx, deptId, defaults);
    const snapshot = await loadPool(tx, pool);
    const problem = drawProblem({ ratios, pool: snapshot, inspectors: chosen });
    if (problem) throw new AppError("invalid", problem);
    const seed = newSeed();
    const hash = poolHash(snapshot.text, snapshot.grades);
    // drawn once, here: the page shows this result and the confirmation publishes exactly it
    const result = runDraw({ seed, ratios, pool: snapshot, inspectors: chosen });
    const record = drawnRecord(result.drawn);
    const [row] = await tx
      .insert(inspectionDraws)
      .values({
        deptId,
        title: input.title,
        pool,
        ratios,
        seed,
        algorithm: DRAW_ALGORITHM,
        poolSize: snapshot.ids.length,
        poolIds: snapshot.text,
        poolGrades: snapshot.grades,
        poolHash: hash,
        poolSnapshot: snapshot.snapshot,
        drawnList: record.text,
        resultHash: record.resultHash,
        perGrade: result.perGrade,
        ruleVersion: await ruleVersionIn(tx),
        inspectorIds: chosen,
        drawnBy: actor.id,
      })
      .returning({ id: inspectionDraws.id });
    if (!row) throw new Error("draw not stored");
    // keeps pool_changes to what the previews of the last day can need (migration 0042)
    await tx.execute(sql`SELECT prune_pool_changes()`);
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "draw.preview",
        entityType: "inspection_draw",
        entityId: String(row.id),
        after: { title: input.title, pool, poolSize: snapshot.ids.length, poolHash: hash, seed, ratios },
      },
    );
    return { id: row.id };
  });
}

export type ConfirmOutcome =
  | { ok: true; drawNo: string }
  | { ok: false; newPreviewId: number; message: string };

/**
 * Step two: the draw stands only if the pool is still what the preview showed. If it changed, nothing is
 * confirmed and a new preview (new seed, new pool) is made for the supervisor to look at.
 */
export async function confirmDraw(ctx: ServiceContext, input: { id: number }): Promise<ConfirmOutcome> {
  const { db, actor, meta } = ctx;
  const deptId = supervisorDepartment(actor);
  const changed = await db.transaction(async (tx) => {
    const [d] = await tx
      .select({
        id: inspectionDraws.id,
        state: inspectionDraws.state,
        deptId: inspectionDraws.deptId,
        title: inspectionDraws.title,
        pool: inspectionDraws.pool,
        seed: inspectionDraws.seed,
        poolHash: inspectionDraws.poolHash,
        poolSize: inspectionDraws.poolSize,
        poolSnapshot: inspectionDraws.poolSnapshot,
        resultHash: inspectionDraws.resultHash,
        perGrade: inspectionDraws.perGrade,
        createdAt: inspectionDraws.createdAt,
        inspectorIds: inspectionDraws.inspectorIds,
      })
      .from(inspectionDraws)
      .where(eq(inspectionDraws.id, input.id))
      .for("update");
    if (!d || d.deptId !== deptId) throw new AppError("not_found", "该抽查不存在，或不属于本部门。");
    if (d.state !== "preview") throw new AppError("conflict", "该抽查已经确认，不能再次确认。");
    poolInScope(actor, d.pool);
    const again = { title: d.title, pool: d.pool, inspectorIds: d.inspectorIds, before: d.poolSize };
    if (!d.resultHash || !d.perGrade) return { ...again, kept: false as const };
    if (!(await unchanged(tx, d))) {
      const now = await loadPool(tx, d.pool);
      if (poolHash(now.text, now.grades) !== d.poolHash) return { ...again, after: now.ids.length };
    }
    // the pool is the one the preview drew from, so its kept result is the draw's
    await storeDrawn(tx, d.id);
    const drawNo = `CC${ctx.today.slice(0, 4)}${String(d.id).padStart(6, "0")}`;
    await tx
      .update(inspectionDraws)
      .set({ state: "confirmed", drawNo, drawnAt: new Date(), drawnBy: actor.id })
      .where(eq(inspectionDraws.id, d.id));
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "draw.confirm",
        entityType: "inspection_draw",
        entityId: String(d.id),
        before: { state: "preview" },
        after: {
          state: "confirmed",
          ...drawConfirmation({ ...d, drawNo }, { drawn: drawnTotal(d.perGrade), resultHash: d.resultHash }),
        },
      },
    );
    return drawNo;
  });
  if (typeof changed === "string") return { ok: true, drawNo: changed };
  const next = await previewDraw(ctx, {
    title: changed.title,
    pool: changed.pool,
    inspectorIds: changed.inspectorIds,
  });
  return {
    ok: false,
    newPreviewId: next.id,
    message:
      "after" in changed
        ? `预览之后抽查对象库已变化（预览时 ${changed.before} 户，现在 ${changed.after} 户），原预览未确认。已按现在的对象库和新的随机种子生成新的预览，请核对后再确认。`
        : "原预览生成于系统保存预览结果之前，未确认。已按现在的对象库和新的随机种子生成新的预览，请核对后再确认。",
  };
}

/**
 * Whether no change to any pool has committed since the preview read its own (a recent preview only); false when
 * the pool must be read again and held to the stored hash.
 */
async function unchanged(tx: Tx, d: { poolSnapshot: string | null; createdAt: Date }): Promise<boolean> {
  // prune_pool_changes keeps what the previews of the last day need; an older one is compared in full
  if (!d.poolSnapshot || Date.now() - d.createdAt.getTime() > 23 * 3_600_000) return false;
  return poolUnchangedSince(tx, d.poolSnapshot);
}

/**
 * The drawn subjects in one statement, whatever their number (195,560 for a province-wide draw), read in SQL from
 * the result the preview kept (lib/supervision/draw resultHashInput: `seq:subject:grade:inspector,inspector`).
 * Every one is a member of a pool just proven unchanged, so they exist: the table has no foreign key to subjects
 * (migration 0016), and joining them to prove it again cost 0.8 s. They go in by subject id, so both indexes are
 * filled in order, with the memory to sort them without spilling to disk; `seq` keeps the order drawn.
 */
async function storeDrawn(tx: Tx, drawId: number) {
  await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
  await tx.execute(sql`
    INSERT INTO ${inspectionDrawSubjects} (draw_id, subject_id, seq, grade, inspector_ids)
    SELECT d.id, split_part(l, ':', 2)::bigint, split_part(l, ':', 1)::int, split_part(l, ':', 3)::grade,
           string_to_array(split_part(l, ':', 4), ',')::int[]
    FROM ${inspectionDraws} d, string_to_table(d.drawn_list, E'\n') AS l
    WHERE d.id = ${drawId} AND d.drawn_list <> ''
    ORDER BY 2`);
}

/** Issue 12 §4: the inspection's finding for one drawn subject, entered (or corrected) later. */
export async function recordInspectionResult(
  { db, actor, meta }: ServiceContext,
  input: {
    drawId: number;
    subjectId: number;
    result: "qualified" | "rectify" | "case";
    note?: string;
    on: string;
  },
): Promise<void> {
  const deptId = supervisorDepartment(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        state: inspectionDraws.state,
        deptId: inspectionDraws.deptId,
        result: inspectionDrawSubjects.result,
        resultNote: inspectionDrawSubjects.resultNote,
        resultOn: inspectionDrawSubjects.resultOn,
      })
      .from(inspectionDrawSubjects)
      .innerJoin(inspectionDraws, eq(inspectionDraws.id, inspectionDrawSubjects.drawId))
      .where(
        and(
          eq(inspectionDrawSubjects.drawId, input.drawId),
          eq(inspectionDrawSubjects.subjectId, input.subjectId),
        ),
      )
      .for("update");
    if (!row || row.deptId !== deptId || row.state !== "confirmed")
      throw new AppError("not_found", "该抽查对象不存在，或不属于本部门的抽查。");
    await tx
      .update(inspectionDrawSubjects)
      .set({ result: input.result, resultNote: input.note ?? null, resultOn: input.on, resultBy: actor.id })
      .where(
        and(
          eq(inspectionDrawSubjects.drawId, input.drawId),
          eq(inspectionDrawSubjects.subjectId, input.subjectId),
        ),
      );
    await auditBy(
      tx,
      { actor, meta },
      {
        action: "draw.result",
        entityType: "inspection_draw",
        entityId: `${input.drawId}/${input.subjectId}`,
        before: { result: row.result, note: row.resultNote, on: row.resultOn },
        after: { result: input.result, note: input.note ?? null, on: input.on },
      },
    );
  });
}
