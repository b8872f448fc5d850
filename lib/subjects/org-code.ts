import { type CheckResult, describeOddCharacters, fail, ok } from "./check-result";

// GB 11714-1997: 8 body characters (digits, upper-case letters) + 1 check character.
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function charValue(c: string): number {
  return /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A=10 … Z=35
}

/** GB 11714: check = 11 − Σ(value × weight) mod 11; 10 → "X", 11 → "0". */
export function orgCodeCheckChar(body: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

export function checkOrgCode(input: string): CheckResult {
  if (typeof input !== "string" || input.length === 0) return fail("组织机构代码为空");
  const odd = describeOddCharacters(input);
  if (odd) return fail(`组织机构代码${odd}`);
  // the printed form "D2143569-X" puts a hyphen before the check character; nowhere else
  const code = /^[^-]{8}-[^-]$/.test(input) ? input.replace("-", "") : input;
  if (code.length !== 9) return fail(`组织机构代码应为 9 位，实际 ${code.length} 位`);
  if (/[a-z]/.test(code)) return fail("组织机构代码应使用大写字母");
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code))
    return fail("组织机构代码含有不允许的字符（连字符只能在校验码之前）");
  const expected = orgCodeCheckChar(code.slice(0, 8));
  if (expected !== code.charAt(8))
    return fail(`组织机构代码校验位错误：应为 ${expected}，实际为 ${code.charAt(8)}`);
  return ok();
}
