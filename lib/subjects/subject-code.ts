import { checkUscc, normalizeUscc } from "./uscc";

/** The code in /subjects/{code} and /api/v1/subjects/{code}: a USCC, or the opaque public id of a natural person. */
export type SubjectCode =
  | { kind: "uscc"; code: string; canonical: boolean }
  | { kind: "public_id"; id: string }
  | { kind: "invalid"; message: string };

export const PUBLIC_ID = /^p[0-9a-z]{13}$/;

export function parseSubjectCode(raw: string): SubjectCode {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { kind: "invalid", message: "代码中含有无法识别的字符。" };
  }
  if (PUBLIC_ID.test(decoded)) return { kind: "public_id", id: decoded };
  const code = normalizeUscc(decoded.normalize("NFKC"));
  const check = checkUscc(code);
  if (!check.valid)
    return {
      kind: "invalid",
      message: `“${decoded.slice(0, 40)}”不是有效的统一社会信用代码：${check.reason}。`,
    };
  return { kind: "uscc", code, canonical: code === decoded };
}
