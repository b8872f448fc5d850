// The XLSX reader's own process (issue 20 N2), started by read-rows.ts with a heap limit: whatever a file does to
// it — a zip bomb, shared strings without end — it dies alone, and the server goes on. Plain JavaScript, so that
// Node runs it as it is. It decides nothing: it reports what the archive holds, inflates and counts as told, and
// passes rows on in batches, one batch per request of its parent.
import { closeSync, openSync, readSync } from "node:fs";
import ExcelJS from "exceljs";
import yauzl from "yauzl";

const path = process.argv[2];
const send = (m) => new Promise((resolve) => process.send(m, resolve));
const next = () => new Promise((resolve) => process.once("message", resolve));

/**
 * exceljs reads the archive front to back by its local headers, not by the directory yauzl judged: a part hidden
 * between the listed ones would be read unjudged. So the listed parts must lie back to back from the first byte to
 * the directory, with nothing in between.
 */
function layoutProblem(entries, directoryOffset) {
  const fd = openSync(path, "r");
  try {
    const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
    let at = 0;
    for (const e of sorted) {
      if (e.relativeOffsetOfLocalHeader !== at) return "XLSX 文件结构异常（含有目录以外的内容）";
      const head = Buffer.alloc(30);
      readSync(fd, head, 0, 30, at);
      if (head.readUInt32LE(0) !== 0x04034b50) return "XLSX 文件结构异常（部件头无效）";
      const end = at + 30 + head.readUInt16LE(26) + head.readUInt16LE(28) + e.compressedSize;
      if ((head.readUInt16LE(6) & 8) === 0) {
        at = end;
        continue;
      }
      // a data descriptor follows: 12 or 20 bytes (zip64), after an optional signature of 4
      const sig = Buffer.alloc(4);
      readSync(fd, sig, 0, 4, end);
      const zip64 = e.compressedSize >= 0xffffffff || e.uncompressedSize >= 0xffffffff;
      at = end + (sig.readUInt32LE(0) === 0x08074b50 ? 4 : 0) + (zip64 ? 20 : 12);
    }
    return at === directoryOffset ? null : "XLSX 文件结构异常（目录之前有多余内容）";
  } finally {
    closeSync(fd);
  }
}

function openZip() {
  return new Promise((resolve, reject) =>
    // validateEntrySizes (the default): an entry inflating past the size it declared is an error
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    ),
  );
}

function entriesOf(zip) {
  return new Promise((resolve, reject) => {
    const out = [];
    zip.on("entry", (e) => {
      out.push(e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(out));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** Inflates one entry to its end (its declared size at most) and counts `<si` openings on the way. */
function inflate(zip, entry, countStrings) {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      let count = 0;
      let tail = "";
      stream.on("data", (chunk) => {
        if (!countStrings) return;
        const text = tail + chunk.toString("latin1");
        count += (text.match(/<si[\s>/]/g) ?? []).length;
        tail = text.slice(-3);
      });
      stream.on("end", () => resolve(count));
      stream.on("error", reject);
    }),
  );
}

const isStrings = (name) => name === "xl/sharedStrings.xml";

function cellText(v) {
  if (v === null || v === undefined) return { text: "", formula: false };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), formula: false };
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v) return { text: "", formula: true };
    if ("richText" in v) return { text: v.richText.map((t) => t.text).join(""), formula: false };
    if ("text" in v) return { text: String(v.text), formula: false };
    if ("error" in v) return { text: String(v.error), formula: false };
    return { text: "", formula: false };
  }
  return { text: String(v), formula: false };
}

async function main() {
  // 1. the directory, for the parent to judge
  const zip = await openZip();
  // before any entry is read, yauzl's cursor stands at the central directory
  const directoryOffset = zip.readEntryCursor;
  const entries = await entriesOf(zip);
  const layout = layoutProblem(entries, directoryOffset);
  if (layout) throw new Error(layout);
  await send({
    t: "entries",
    entries: entries.map((e) => ({
      name: e.fileName,
      compressedBytes: e.compressedSize,
      inflatedBytes: e.uncompressedSize,
    })),
  });
  if ((await next()).t !== "scan") return;
  // 2. every part inflated as far as it declared, the shared strings counted
  let strings = 0;
  for (const e of entries) strings += await inflate(zip, e, isStrings(e.fileName));
  zip.close();
  await send({ t: "strings", count: strings });
  if ((await next()).t !== "rows") return;
  // 3. the first worksheet's rows, formula cells flagged and never evaluated
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "emit",
  });
  let batch = [];
  const flush = async () => {
    await send({ t: "rows", rows: batch });
    batch = [];
    if ((await next()).t !== "more") process.exit(0);
  };
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const parsed = Array.from(row.values.slice(1), (c) => cellText(c));
      if (parsed.every((c) => c.text.trim() === "" && !c.formula)) continue;
      batch.push({
        rowNo: row.number,
        values: parsed.map((c) => c.text),
        formulas: parsed.flatMap((c, i) => (c.formula ? [i] : [])),
      });
      if (batch.length >= 500) await flush();
    }
    break; // the first sheet only
  }
  if (batch.length) await flush();
  await send({ t: "end" });
}

main().then(
  () => process.exit(0),
  async (err) => {
    await send({ t: "error", message: String(err?.message ?? err).slice(0, 300) }).catch(() => {});
    process.exit(1);
  },
);
