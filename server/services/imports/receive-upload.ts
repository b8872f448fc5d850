import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  IMPORT_MAX_BYTES,
  incompleteUpload,
  type Sniffed,
  sizeProblem,
  sniffImportFile,
} from "@/lib/records/import-file";
import { byteLimit } from "../../body-limit";
import { AppError } from "../../errors";

/**
 * Streams a request body to a temporary file, stopping at 50 MB — chunked bodies too, by counting — then
 * decides what the file is from its first bytes. A body shorter than its Content-Length was cut on the way and
 * is refused, never imported in part (issue 9 §1). Nothing is kept when the file is refused.
 */
export async function receiveUpload(
  request: Request,
  importDir: string,
  fileName: string,
): Promise<{ tempPath: string; size: number; sniffed: Extract<Sniffed, { ok: true }> }> {
  const header = request.headers.get("content-length");
  const declared = header === null ? null : Number(header);
  if (declared !== null && declared > IMPORT_MAX_BYTES)
    throw new AppError("too_large", sizeProblem(declared) ?? "");
  if (!request.body) throw new AppError("invalid", "文件是空的。");
  await mkdir(importDir, { recursive: true });
  const tempPath = join(/*turbopackIgnore: true*/ importDir, `upload-${randomUUID()}`);
  const limit = byteLimit(IMPORT_MAX_BYTES, sizeProblem);
  try {
    await pipeline(Readable.fromWeb(request.body as never), limit.counter, createWriteStream(tempPath));
    const size = limit.size();
    const cut = incompleteUpload(declared, size);
    if (cut) throw new AppError("invalid", cut);
    const handle = await open(tempPath, "r");
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    await handle.close();
    const sniffed = sniffImportFile(head.subarray(0, bytesRead), fileName, size);
    if (!sniffed.ok) throw new AppError("invalid", sniffed.message);
    if (sniffed.format === "csv" && sniffed.encoding === null) {
      throw new AppError(
        "invalid",
        "无法识别 CSV 的文字编码：请在 Excel 中“另存为 CSV UTF-8（逗号分隔）”后再导入。",
      );
    }
    return { tempPath, size, sniffed };
  } catch (err) {
    await rm(tempPath, { force: true });
    throw err;
  }
}
