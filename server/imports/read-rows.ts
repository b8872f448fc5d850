import "server-only";
import { fork } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import { sharedStringsProblem, xlsxArchiveProblem, type ZipEntryFacts } from "@/lib/records/import-file";

export type FileRow = { rowNo: number; values: string[]; formulas: number[] };

/** The bytes of a GB 18030 (GBK) file as UTF-8 text, chunk by chunk. */
function decoder(encoding: string) {
  const d = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, d.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, d.decode());
    },
  });
}

/**
 * The rows of a CSV, streamed (csv-parse): row 1 is the header, numbers match what a spreadsheet shows; blank
 * lines are counted but not yielded.
 */
async function* csvRows(path: string, encoding: string): AsyncGenerator<FileRow> {
  const source = createReadStream(path);
  const text = encoding === "utf-8" ? source : source.pipe(decoder(encoding));
  const parser = text.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 2_000_000,
      trim: false,
    }),
  );
  let rowNo = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNo += 1;
    if (record.every((c) => c.trim() === "")) continue;
    yield { rowNo, values: record, formulas: [] };
  }
}

/** Why an import file is refused (or its reader died): said as it is on the job, never as a crash. */
export class ImportFileRefused extends Error {}

/** A reader that says nothing for this long is stuck, and stopped. */
const XLSX_STALL_MS = 120_000;

type ChildMessage =
  | { t: "entries"; entries: ZipEntryFacts[] }
  | { t: "strings"; count: number }
  | { t: "rows"; rows: FileRow[] }
  | { t: "end" }
  | { t: "error"; message: string };

/**
 * The first worksheet of an XLSX, streamed by exceljs in a process of its own (server/imports/xlsx-child.mjs) with
 * a heap limit and a stall timer: its directory is judged by lib/records/import-file before anything is inflated,
 * the shared strings are counted, and only then are rows read, one batch at a time. A reader that runs out of
 * memory or time is killed and the job fails with a message; the server never does.
 */
async function* xlsxRows(path: string, heapMb: number): AsyncGenerator<FileRow> {
  // exceljs spills parts it cannot place yet to temporary files: its own directory, removed whatever the end
  const tmp = await mkdtemp(join(tmpdir(), "credit-xlsx-"));
  const child = fork(join(/*turbopackIgnore: true*/ process.cwd(), "server/imports/xlsx-child.mjs"), [path], {
    env: { ...process.env, TMPDIR: tmp },
    execArgv: [`--max-old-space-size=${heapMb}`],
    // its stderr is the server's: V8's own report of a heap run out lands in the log
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const tell = (m: { t: "scan" | "rows" | "more" }) => {
    if (child.connected) child.send(m);
  };
  const inbox: ChildMessage[] = [];
  let waiting: ((m: ChildMessage | Error) => void) | null = null;
  let ended: Error | null = null;
  const deliver = (m: ChildMessage | Error) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(m);
    } else if (m instanceof Error) ended ??= m;
    else inbox.push(m);
  };
  child.on("message", (m) => deliver(m as ChildMessage));
  // "close", not "exit": every message the reader sent has been delivered by then
  child.on("close", (code, signal) => {
    if (code === 0) return deliver(new ImportFileRefused("文件读取提前结束，请确认是有效的 XLSX 文件。"));
    deliver(
      new ImportFileRefused(
        signal === "SIGKILL" || signal === "SIGTERM"
          ? "XLSX 文件解析超时，已终止。请另存为 CSV 后导入。"
          : `XLSX 文件解析超出内存限制（${heapMb} MB）被终止，文件可能经过恶意构造。请另存为 CSV 后导入。`,
      ),
    );
  });
  const receive = () =>
    new Promise<ChildMessage>((resolve, reject) => {
      const first = inbox.shift();
      if (first) return resolve(first);
      if (ended) return reject(ended);
      const timer = setTimeout(() => child.kill("SIGKILL"), XLSX_STALL_MS);
      waiting = (m) => {
        clearTimeout(timer);
        if (m instanceof Error) reject(m);
        else resolve(m);
      };
    });
  const expect = async <T extends ChildMessage["t"]>(t: T) => {
    const m = await receive();
    if (m.t === "error") throw new ImportFileRefused(`文件无法解析：${m.message}`);
    if (m.t !== t) throw new ImportFileRefused("文件读取异常，请确认是有效的 XLSX 文件。");
    return m as Extract<ChildMessage, { t: T }>;
  };
  try {
    const { entries } = await expect("entries");
    const archive = xlsxArchiveProblem(entries);
    if (archive) throw new ImportFileRefused(archive);
    tell({ t: "scan" });
    const { count } = await expect("strings");
    const strings = sharedStringsProblem(count);
    if (strings) throw new ImportFileRefused(strings);
    tell({ t: "rows" });
    for (;;) {
      const m = await receive();
      if (m.t === "end") return;
      if (m.t === "error") throw new ImportFileRefused(`文件无法解析：${m.message}`);
      if (m.t !== "rows") throw new ImportFileRefused("文件读取异常，请确认是有效的 XLSX 文件。");
      for (const row of m.rows) yield row;
      tell({ t: "more" });
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const closed = new Promise((resolve) => child.once("close", resolve));
      child.kill("SIGKILL");
      await closed;
    }
    await rm(tmp, { recursive: true, force: true });
  }
}

/** `heapMb`: the XLSX reader's heap (IMPORT_READER_HEAP_MB, a bomb dies at it); CSV is read in place, streamed. */
export function readRows(
  path: string,
  format: string,
  encoding: string,
  heapMb: number,
): AsyncGenerator<FileRow> {
  return format === "xlsx" ? xlsxRows(path, heapMb) : csvRows(path, encoding);
}
