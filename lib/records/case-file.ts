import { textProblem } from "../web/text";

/**
 * DOMAIN §7 materials: proof of fulfilment and the like, PDF/JPG/PNG, at most 10 MB each, the type judged
 * from the content (the caller sniffs it with a library) and the name never used as a path.
 */
export const CASE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const CASE_FILE_MAX_COUNT = 5;
export const CASE_FILE_TYPES = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
} as const;
export type CaseFileMime = keyof typeof CASE_FILE_TYPES;
export const CASE_FILE_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** Null when the file may be kept; otherwise why not, naming the file. `sniffed` is the content's MIME type. */
export function caseFileProblem(f: { name: string; size: number; sniffed: string | null }): string | null {
  const shown = f.name.length > 40 ? `${f.name.slice(0, 37)}…` : f.name;
  if (f.name.trim() === "") return "上传的文件缺少文件名。";
  if (f.name.length > 200) return `文件名“${shown}”过长（不超过 200 个字符）。`;
  if (/[/\\]|^\.|\.\./.test(f.name) || textProblem(f.name))
    return `文件名“${shown}”含有路径或不可见字符，请改为普通文件名后重新上传。`;
  if (f.size === 0) return `文件“${shown}”是空文件。`;
  if (f.size > CASE_FILE_MAX_BYTES) return `文件“${shown}”超过 10 MB。`;
  const ext = f.name.split(".").pop()?.toLowerCase() ?? "";
  const allowed =
    f.sniffed && f.sniffed in CASE_FILE_TYPES ? CASE_FILE_TYPES[f.sniffed as CaseFileMime] : null;
  if (!allowed) return `文件“${shown}”的内容不是 PDF、JPG 或 PNG（以文件内容判断，与扩展名无关）。`;
  if (!(allowed as readonly string[]).includes(ext))
    return `文件“${shown}”的扩展名与内容不符（内容为 ${allowed[0]?.toUpperCase()}），请核对后重新上传。`;
  return null;
}
