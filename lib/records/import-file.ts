/** DOMAIN §12 import: what a file is, before parsing it. Pure: works on the first bytes. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** Empty, or past 50 MB: checked in the browser before sending, while streaming, and on the stored file. */
export function sizeProblem(size: number): string | null {
  if (size === 0) return "文件是空的。";
  if (size > IMPORT_MAX_BYTES)
    return `文件超过 50 MB（当前 ${(size / 1048576).toFixed(1)} MB），请拆分后分批导入。`;
  return null;
}

/** A body that ended before its declared length was cut on the way: refused whole, never read in part. */
export function incompleteUpload(declared: number | null, received: number): string | null {
  if (declared === null || Number.isNaN(declared) || received === declared) return null;
  return `文件没有完整上传（声明 ${declared} 字节，收到 ${received} 字节），未导入任何记录，请重新上传。`;
}

export type Sniffed =
  | { ok: true; format: "csv" | "xlsx"; encoding: "utf-8" | "gb18030" | null }
  | { ok: false; message: string };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * Decides from content, not from the name: a renamed .exe, an HTML page saved as .csv, an empty file or a
 * non-UTF-8 CSV each get their own message. GBK/GB 18030 CSVs are detected and read as such.
 */
export function sniffImportFile(head: Uint8Array, fileName: string, size: number): Sniffed {
  const ext = fileName.toLowerCase().match(/\.(csv|xlsx|xls|txt)$/)?.[1];
  const sized = sizeProblem(size);
  if (sized) return { ok: false, message: sized };
  if (startsWith(head, [0x4d, 0x5a]))
    return { ok: false, message: "这是一个可执行程序（.exe），不是 CSV 或 XLSX 文件。" };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0]))
    return {
      ok: false,
      message: "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再导入。",
    };
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46]))
    return { ok: false, message: "这是 PDF 文件，不是 CSV 或 XLSX 文件。" };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext !== "xlsx")
      return { ok: false, message: "文件内容是 Excel（.xlsx）或压缩包，但扩展名不是 .xlsx，请核对文件。" };
    return { ok: true, format: "xlsx", encoding: null };
  }
  if (ext === "xlsx") return { ok: false, message: "扩展名是 .xlsx，但内容不是 Excel 文件。" };
  if (head.includes(0)) return { ok: false, message: "文件含有二进制内容，不是 CSV 文本文件。" };
  const bom = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const text = new TextDecoder("utf-8")
    .decode(head.subarray(bom, bom + 512))
    .trimStart()
    .toLowerCase();
  if (text === "") return { ok: false, message: "文件是空的。" };
  if (/^<(!doctype|html|\?xml|head|body|table)/.test(text)) {
    return { ok: false, message: "这是网页（HTML/XML）文件，不是 CSV。请从业务系统导出 CSV 或 XLSX。" };
  }
  return { ok: true, format: "csv", encoding: isUtf8(head) ? "utf-8" : isGb18030(head) ? "gb18030" : null };
}

/** Valid UTF-8, allowing a multi-byte character cut off at the end of the sample. */
function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(0, cutAtLastNewline(b)));
    return true;
  } catch {
    return false;
  }
}
function isGb18030(b: Uint8Array): boolean {
  try {
    const t = new TextDecoder("gb18030", { fatal: true }).decode(b.subarray(0, cutAtLastNewline(b)));
    return /[\u4e00-\u9fff]/.test(t);
  } catch {
    return false;
  }
}
const cutAtLastNewline = (b: Uint8Array) => {
  const i = b.lastIndexOf(0x0a);
  return i > 0 ? i + 1 : b.length;
};

/** Columns without which no row can be read: reported once for the file, not on every row. */
export function missingHeaders(found: readonly string[], required: readonly string[]): string[] {
  const have = new Set(found.map((h) => h.trim()));
  return required.filter((h) => !have.has(h));
}

/**
 * Rows that repeat a 决定书文号 of the same file, or give one USCC two names (issue 5 §6): each later row is
 * reported against the first.
 */
export function createInFileChecks() {
  const numbers = new Map<string, number>();
  const names = new Map<string, { name: string; row: number }>();
  return (row: number, decisionNo: string, uscc: string | null, name: string) => {
    const problems: { column: "decisionNo" | "counterpartName"; reason: string }[] = [];
    const first = numbers.get(decisionNo);
    if (first !== undefined)
      problems.push({ column: "decisionNo", reason: `与第 ${first} 行的决定书文号重复` });
    else numbers.set(decisionNo, row);
    if (uscc) {
      const seen = names.get(uscc);
      if (seen && seen.name !== name) {
        problems.push({
          column: "counterpartName",
          reason: `同一统一社会信用代码在第 ${seen.row} 行的名称为“${seen.name}”，两处不一致`,
        });
      } else if (!seen) names.set(uscc, { name, row });
    }
    return problems;
  };
}

/**
 * Issue 20 N2: an XLSX is a zip, and a 7 MB one can inflate to gigabytes (a "zip bomb" of shared strings). Before
 * a row is read, its directory is held to these limits; each entry is then inflated no further than it declared
 * (the reader checks), and the shared strings are counted as they inflate.
 */
export const XLSX_LIMITS = {
  /** a workbook has a dozen parts; a few sheets, styles and themes more */
  entries: 200,
  /** all parts together, inflated: ~1.5 million rows of 20 columns, more than the row limit admits */
  inflatedBytes: 1024 * 1024 * 1024,
  /** the shared-strings part, inflated: what the reader keeps in memory */
  sharedStringsBytes: 128 * 1024 * 1024,
  sharedStrings: 2_000_000,
} as const;

export type ZipEntryFacts = { name: string; compressedBytes: number; inflatedBytes: number };

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

/** Null when the archive's directory is within the limits, else why not (in Chinese, for the job's message). */
export function xlsxArchiveProblem(entries: readonly ZipEntryFacts[]): string | null {
  if (entries.length > XLSX_LIMITS.entries)
    return `XLSX 文件包含 ${entries.length} 个部件，超过 ${XLSX_LIMITS.entries} 个的上限，不是正常的工作簿。`;
  const total = entries.reduce((n, e) => n + e.inflatedBytes, 0);
  if (total > XLSX_LIMITS.inflatedBytes)
    return `XLSX 文件解压后达 ${mb(total)}，超过 ${mb(XLSX_LIMITS.inflatedBytes)} 的上限（文件可能经过恶意构造）。请拆分后分批导入，或另存为 CSV。`;
  const strings = entries.find((e) => e.name === "xl/sharedStrings.xml");
  if (strings && strings.inflatedBytes > XLSX_LIMITS.sharedStringsBytes)
    return `XLSX 文件的共享字符串解压后达 ${mb(strings.inflatedBytes)}，超过 ${mb(XLSX_LIMITS.sharedStringsBytes)} 的上限（文件可能经过恶意构造）。请另存为 CSV 后导入。`;
  return null;
}

export const sharedStringsProblem = (count: number): string | null =>
  count > XLSX_LIMITS.sharedStrings
    ? `XLSX 文件的共享字符串超过 ${XLSX_LIMITS.sharedStrings.toLocaleString("en-US")} 个的上限，请另存为 CSV 后导入。`
    : null;

/** The row limit (a setting): past it, nothing of the file is imported. */
export const rowLimitProblem = (rows: number, limit: number): string | null =>
  rows > limit
    ? `文件超过 ${limit.toLocaleString("en-US")} 行的上限（系统设置“单个导入文件行数上限”），本次未导入任何记录。请拆分后分批导入。`
    : null;

/**
 * DOMAIN §12: how a bulk import treats bad rows — keep_good writes the good rows and lists the bad ones,
 * all_or_nothing writes nothing when one row is bad. The console, the provider API and the database share this list.
 */
export const IMPORT_MODE_LABEL = { keep_good: "导入正确的行", all_or_nothing: "全部或全不" } as const;
export type ImportMode = keyof typeof IMPORT_MODE_LABEL;
export const IMPORT_MODES = Object.keys(IMPORT_MODE_LABEL) as [ImportMode, ...ImportMode[]];
