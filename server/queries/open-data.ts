import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { chinaDateTime } from "@/lib/calendar/dates";
import { type Cursor, DELTA_PAGE_SIZE, INVALID_CURSOR, type Since } from "@/lib/open-data/deltas";
import { config } from "../config";
import { database } from "../db";
import { publicDatabase } from "../reads";

/**
 * The open-data files and deltas as served (issue 25 §3–4): read from the generations' bookkeeping and the
 * published state only, never from the record tables.
 */

export type DumpFile = {
  generation: number;
  dataset: string;
  format: "csv" | "json";
  path: string;
  bytes: number;
  gzipBytes: number;
  sha256: string;
  rows: number;
  finishedAt: Date;
  asOf: string;
};

const fileOf = (r: Record<string, unknown>): DumpFile => ({
  generation: Number(r.generation_id),
  dataset: String(r.dataset),
  format: r.format as DumpFile["format"],
  path: String(r.path),
  bytes: Number(r.bytes),
  gzipBytes: Number(r.gzip_bytes),
  sha256: String(r.sha256),
  rows: Number(r.rows),
  finishedAt: r.finished_at instanceof Date ? r.finished_at : new Date(String(r.finished_at)),
  asOf: String(r.as_of),
});

const FILES = `SELECT f.generation_id, f.dataset, f.format, f.path, f.bytes, f.gzip_bytes, f.sha256, f.rows,
  g.finished_at, g.as_of::text AS as_of FROM dump_files f JOIN dump_generations g ON g.id = f.generation_id`;

/**
 * Whether the latest files are outdated: anything they are made of changed after the generation began (the
 * sequence open_data_changes, moved by every statement on the record tables, subjects, departments, lists and the
 * catalogue, passed the generation's mark; read from the sequence, not the tables). A download then reads the
 * database, so it never serves what has left publication (issue 23 §3, DOMAIN §7) nor misses what arrived; the
 * worker builds the next files at once after a catalogue or record change, or after the quiet period.
 */
const outdatedSql = (
  generation: string,
) => `SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM open_data_changes) > g.change_mark
    OR (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM record_changes_id_seq) > g.record_change_mark
    OR coalesce((SELECT max(updated_at) FROM catalogue_items) > g.started_at, false) AS stale
  FROM (SELECT started_at, change_mark, record_change_mark FROM dump_generations WHERE ${generation}) g`;
export const OUTDATED_SQL = outdatedSql("state = 'ready' ORDER BY id DESC LIMIT 1");

// On the primary: a standby reads a sequence as far as it was WAL-logged ahead (up to 32 values), so there the
// marks would look passed and every download would be streamed from the tables.
export async function catalogueChangedSinceFiles(): Promise<boolean> {
  const db = await database();
  const [r] = await db.exec(OUTDATED_SQL);
  return r?.stale === true;
}

/**
 * The latest file of a dataset in a format (null before the first generation is ready), read like every public
 * read (a replica when there is one), and whether that file's generation is outdated, asked of the primary.
 */
export async function servedFile(
  dataset: string,
  format: "csv" | "json",
): Promise<{ outdated: boolean; file: DumpFile | null }> {
  const [r] = await (await publicDatabase()).exec(
    `${FILES} WHERE f.dataset = $1 AND f.format = $2 AND g.state = 'ready' AND f.removed_at IS NULL
     ORDER BY f.generation_id DESC LIMIT 1`,
    [dataset, format],
  );
  if (!r) return { outdated: false, file: null };
  // the sequences on the primary (see catalogueChangedSinceFiles), against the marks of the very file served
  const [o] = await (await database()).exec(outdatedSql("id = $1"), [r.generation_id]);
  return { outdated: o?.stale === true, file: fileOf(r) };
}

/** Every dataset's latest files, for datapackage.json and the open-data page. */
export async function latestFiles(): Promise<DumpFile[]> {
  const db = await publicDatabase();
  return (
    await db.exec(
      `${FILES} WHERE g.state = 'ready' AND f.removed_at IS NULL
       AND f.generation_id = (SELECT max(generation_id) FROM dump_files x JOIN dump_generations y ON y.id = x.generation_id
         WHERE y.state = 'ready' AND x.dataset = f.dataset AND x.removed_at IS NULL)
       ORDER BY f.dataset, f.format`,
    )
  ).map(fileOf);
}

/** The oldest and newest generations a dataset still has files of: deltas start no earlier than the oldest. */
async function retained(dataset: string) {
  const db = await publicDatabase();
  const [r] = await db.exec(
    `SELECT min(f.generation_id) AS oldest, max(f.generation_id) AS newest,
       (SELECT g.finished_at FROM dump_generations g WHERE g.id = min(f.generation_id)) AS oldest_at
     FROM dump_files f JOIN dump_generations g ON g.id = f.generation_id
     WHERE f.dataset = $1 AND f.format = 'json' AND f.removed_at IS NULL AND g.state = 'ready'`,
    [dataset],
  );
  if (!r || r.oldest === null) return null;
  return {
    oldest: Number(r.oldest),
    newest: Number(r.newest),
    oldestAt: r.oldest_at instanceof Date ? r.oldest_at : new Date(String(r.oldest_at)),
  };
}

const cursorKey = () => `open-data-cursor:${config().authSecret ?? config().piiKey}`;
const sign = (body: string) => createHmac("sha256", cursorKey()).update(body).digest("base64url");

export function encodeCursor(c: Cursor): string {
  const body = Buffer.from(JSON.stringify([c.dataset, c.from, c.to, c.after])).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** A cursor this server signed, for this dataset; anything else (cut, edited, another dataset's) is refused. */
export function decodeCursor(raw: string, dataset: string): Cursor | null {
  const [body, mac, extra] = raw.split(".");
  if (!body || !mac || extra !== undefined || raw.length > 400) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [d, from, to, after] = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown[];
    if (d !== dataset || ![from, to, after].every((n) => Number.isSafeInteger(n) && (n as number) >= 0))
      return null;
    return { dataset, from: from as number, to: to as number, after: after as number };
  } catch {
    return null;
  }
}

export type DeltaChange =
  | { op: "upsert"; id: number; generation: number; record: Record<string, unknown> }
  | { op: "delete"; id: number; generation: number; reason: string };
export type Delta =
  | { status: "ok"; dataset: string; from: number; to: number; changes: DeltaChange[]; next: string | null }
  | { status: "not_ready"; message: string }
  | { status: "gone"; message: string; oldest: number }
  | { status: "invalid"; message: string };

/**
 * What changed in a dataset after generation `from` up to the latest (`to`), in record-id order, a page at a
 * time: the record as the latest file holds it, or a tombstone with its reason. A record added and removed within
 * the span is left out; one removed that the mirror never had is harmless to delete.
 */
export async function delta(
  dataset: string,
  q: { since?: Since; cursor?: string; limit?: number },
): Promise<Delta> {
  const limit = Math.min(Math.max(1, q.limit ?? DELTA_PAGE_SIZE), 5000);
  const span = await retained(dataset);
  if (!span) return { status: "not_ready", message: "数据文件尚未生成，请稍后再试。" };
  let c: Cursor;
  if (q.cursor !== undefined) {
    const decoded = decodeCursor(q.cursor, dataset);
    if (!decoded) return { status: "invalid", message: INVALID_CURSOR };
    c = decoded;
  } else if (q.since) {
    const db = await publicDatabase();
    const from =
      q.since.kind === "generation"
        ? q.since.id
        : Number(
            (
              await db.exec(
                "SELECT coalesce(max(id), 0) AS id FROM dump_generations WHERE state = 'ready' AND finished_at <= $1",
                [q.since.at],
              )
            )[0]?.id ?? 0,
          );
    c = { dataset, from, to: span.newest, after: 0 };
  } else return { status: "invalid", message: "请提供 since（变更编号或时间）或 cursor。" };
  // the files were produced again while a mirror paged: its pages would mix two versions
  if (c.to < span.newest && q.cursor !== undefined)
    return {
      status: "invalid",
      message: `翻页期间数据文件已更新至第 ${span.newest} 版，请以 since=${c.from} 重新开始。`,
    };
  if (c.from > span.newest)
    return { status: "invalid", message: `since 超出已发布的版本：最新版本为 ${span.newest}。` };
  if (c.from < span.oldest)
    return {
      status: "gone",
      oldest: span.oldest,
      message: `增量只保留到第 ${span.oldest} 版（${chinaDateTime(span.oldestAt)} 生成）。请先下载该版或最新的完整文件 /open-data/${dataset}.json，再按其版本号取增量。`,
    };
  const db = await publicDatabase();
  // two index ranges (by changed and by removed generation), not a walk over every record of the dataset
  const rows = await db.exec(
    `SELECT * FROM (
       SELECT record_id, row, changed_gen, removed_gen, removed_reason FROM dataset_state
       WHERE dataset = $1 AND changed_gen > $3 AND changed_gen <= $4 AND removed_gen IS NULL AND record_id > $2
       UNION ALL
       SELECT record_id, row, changed_gen, removed_gen, removed_reason FROM dataset_state
       WHERE dataset = $1 AND removed_gen > $3 AND removed_gen <= $4 AND added_gen <= $3 AND record_id > $2
     ) d ORDER BY record_id LIMIT $5`,
    [dataset, c.after, c.from, c.to, limit + 1],
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const changes: DeltaChange[] = page.map((r) =>
    r.removed_gen === null
      ? {
          op: "upsert",
          id: Number(r.record_id),
          generation: Number(r.changed_gen),
          record: (typeof r.row === "string" ? JSON.parse(r.row) : r.row) as Record<string, unknown>,
        }
      : {
          op: "delete",
          id: Number(r.record_id),
          generation: Number(r.removed_gen),
          reason: String(r.removed_reason ?? ""),
        },
  );
  const last = page.at(-1);
  return {
    status: "ok",
    dataset,
    from: c.from,
    to: c.to,
    changes,
    next: more && last ? encodeCursor({ ...c, after: Number(last.record_id) }) : null,
  };
}
