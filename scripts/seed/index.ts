import type { DbHandle } from "../../db/client";
import { createPiiProtector } from "../../server/pii";
import { seedBusinessCases } from "./business-cases";
import { type GenerateOptions, staticBatches, subjectBatches, type TableBatch } from "./generate";
import { seedListDecisions } from "./list-decisions";
import { copyLine, insertBatch, resetSequences } from "./load";
import { seedNews } from "./news";
import { seedObjections } from "./objections";
import { seedPlatform } from "./platform";
import { seedRecordChanges } from "./provenance";
import { seedSupervision } from "./supervision";
import { seedUsers } from "./users";

export type SeedOptions = {
  subjects: number;
  seed: number;
  anchor: string;
  piiKey: string;
  /** stores the demo cases' materials where the server keeps case files; none when absent */
  putCaseFile?: (key: string, bytes: Buffer) => Promise<void>;
  log?: (line: string) => void;
  /** GenerateOptions.recordScale */
  recordScale?: number;
  /** COPY with indexes and foreign keys restored afterwards; PostgreSQL only, and by default from 50,000 subjects */
  bulk?: boolean;
};
export type SeedResult = { counts: Record<string, number>; seconds: number; businessSubject: string };

const BULK_TABLES = [
  "subjects",
  "penalties",
  "licences",
  "admin_acts",
  "list_entries",
  "list_entry_events",
  "commitments",
];

/** "empty", "seeded" (the demo marker is written last), or "partial": data without a finished seed. */
export async function seedState(db: DbHandle): Promise<"empty" | "seeded" | "partial"> {
  const [row] = await db.exec(
    "SELECT (SELECT count(*) FROM regions)::int AS regions, (SELECT count(*) FROM settings WHERE key = 'demo_data')::int AS marker",
  );
  if (Number(row?.marker) > 0) return "seeded";
  return Number(row?.regions) > 0 ? "partial" : "empty";
}

export async function isSeeded(db: DbHandle): Promise<boolean> {
  return (await seedState(db)) !== "empty";
}

/** Loads the deterministic demo set; COPY with indexes built afterwards on PostgreSQL when it is large. */
export async function seedDemo(db: DbHandle, o: SeedOptions): Promise<SeedResult> {
  const log = o.log ?? (() => {});
  const started = Date.now();
  const pii = createPiiProtector(o.piiKey);
  const gen: GenerateOptions = {
    anchor: o.anchor,
    seed: o.seed,
    protectIdNumber: (id) => pii.protect(id),
    usedNames: new Set(),
    recordScale: o.recordScale,
  };
  const counts: Record<string, number> = {};
  const count = (b: TableBatch) => {
    counts[b.table] = (counts[b.table] ?? 0) + b.rows.length;
  };

  for (const b of staticBatches(gen)) {
    await insertBatch(db, b);
    count(b);
  }
  const bulk = db.copyFrom !== undefined && (o.bulk ?? o.subjects >= 50_000);
  if (bulk) await beginBulkLoad(db);
  const chunk = bulk ? 5_000 : 1_000;
  // bulk: PostgreSQL takes in one chunk, two COPYs at a time (one per core), while the next is generated
  let loading: Promise<unknown> = Promise.resolve();
  for (let from = 1; from <= o.subjects; from += chunk) {
    const batches = subjectBatches(from, Math.min(o.subjects + 1, from + chunk), gen);
    batches.forEach(count);
    await loading;
    if (bulk && db.copyFrom) {
      const copy = db.copyFrom;
      const queue = [...batches];
      loading = Promise.all(
        [0, 1].map(async () => {
          for (let b = queue.shift(); b; b = queue.shift())
            await copy(b.table, b.columns, [b.rows.map(copyLine).join("")]);
        }),
      );
      // awaited at the next chunk; until then a failure must not count as unhandled
      loading.catch(() => {});
    } else for (const b of batches) await insertBatch(db, b);
    if (bulk && (from - 1 + chunk) % 100_000 === 0)
      log(`  已生成 ${from - 1 + chunk} 个主体（${((Date.now() - started) / 1000).toFixed(0)} 秒）`);
  }
  await loading;
  if (bulk) await endBulkLoad(db, log);
  return finishSeed(db, o, counts, started);
}

/**
 * A bulk load whose rows are all in but whose indexes, keys or later steps were cut off (its process died):
 * restores what beginBulkLoad took away and does the rest of the seed (`npm run seed -- --resume`).
 */
export async function resumeSeed(db: DbHandle, o: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const [pending] = await db.exec("SELECT 1 FROM settings WHERE key = 'bulk_load'");
  if (!pending) throw new Error("没有未完成的批量导入可以继续。");
  const counts: Record<string, number> = {};
  for (const t of BULK_TABLES) {
    const [n] = await db.exec(`SELECT count(*)::int AS n FROM "${t}"`);
    counts[t] = Number(n?.n);
  }
  // a load cut off while rows were still coming in cannot be finished: its last chunks are missing
  if (counts.subjects !== o.subjects)
    throw new Error(
      `批量导入未完成（已导入 ${counts.subjects} 个主体，应为 ${o.subjects} 个），请清空数据库后重新导入。`,
    );
  await endBulkLoad(db, o.log ?? (() => {}));
  return finishSeed(db, o, counts, started);
}

async function finishSeed(
  db: DbHandle,
  o: SeedOptions,
  counts: Record<string, number>,
  started: number,
): Promise<SeedResult> {
  await resetSequences(db);
  await seedRecordChanges(db, o.anchor);
  const { businessSubject, businessSubjectId, businessUserId } = await seedUsers(db);
  await seedBusinessCases(db, {
    anchor: o.anchor,
    subjectId: businessSubjectId,
    businessUserId,
    putCaseFile: o.putCaseFile,
  });
  await seedObjections(db, { anchor: o.anchor, skipSubjectId: businessSubjectId });
  await seedListDecisions(db, { anchor: o.anchor, ownSubjectId: businessSubjectId });
  await seedPlatform(db, { anchor: o.anchor, businessSubjectId });
  // grades as of today, whatever the triggers saw while the rows arrived (issue 12 §1)
  await db.exec("SELECT regrade_subjects(NULL)");
  await seedSupervision(db, { seed: o.seed, anchor: o.anchor });
  await seedNews(db, { anchor: o.anchor });
  // PGlite has no autovacuum: without statistics a search's per-hit facts pick a plan ~20× slower (issue 25)
  await db.exec("ANALYZE");
  // last: its presence means the whole set is in
  const seconds = (Date.now() - started) / 1000;
  // with the load time, which the benchmark reports per million records (issue 24 §1)
  await db.exec("INSERT INTO settings (key, value) VALUES ('demo_data', $1::jsonb)", [
    JSON.stringify({ seed: o.seed, anchor: o.anchor, subjects: o.subjects, seconds }),
  ]);
  return { counts, seconds, businessSubject };
}

async function gradeTriggers(db: DbHandle, what: "ENABLE" | "DISABLE"): Promise<void> {
  for (const t of ["penalties", "list_entries", "commitments"])
    await db.exec(`ALTER TABLE ${t} ${what} TRIGGER ${t}_regrade_insert`);
}

/**
 * Drops the bulk tables' secondary indexes and foreign keys and turns off the grade triggers: a bulk load
 * grades everything once at the end, and each key is checked by one join when the rows are in (PostgreSQL
 * manual, "Populating a Database"). What it took away is written down first, so that a load cut off half way
 * can be finished (resumeSeed).
 */
async function beginBulkLoad(db: DbHandle): Promise<void> {
  const indexes = await secondaryIndexes(db);
  const foreignKeys = await foreignKeysOf(db);
  await db.exec("INSERT INTO settings (key, value) VALUES ('bulk_load', $1::jsonb)", [
    JSON.stringify({ indexes: indexes.map((i) => i.def), foreignKeys: foreignKeys.map((k) => k.add) }),
  ]);
  for (const i of indexes) await db.exec(`DROP INDEX "${i.name}"`);
  for (const k of foreignKeys) await db.exec(k.drop);
  await gradeTriggers(db, "DISABLE");
}

async function endBulkLoad(db: DbHandle, log: (line: string) => void): Promise<void> {
  const [row] = await db.exec("SELECT value FROM settings WHERE key = 'bulk_load'");
  const { indexes, foreignKeys } = (row?.value ?? { indexes: [], foreignKeys: [] }) as {
    indexes: string[];
    foreignKeys: string[];
  };
  // on a resume, some may be back already
  const present = new Set((await db.exec("SELECT conname FROM pg_constraint")).map((r) => String(r.conname)));
  log(`  正在重建 ${indexes.length} 个索引…`);
  await recreateIndexes(
    db,
    indexes.map((d) => d.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")),
  );
  log(`  正在恢复并核对 ${foreignKeys.length} 个外键…`);
  for (const k of foreignKeys) if (!present.has(/CONSTRAINT "([^"]+)"/.exec(k)?.[1] ?? "")) await db.exec(k);
  await gradeTriggers(db, "ENABLE");
  await db.exec("DELETE FROM settings WHERE key = 'bulk_load'");
}

async function secondaryIndexes(db: DbHandle): Promise<{ name: string; def: string }[]> {
  const rows = await db.exec(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [BULK_TABLES],
  );
  return rows.map((r) => ({ name: String(r.indexname), def: String(r.indexdef) }));
}

/** The foreign keys of the bulk tables and those pointing at them, as the statements that drop and restore them. */
async function foreignKeysOf(db: DbHandle): Promise<{ drop: string; add: string }[]> {
  const rows = await db.exec(
    `SELECT c.conname, c.conrelid::regclass::text AS tbl, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY($1) OR c.confrelid::regclass::text = ANY($1))`,
    [BULK_TABLES],
  );
  return rows.map((r) => ({
    drop: `ALTER TABLE ${r.tbl} DROP CONSTRAINT "${r.conname}"`,
    add: `ALTER TABLE ${r.tbl} ADD CONSTRAINT "${r.conname}" ${r.def}`,
  }));
}

async function recreateIndexes(db: DbHandle, defs: string[]): Promise<void> {
  await db.exec("SET maintenance_work_mem = '512MB'");
  // two at a time: one per core
  const queue = [...defs];
  await Promise.all(
    [0, 1].map(async () => {
      for (let d = queue.shift(); d; d = queue.shift()) await db.exec(d);
    }),
  );
}
