import { type CheckResult, describeOddCharacters, fail, ok } from "./check-result";
import { checkOrgCode } from "./org-code";

/** GB 32100-2015 character set: digits and upper-case letters without I, O, S, V, Z. */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100-2015 §5: check = alphabet[(31 − Σ value×weight mod 31) mod 31]; null when a char is outside the set. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Checks a code exactly as given (no case folding): lower-case or full-width input is reported, not fixed. */
export function checkUscc(input: string): CheckResult {
  if (typeof input !== "string" || input.length === 0) return fail("统一社会信用代码为空");
  const odd = describeOddCharacters(input);
  if (odd) return fail(`统一社会信用代码${odd}`);
  if (input.length !== 18) return fail(`统一社会信用代码应为 18 位，实际 ${input.length} 位`);
  if (/[a-z]/.test(input)) return fail("统一社会信用代码应使用大写字母");
  for (let i = 0; i < 18; i++) {
    const c = input.charAt(i);
    if (!USCC_ALPHABET.includes(c)) {
      const hint = /[IOSVZ]/.test(c) ? "（代码中不使用 I、O、S、V、Z）" : "";
      return fail(`统一社会信用代码第 ${i + 1} 位“${c}”不是允许的字符${hint}`);
    }
  }
  const expected = usccCheckChar(input.slice(0, 17));
  if (expected !== input.charAt(17)) {
    return fail(`统一社会信用代码校验位错误：第 18 位应为 ${expected}，实际为 ${input.charAt(17)}`);
  }
  // GB 32100 §4.4: positions 9–17 are the GB 11714 organisation code; old codes may fail its check.
  const org = checkOrgCode(input.slice(8, 17));
  return ok(org.valid ? [] : [`主体标识码（组织机构代码）未通过 GB 11714 校验：${org.reason}`]);
}

/**
 * Forgiving form for look-ups typed by people: drops spaces and hyphens, folds full-width forms and case.
 * The result still has to pass checkUscc.
 */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, "")
    .toUpperCase();
}

/** Completes 17 characters with their check character (used to generate valid demo codes). */
export function withUsccCheckChar(first17: string): string {
  const c = usccCheckChar(first17);
  if (c === null) throw new RangeError(`cannot compute a check character for ${first17}`);
  return first17 + c;
}
