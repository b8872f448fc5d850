import { z } from "zod";
import { zhCN } from "zod/v4/locales";

// Every message zod writes itself is Chinese (issue 9 §9): a limit we forgot to word is still readable.
z.config(zhCN());

/**
 * Issue 9 §8: characters that have no place in what people type. C0/C1 control characters (NUL breaks the
 * database, U+0001 breaks XML) and the bidirectional overrides and isolates that make 「…exe.gpj」 display as
 * 「…jpg.exe」. A long text keeps its ordinary line breaks and tabs.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_EXCEPT_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * Issue 20 N16: characters that look like nothing — the zero-width space, word joiner and U+FEFF (a byte-order mark
 * inside a name makes two names that look the same differ) — and the Unicode line and paragraph separators, line
 * breaks that a one-line name may not hold and that JSON and CSV readers treat unlike "\n".
 */
const INVISIBLE = /[\u200b\u2060\ufeff\u2028\u2029]/;

const ALL_UNWANTED = new RegExp(`${CONTROL.source}|${BIDI.source}|${INVISIBLE.source}`, "g");

/** The same characters removed rather than refused: for filters read from a URL, where there is no field. */
export function withoutControlCharacters(value: string): string {
  return value.replace(ALL_UNWANTED, "");
}

export function textProblem(value: string, opts: { multiline?: boolean } = {}): string | null {
  if ((opts.multiline ? CONTROL_EXCEPT_BREAKS : CONTROL).test(value))
    return opts.multiline ? "含有不可见的控制字符，请删除后重试" : "含有换行或不可见的控制字符，请删除后重试";
  if (BIDI.test(value)) return "含有改变文字方向的控制字符（可能导致显示被篡改），请删除后重试";
  if (INVISIBLE.test(value))
    return "含有看不见的字符（零宽字符、字节顺序标记或 Unicode 行分隔符），请删除后重试";
  return null;
}

/** A zod refinement naming the field: `z.string().superRefine(plainText("企业名称"))`. */
export function plainText(label: string, opts: { multiline?: boolean } = {}) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, opts);
    if (problem) ctx.addIssue({ code: "custom", message: `${label}${problem}` });
  };
}

/** Characters XML 1.0 forbids (§2.2): removed from anything written into a feed, so a feed always parses. */
export function stripXmlForbidden(s: string): string {
  // with the u flag a paired surrogate is one code point, so only a lone half matches the last range
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu, "");
}
