import "server-only";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, mkdirSync, readdirSync, rmSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { createGzip } from "node:zlib";
import { type Db, execIn } from "@/db/client";
import type { IsoDate } from "@/lib/calendar/dates";
import { removalReason } from "@/lib/open-data/deltas";
import {
  type Column,
  fileFooter,
  fileHeader,
  fileLine,
  type OpenFormat,
  publishedRow,
} from "@/lib/open-data/files";
import { logUnexpected } from "../../errors";
import { type ObjectStore, openDataStore } from "../../object-store";
import { DATASET_KEYS, type Exec, getDataset } from "../../queries/exports";
import { OUTDATED_SQL } from "../../queries/open-data";
import { cataloguePublicSql } from "../../queries/publicity";

const BATCH = 2000;

/** A published row's fingerprint: a change of any published value is a change of the record. */
const rowHash = (row: Record<string, unknown>) =>
  createHash("sha256").update(JSON.stringify(row)).digest("hex");
/** a build older than this was cut off (its process died): another may start */
const STALE_BUILD = "30 minutes";

/** One format's file and its gzipped twin, written as the rows come, with the plain bytes' size and digest. */
class FileSink {
  private plain: WriteStream;
  private gzFile: WriteStream;
  private gz = createGzip({ level: 6 });
  private hash = createHash("sha256");
  bytes = 0;
  constructor(readonly path: string) {
    this.plain = createWriteStream(path);
    this.gzFile = createWriteStream(`${path}.gz`);
    this.gz.pipe(this.gzFile);
  }
  async write(text: string): Promise<void> {
    if (!text) return;
    const chunk = Buffer.from(text);
    this.hash.update(chunk);
    this.bytes += chunk.length;
    // both waits are set before either is awaited: a drain that comes while the other is awaited is not missed
    const waits: Promise<unknown>[] = [];
    if (!this.plain.write(chunk)) waits.push(once(this.plain, "drain"));
    if (!this.gz.write(chunk)) waits.push(once(this.gz, "drain"));
    await Promise.all(waits);
  }
  /** a failed build: the streams stop before their folder is removed */
  abort(): void {
    this.gz.destroy();
    this.gzFile.destroy();
    this.plain.destroy();
  }
  async close(): Promise<{ bytes: number; gzipBytes: number; sha256: string }> {
    await Promise.all([
      new Promise<void>((r) => this.plain.end(() => r())),
      new Promise<void>((r) => {
        this.gzFile.once("finish", () => r());
        this.gz.end();
      }),
    ]);
    return { bytes: this.bytes, gzipBytes: this.gzFile.bytesWritten, sha256: this.hash.digest("hex") };
  }
}

/** Why records left a dataset: their rows now, for the tombstones (lib/open-data/deltas.removalReason). */
function removalFactsSql(dataset: string): string {
  if (dataset === "penalties")
    return `SELECT id, status, public_until < $2::date AS expired, NOT disclosable AS undisclosed,
      NOT ${cataloguePublicSql("penalty", "source_dept_id")} AS not_catalogued FROM penalties WHERE id = ANY($1::bigint[])`;
  if (dataset === "licences")
    return `SELECT id, status, false AS expired, false AS undisclosed,
      NOT ${cataloguePublicSql("licence", "source_dept_id")} AS not_catalogued FROM licences WHERE id = ANY($1::bigint[])`;
  if (dataset === "commitments")
    return `SELECT id, CASE WHEN breach_repaired_at IS NOT NULL THEN 'breached_repaired' ELSE status::text END AS status,
      coalesce(breach_public_until < $2::date, false) AS expired, false AS undisclosed,
      NOT ${cataloguePublicSql("commitment", "dept_id")} AS not_catalogued FROM commitments WHERE id = ANY($1::bigint[])`;
  return `SELECT id, status, removal_reason, coalesce(valid_until < $2::date, false) AS expired, false AS undisclosed,
    NOT ${cataloguePublicSql("list_entry", "dept_id")} AS not_catalogued FROM list_entries WHERE id = ANY($1::bigint[])`;
}

async function tombstones(run: Exec, dataset: string, ids: number[], today: IsoDate) {
  const facts = new Map(
    (await run(removalFactsSql(dataset), [ids, today])).map((f) => [Number(f.id), f] as const),
  );
  return ids.map((id) => {
    const f = facts.get(id);
    return removalReason(
      f
        ? {
            exists: true,
            status: f.status as string | null,
            removalReason: (f.removal_reason as string | null) ?? null,
            expired: f.expired === true,
            undisclosed: f.undisclosed === true,
            notCatalogued: f.not_catalogued === true,
          }
        : { exists: false },
    );
  });
}

/**
 * One dataset's files of generation `gen`, and its published state brought to them, in one transaction: the
 * rows are streamed once, in id order, beside the state's rows of the same id range (a merge, so an unchanged
 * record costs no write). The file rows and dump_files commit together, so a delta never names a generation
 * whose files are not there.
 */
async function publishDataset(db: Db, gen: number, key: string, today: IsoDate, dir: string) {
  const dataset = getDataset(key);
  if (!dataset) throw new Error(`unknown dataset ${key}`);
  const columns = dataset.columns as Column[];
  const sinks = Object.fromEntries(
    (["csv", "json"] as const).map((f) => [f, new FileSink(join(dir, `${key}.${f}`))]),
  ) as Record<OpenFormat, FileSink>;
  let rows = 0;
  try {
    await db.transaction(async (tx) => {
      const run = execIn(tx);
      for (const f of ["csv", "json"] as const) await sinks[f].write(fileHeader(f, columns));
      for (let after = 0; ; ) {
        const batch = await dataset.batch(after, today, BATCH, run);
        const last = batch.length < BATCH ? null : Number(batch.at(-1)?.id);
        const state = await run(
          `SELECT record_id, hash, removed_gen FROM dataset_state WHERE dataset = $1 AND record_id > $2
         ${last === null ? "" : "AND record_id <= $3"}`,
          last === null ? [key, after] : [key, after, last],
        );
        const known = new Map(state.map((s) => [Number(s.record_id), s] as const));
        const upsert: { id: number; hash: string; row: string }[] = [];
        for (const r of batch) {
          const published = publishedRow(columns, r);
          const hash = rowHash(published);
          const id = Number(r.id);
          const s = known.get(id);
          if (!s || s.hash !== hash || s.removed_gen !== null)
            upsert.push({ id, hash, row: JSON.stringify(published) });
          known.delete(id);
          for (const f of ["csv", "json"] as const) await sinks[f].write(fileLine(f, columns, r, rows === 0));
          rows += 1;
        }
        if (upsert.length > 0)
          await run(
            `INSERT INTO dataset_state (dataset, record_id, hash, row, added_gen, changed_gen)
           SELECT $1, u.id, u.hash, u.row::jsonb, $2, $2 FROM unnest($3::bigint[], $4::text[], $5::text[]) AS u(id, hash, row)
           ON CONFLICT (dataset, record_id) DO UPDATE SET hash = excluded.hash, row = excluded.row,
             changed_gen = excluded.changed_gen, removed_gen = NULL, removed_reason = NULL`,
            [key, gen, upsert.map((u) => u.id), upsert.map((u) => u.hash), upsert.map((u) => u.row)],
          );
        const gone = [...known.entries()].filter(([, s]) => s.removed_gen === null).map(([id]) => id);
        if (gone.length > 0) {
          const reasons = await tombstones(run, key, gone, today);
          await run(
            `UPDATE dataset_state s SET removed_gen = $2, removed_reason = u.reason
           FROM unnest($3::bigint[], $4::text[]) AS u(id, reason) WHERE s.dataset = $1 AND s.record_id = u.id`,
            [key, gen, gone, reasons],
          );
        }
        if (last === null) break;
        after = last;
      }
      for (const f of ["csv", "json"] as const) await sinks[f].write(fileFooter(f, rows === 0));
      for (const f of ["csv", "json"] as const) {
        const done = await sinks[f].close();
        await run(
          `INSERT INTO dump_files (generation_id, dataset, format, path, bytes, gzip_bytes, sha256, rows)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [gen, key, f, sinks[f].path, done.bytes, done.gzipBytes, done.sha256, rows],
        );
      }
    });
  } catch (err) {
    for (const s of Object.values(sinks)) s.abort();
    throw err;
  }
  return rows;
}

export type PublishResult = { generation: number; rows: Record<string, number>; seconds: number };

/**
 * Produces every dataset's files once (issue 25 §4): a generation, numbered, under `dir/<generation>/`, and the
 * published state deltas are read from. Null when another process is producing one now. Generations beyond
 * `retain` lose their files (their rows stay, marked), and tombstones older than the oldest kept file go.
 */
export async function publishOpenData(
  db: Db,
  o: {
    dir: string;
    today: IsoDate;
    reason: string;
    retain: number;
    /** where every node finds the files (issue 24 §2); unset: the object store of S3_URL, if any */
    store?: ObjectStore | null;
  },
): Promise<PublishResult | null> {
  const store = o.store === undefined ? openDataStore() : o.store;
  const started = Date.now();
  const run = execIn(db);
  await run(
    `UPDATE dump_generations SET state = 'failed', finished_at = now()
     WHERE state = 'building' AND started_at < now() - interval '${STALE_BUILD}'`,
    [],
  );
  const [mark] = await run(
    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END::bigint AS v FROM open_data_changes",
    [],
  );
  const [g] = await run(
    `INSERT INTO dump_generations (as_of, state, reason, change_mark, record_change_mark)
     VALUES ($1, 'building', $2, $3, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM record_changes_id_seq))
     ON CONFLICT (state) WHERE state = 'building' DO NOTHING RETURNING id`,
    [o.today, o.reason, Number(mark?.v ?? 0)],
  );
  if (!g) return null;
  const gen = Number(g.id);
  const genDir = join(o.dir, String(gen));
  mkdirSync(genDir, { recursive: true });
  const rows: Record<string, number> = {};
  try {
    for (const key of DATASET_KEYS) rows[key] = await publishDataset(db, gen, key, o.today, genDir);
    // in the shared store before any node is told the generation is ready
    if (store)
      for (const name of readdirSync(genDir)) await store.putFile(`${gen}/${name}`, join(genDir, name));
    await run("UPDATE dump_generations SET state = 'ready', finished_at = now() WHERE id = $1", [gen]);
  } catch (err) {
    await run("UPDATE dump_generations SET state = 'failed', finished_at = now() WHERE id = $1", [gen]).catch(
      () => {},
    );
    await run("DELETE FROM dump_files WHERE generation_id = $1", [gen]).catch(() => {});
    if (store) for (const name of readdirSync(genDir)) await store.remove(`${gen}/${name}`).catch(() => {});
    rmSync(genDir, { recursive: true, force: true });
    throw err;
  }
  await retire(run, o.dir, o.retain, store);
  // without statistics (no autovacuum yet, or none at all on the embedded engine) a delta walks every live row
  // through the wrong index: 0.9 s instead of 14 ms for a day's changes at a million subjects
  await run("ANALYZE dataset_state", []);
  return { generation: gen, rows, seconds: (Date.now() - started) / 1000 };
}

/** Keeps the files of the last `retain` ready generations; what is older cannot be asked deltas since. */
async function retire(run: Exec, dir: string, retain: number, store: ObjectStore | null) {
  const old = await run(
    `SELECT id FROM dump_generations WHERE state <> 'building' AND id < coalesce((SELECT min(id) FROM
       (SELECT id FROM dump_generations WHERE state = 'ready' ORDER BY id DESC LIMIT $1) kept), 0)
       AND EXISTS (SELECT 1 FROM dump_files f WHERE f.generation_id = dump_generations.id AND f.removed_at IS NULL)`,
    [retain],
  );
  const gone = new Set(old.map(({ id }) => `${id}/`));
  if (store && gone.size > 0) {
    const keys: string[] = [];
    for await (const o of store.list())
      if (gone.has(o.key.slice(0, o.key.indexOf("/") + 1))) keys.push(o.key);
    for (const key of keys) await store.remove(key).catch(() => {});
  }
  for (const { id } of old) {
    rmSync(join(dir, String(id)), { recursive: true, force: true });
    await run("UPDATE dump_files SET removed_at = now() WHERE generation_id = $1", [id]);
  }
  await run(
    `DELETE FROM dataset_state WHERE removed_gen IS NOT NULL AND removed_gen < coalesce((SELECT min(generation_id)
       FROM dump_files WHERE removed_at IS NULL), 0)`,
    [],
  );
}

/** Whether the files are due: nightly (after 02:00 China time, once a day), or after a quiet change batch. */
export async function publishIfDue(
  db: Db,
  o: {
    dir: string;
    today: IsoDate;
    hour: number;
    quietMinutes: number;
    retain: number;
    lastMark: { v: number };
  },
): Promise<PublishResult | null> {
  const run = execIn(db);
  const [last] = await run(
    "SELECT id, as_of::text AS as_of, change_mark FROM dump_generations WHERE state = 'ready' ORDER BY id DESC LIMIT 1",
    [],
  );
  const [mark] = await run(
    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END::bigint AS v FROM open_data_changes",
    [],
  );
  const now = Number(mark?.v ?? 0);
  // a change batch has ended when the counter stood still since the last look (the caller looks every
  // quietMinutes)
  const quiet = now === o.lastMark.v;
  o.lastMark.v = now;
  const newDay = !last || (String(last.as_of) < o.today && o.hour >= 2);
  // the catalogue or a public record changed after the files began: they are not served until new ones
  // exist, so build at once
  const [cat] = await run(OUTDATED_SQL, []);
  const changed = o.quietMinutes > 0 && last !== undefined && now > Number(last.change_mark) && quiet;
  if (!newDay && !changed && cat?.stale !== true) return null;
  try {
    return await publishOpenData(db, {
      dir: o.dir,
      today: o.today,
      reason: newDay ? (last ? "nightly" : "start") : "batch",
      retain: o.retain,
    });
  } catch (err) {
    logUnexpected("open data files", err);
    return null;
  }
}
