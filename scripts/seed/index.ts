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
  const dropped = bulk ? await dropSecondaryIndexes(db) : [];
  // checked once, by one join per key, when the rows are in (PostgreSQL manual, "Populating a Database")
  const foreignKeys = bulk ? await dropForeignKeys(db) : [];
  // a bulk load grades everything once at the end, not batch by batch through the grade triggers
  if (bulk) await gradeTriggers(db, "DISABLE");
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
  if (dropped.length > 0) {
    log(`  正在重建 ${dropped.length} 个索引…`);
    await recreateIndexes(db, dropped);
  }
  if (foreignKeys.length > 0) {
    log(`  正在恢复并核对 ${foreignKeys.length} 个外键…`);
    for (const k of foreignKeys) await db.exec(k);
  }
  if (bulk) await gradeTriggers(db, "ENABLE");
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

async function dropSecondaryIndexes(db: DbHandle): Promise<string[]> {
  const rows = await db.exec(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [BULK_TABLES],
  );
  for (const r of rows) await db.exec(`DROP INDEX "${r.indexname}"`);
  return rows.map((r) => String(r.indexdef));
}

/** The foreign keys of the bulk tables and those pointing at them; answers the statements that restore them. */
async function dropForeignKeys(db: DbHandle): Promise<string[]> {
  const rows = await db.exec(
    `SELECT c.conname, c.conrelid::regclass::text AS tbl, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY($1) OR c.confrelid::regclass::text = ANY($1))`,
    [BULK_TABLES],
  );
  for (const r of rows) await db.exec(`ALTER TABLE ${r.tbl} DROP CONSTRAINT "${r.conname}"`);
  return rows.map((r) => `ALTER TABLE ${r.tbl} ADD CONSTRAINT "${r.conname}" ${r.def}`);
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
